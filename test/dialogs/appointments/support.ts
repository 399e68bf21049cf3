/** Reading the appointment dialogs' keyed replies in tests. */
import type { Activity } from 'botbuilder';
import type { Recognition } from '../../../nlu/recognizer.js';
import type { DocumentId, Intent } from '../../../domain/nluContract.js';
import { readable } from '../../support/conversation.js';

export function recognition(intent: Intent, document?: DocumentId): Recognition {
  return { intent, score: 1, entities: document ? { document } : {} };
}

/** The slots offered as numbered options (plain-text channels), in order, as "donderdag 5 maart 16:00". */
export function offeredSlots(replies: Partial<Activity>[]): string[] {
  // Residents read "9 uur", "8.30 uur"; the tests compare the wall-clock "HH:MM" of the slots.
  return [...readable(replies).matchAll(/^\d+\. «appointments:slot\.label» day=(.+?) time=(\d{1,2})(?:\.(\d\d))?$/gm)].map(
    ([, day, hour, minutes]) => `${day} ${hour!.padStart(2, '0')}:${minutes ?? '00'}`,
  );
}

/** The numbered options of a plain-text question ("1. …"), without the numbers. */
export function numberedOptions(replies: Partial<Activity>[]): string[] {
  return [...readable(replies).matchAll(/^\d+\. (.+)$/gm)].map(([, label]) => label!);
}

/** The value of a placeholder in a keyed text, e.g. `code` in "«appointments:booked.code» code=K7M-4XT". */
export function placeholder(replies: Partial<Activity>[], key: string, name: string): string | undefined {
  const line = readable(replies)
    .split('\n')
    .find((text) => text.includes(`«${key}»`));
  return line === undefined ? undefined : new RegExp(`${name}=(\\S+)`).exec(line)?.[1];
}
