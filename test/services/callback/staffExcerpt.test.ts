import { describe, expect, it } from 'vitest';
import { EXCERPT_LINE_CHARACTERS, EXCERPT_LINES, excerptForStaff } from '../../../services/callback/staffExcerpt.js';
import { REMOVED } from '../../../services/callback/scrubPersonalData.js';

describe('excerptForStaff', () => {
  const long = `${'mijn paspoort is verlopen en '.repeat(10)}einde`;
  const cases: Array<[string, string[], string[]]> = [
    ['keeps short lines as they are', ['ik wil een reispas'], ['ik wil een reispas']],
    ['keeps only the last lines', ['een', 'twee', 'drie', 'vier', 'vijf'], ['drie', 'vier', 'vijf']],
    ['drops empty lines before counting', ['een', 'twee', 'drie', '  ', ''], ['een', 'twee', 'drie']],
    ['collapses white space', ['  ik   wil\n een pas '], ['ik wil een pas']],
    ['removes phone numbers and e-mail addresses', ['bel 0470 12 34 56 of mail jan@voorbeeld.be'], [`bel ${REMOVED} of mail ${REMOVED}`]],
    ['keeps nothing of nothing', [], []],
  ];
  it.each(cases)('%s', (_name, lines, expected) => {
    expect(excerptForStaff(lines)).toEqual(expected);
  });

  it(`cuts a long line at a word, within ${EXCERPT_LINE_CHARACTERS} characters, with an ellipsis`, () => {
    const [line] = excerptForStaff([long]);
    expect(line!.length).toBeLessThanOrEqual(EXCERPT_LINE_CHARACTERS);
    expect(line!.endsWith('…')).toBe(true);
    expect(long.startsWith(line!.slice(0, -1))).toBe(true);
    expect(long[line!.length - 1]).toBe(' ');
  });

  it('cuts a line that is one long word in the word', () => {
    const [line] = excerptForStaff(['x'.repeat(500)]);
    expect(line).toBe(`${'x'.repeat(EXCERPT_LINE_CHARACTERS - 1)}…`);
  });

  it(`holds at most ${EXCERPT_LINES} lines of at most ${EXCERPT_LINE_CHARACTERS} characters`, () => {
    const excerpt = excerptForStaff(Array.from({ length: 20 }, () => long));
    expect(excerpt).toHaveLength(EXCERPT_LINES);
    for (const line of excerpt) expect(line.length).toBeLessThanOrEqual(EXCERPT_LINE_CHARACTERS);
  });
});
