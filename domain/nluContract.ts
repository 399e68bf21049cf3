/** Intent names and document ids from docs/contract/nlu.md. Other systems depend on them: extend, never rename. */
/** The intents that ask for one of the assistant's capabilities (the rest greet, steer or say nothing). */
export const CAPABILITY_INTENTS = [
  'thuisloket.info',
  'document.request',
  'appointment.book',
  'appointment.cancel',
  'appointment.reschedule',
  'info.hours',
  'info.contact',
  'handoff.human',
] as const;

export const INTENTS = ['greeting', 'goodbye', 'help', 'cancel', ...CAPABILITY_INTENTS, 'none'] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents that ask nothing the assistant can act on: a greeting, thanks or goodbye, or nothing understood. */
const NO_REQUEST_INTENTS: readonly Intent[] = ['greeting', 'goodbye', 'none'];

/** Whether an intent asks nothing the assistant can act on; `also` adds intents the caller does not count as a request either. */
export function isNoRequest(intent: Intent, also: readonly Intent[] = []): boolean {
  return NO_REQUEST_INTENTS.includes(intent) || also.includes(intent);
}

export const DOCUMENT_IDS = [
  'uittreksel-strafregister',
  'attest-woonst',
  'attest-gezinssamenstelling',
  'attest-leven',
  'attest-nationaliteit',
  'akte-geboorte',
  'akte-huwelijk',
  'akte-overlijden',
  'identiteitskaart',
  'kids-id',
  'reispas',
  'rijbewijs',
  'wettiging-handtekening',
  'eid-pincode',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

export function isDocumentId(value: unknown): value is DocumentId {
  return typeof value === 'string' && (DOCUMENT_IDS as readonly string[]).includes(value);
}
