import { createMemoryLogger } from '../../bot/logger.js';
import { memoryDocument } from '../../stores/embedded/durableDocument.js';
import { createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../stores/callbacks/embeddedCallbackStore.js';
import type { Escalation, HandoffServices } from '../../dialogs/handoffDialog.js';
import type { HandoffMode } from '../../services/callback/handoffMode.js';
import { createWeeklyPhoneAvailability, type StaffedPeriod } from '../../services/callback/phoneAvailability.js';

/** Monday 2 March 2026, 10:00 in Brussels: the line is staffed until 12:00. */
export const MONDAY_10H = new Date('2026-03-02T09:00:00Z');
/** Saturday 7 March 2026, 11:00 in Brussels: closed until Monday 9 March, 8:30. */
export const SATURDAY_11H = new Date('2026-03-07T10:00:00Z');

const WEEKDAY: readonly StaffedPeriod[] = [
  { from: '08:30', to: '12:00' },
  { from: '13:00', to: '16:00' },
];

const PHONE_HOURS = createWeeklyPhoneAvailability({ weekly: { 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: WEEKDAY } });

/** Handoff services on an in-memory callback store, a fixed clock and a logger that keeps its lines. */
export function handoffFixture(options: { now?: Date; mode?: HandoffMode; retentionDays?: number } = {}) {
  const logger = createMemoryLogger();
  const callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT));
  const escalations: Escalation[] = [];
  const now = options.now ?? MONDAY_10H;
  const services: HandoffServices = {
    mode: options.mode ?? 'callback',
    availability: PHONE_HOURS,
    callbacks,
    retentionDays: options.retentionDays ?? 30,
    logger,
    now: () => now,
    onEscalated: (_context, escalation) => {
      escalations.push(escalation);
    },
  };
  return { services, logger, callbacks, escalations };
}

/** The texts of the replies, one string; the callback reference in it, if any. */
export function referenceIn(text: string): string | undefined {
  return /reference=([A-Z]{3}-\d{3})/.exec(text)?.[1];
}
