import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { DUTCH_CHRONO } from '../../nlu/dutchDateTime.js';

const REFERENCE = new Date(2026, 10, 26, 9, 0);

/** The residents' messages of the recognizer's test sets, and date phrases of every kind chrono's Dutch parsers read. */
const TEXTS = [
  ...['testset.jsonl', 'residents.jsonl', 'holdout.jsonl', 'holdout2.jsonl'].flatMap((file) =>
    readFileSync(new URL(file, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text),
  ),
  'nu',
  'vandaag om 10 uur',
  'morgenavond',
  'gisterenochtend',
  'vanavond',
  "deze namiddag, 's avonds of 's middags",
  'middernacht',
  'binnen twee dagen',
  'binnen de 3 weken',
  'in een uur',
  'over een week',
  'over 3 dagen',
  'twee dagen geleden',
  '3 dagen later',
  'volgende week dinsdag',
  'vorige maand',
  'deze week',
  'komende maandag om 14u',
  'op 3 december',
  'derde mei',
  '12 jan 2027',
  'mrt 2027',
  '2026-12-03',
  '3/12',
  '12/2026',
  'om 10.30',
  'tussen 10 en 12 uur',
];

/** What decides a wish: where chrono found something, what, and the components it is sure of. */
function readings(results: chrono.ParsedResult[]) {
  return results.map(({ index, text, start, end }) => ({
    index,
    text,
    start: start.date().toISOString(),
    certain: (['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const).filter((component) => start.isCertain(component)),
    end: end?.date().toISOString(),
  }));
}

describe('DUTCH_CHRONO', () => {
  it(`reads all ${TEXTS.length} texts exactly as chrono.nl.parse does, a second time too`, () => {
    for (let round = 0; round < 2; round++) {
      for (const text of TEXTS) {
        expect(readings(DUTCH_CHRONO.parse(text, REFERENCE, { forwardDate: true })), text).toEqual(
          readings(chrono.nl.parse(text, REFERENCE, { forwardDate: true })),
        );
      }
    }
  });

  it('builds each parser pattern once: the same RegExp for every parse', () => {
    const patterns = () => DUTCH_CHRONO.parsers.map((parser) => parser.pattern(new chrono.ParsingContext('x', REFERENCE)));
    const first = patterns();
    DUTCH_CHRONO.parse('morgen om 10 uur', REFERENCE);
    expect(patterns().every((pattern, index) => pattern === first[index])).toBe(true);
  });
});
