/** Intent names and document ids from shared/contract/nlu.md. Other systems depend on them: extend, never rename. */
export const INTENTS = [
  'greeting',
  'goodbye',
  'help',
  'cancel',
  'thuisloket.info',
  'document.request',
  'appointment.book',
  'appointment.cancel',
  'appointment.reschedule',
  'info.hours',
  'info.contact',
  'handoff.human',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

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
