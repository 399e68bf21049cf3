import { describe, expect, it } from 'vitest';
import { SUBJECT_CHARACTERS, subjectForStaff } from '../../../services/callback/callbackSubject.js';
import { REMOVED } from '../../../services/callback/scrubPersonalData.js';

describe('subjectForStaff', () => {
  const cases: Array<[string, string | null | undefined, string | null]> = [
    ['keeps a short subject as it is', 'mijn reispas is verlopen', 'mijn reispas is verlopen'],
    ['collapses white space', '  vraag   over\n de  afvalkalender ', 'vraag over de afvalkalender'],
    ['removes a phone number and an e-mail address', 'bel 0470 12 34 56 of mail jan@voorbeeld.be', `bel ${REMOVED} of mail ${REMOVED}`],
    ['keeps a date', 'mijn afspraak van 12/03/2026', 'mijn afspraak van 12/03/2026'],
    ['makes nothing of blanks', '   ', null],
    ['makes nothing of punctuation alone', '...', null],
    ['keeps nothing of nothing', null, null],
    ['keeps nothing of undefined', undefined, null],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(subjectForStaff(text)).toBe(expected);
  });

  it(`cuts a long subject at a word, within ${SUBJECT_CHARACTERS} characters, with an ellipsis`, () => {
    const long = 'ik heb een vraag over mijn verhuis naar de deelgemeente '.repeat(5);
    const subject = subjectForStaff(long)!;
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_CHARACTERS);
    expect(subject.endsWith('…')).toBe(true);
    expect(long.startsWith(subject.slice(0, -1))).toBe(true);
  });
});
