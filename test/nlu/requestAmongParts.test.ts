import { beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../domain/nluContract.js';
import { createLinearRecognizer } from '../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { LONGEST_READ_MESSAGE, messageParts, readingEveryPart } from '../../nlu/requestAmongParts.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';

describe('messageParts', () => {
  it.each([
    ['Hello, I need a birth certificate', ['Hello', 'I need a birth certificate']],
    ['Goeiedag! Ik heb een reispas nodig. Dank u', ['Goeiedag!', 'Ik heb een reispas nodig.', 'Dank u']],
    ['ja', ['ja']],
    ['... , !', []],
  ])('%j', (text, parts) => {
    expect(messageParts(text)).toEqual(parts);
  });
});

describe('readingEveryPart with the offline recognizer', () => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = readingEveryPart(await createLinearRecognizer());
  });

  const STORY =
    'Goeiedag, ik ben 81 jaar en ik ben niet zo goed met computers. Mijn dochter woont in het buitenland. ' +
    'Vroeger deed mijn man dat allemaal maar hij is er niet meer. ';
  // The story's request, by either capability that answers it ("a new identity card, can I book?" is both).
  it.each<[string, Intent | Intent[], string?]>([
    ['Hello, I need a birth certificate', 'document.request', 'akte-geboorte'],
    ['Hi! Can I make an appointment please?', 'appointment.book'],
    ['Goeiemorgen, hoe laat zijn jullie open zaterdag?', 'info.hours'],
    [`${STORY}Tot hoe laat zijn jullie open op donderdag?`, 'info.hours'],
    [
      `${STORY}Ik moet een nieuwe identiteitskaart hebben. Kan ik een afspraak maken?`,
      ['appointment.book', 'document.request'],
      'identiteitskaart',
    ],
    // A document needed and an appointment asked, torn between the two as a whole: the booking for that document.
    ['mijn dochter van 15 heeft een nieuwe identiteitskaart nodig, afspraak maken', 'appointment.book', 'identiteitskaart'],
    ['Mijn kleinzoon heeft een nieuwe reispas nodig. Ik had graag een afspraak gemaakt.', 'appointment.book', 'reispas'],
    ['Hallo', 'greeting'],
    ['Alvast bedankt', 'goodbye'],
    // A story that reads as the thuisloket (no card reader), then the question: the question is what is asked.
    [
      `${STORY}Mijn identiteitskaart is vervallen. Ik heb ook geen kaartlezer. Kan ik daarvoor een afspraak maken aan het loket? Dank u.`,
      'appointment.book',
      'identiteitskaart',
    ],
    [
      'Mijn kaartlezer doet niets meer en itsme heb ik niet. Ik heb een attest van gezinssamenstelling nodig. Mag ik dan een afspraak maken?',
      'appointment.book',
      'attest-gezinssamenstelling',
    ],
    ['Ik heb een afspraak op dinsdag voor mijn rijbewijs. Kan ik die verplaatsen naar later?', 'appointment.reschedule', 'rijbewijs'],
    // A question that asks no capability leaves the whole message as it was read.
    ['Mijn kaartlezer werkt niet meer. Wat moet ik nu doen?', 'thuisloket.info'],
  ])('%j → %s', async (text, intent, document) => {
    const read = await recognizer.recognize(text, 'nl');
    expect(typeof intent === 'string' ? [intent] : intent).toContain(read.intent);
    if (document) expect(read.entities.document).toBe(document);
  });
});

describe('readingEveryPart: what a part may not do', () => {
  // A fragment that reads as cancel or help never wins: "nee, dank u" at a question stays thanks.
  const inner = fakeRecognizer({
    'nee, dank u': 'goodbye',
    nee: 'cancel',
    'dank u': 'goodbye',
    'help, reispas': 'greeting',
    help: 'help',
    reispas: 'document.request',
  });

  it('keeps the whole message when a part is only cancel or help', async () => {
    expect((await readingEveryPart(inner).recognize('nee, dank u', 'nl')).intent).toBe('goodbye');
  });

  it('a capability request in a part wins over a greeting', async () => {
    expect((await readingEveryPart(inner).recognize('help, reispas', 'nl')).intent).toBe('document.request');
  });

  it(`does not read a message over ${LONGEST_READ_MESSAGE} characters`, async () => {
    let calls = 0;
    const counting: Recognizer = { recognize: async (text, locale) => ((calls += 1), inner.recognize(text, locale)) };
    const read = await readingEveryPart(counting).recognize(`reispas. ${'x'.repeat(LONGEST_READ_MESSAGE)}`, 'nl');
    expect(read.intent).toBe('none');
    expect(calls).toBe(0);
  });
});
