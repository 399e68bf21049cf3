/**
 * "niet annuleren maar verschuiven", "geen paspoort maar een identiteitskaart": what a resident
 * negates before a contrast is what they do not want. This finds that part.
 */

const NEGATIONS = new Set(['niet', 'geen']);
const CONTRASTS = new Set(['maar', 'wel']);
/** "laat maar", "bel mij maar terug": after these, "maar" softens a request instead of contrasting. */
const SOFTENED_BY_MAAR = new Set([
  'laat',
  'mij',
  'me',
  'het',
  'ze',
  'hem',
  'haar',
  'u',
  'dat',
  'dan',
  'gerust',
  'zet',
  'doe',
  'ga',
  'kom',
  'vergeet',
  'hou',
  'stop',
  'zeg',
  'bel',
]);
/** A contrast further than this from its negation belongs to another clause. */
const MAX_NEGATED_WORDS = 6;

/** Word positions [start, end): the negation, the negated words and the contrast word. */
export interface NegatedPart {
  start: number;
  end: number;
}

/** The first "niet/geen X maar/wel Y" in the words, when Y follows; otherwise undefined. */
export function negatedPart(words: readonly string[]): NegatedPart | undefined {
  for (let start = 0; start < words.length; start += 1) {
    if (!NEGATIONS.has(words[start]!)) continue;
    const last = Math.min(words.length - 2, start + MAX_NEGATED_WORDS + 1);
    for (let at = start + 1; at <= last; at += 1) {
      const word = words[at]!;
      if (NEGATIONS.has(word)) break;
      if (!CONTRASTS.has(word) || SOFTENED_BY_MAAR.has(words[at - 1]!)) continue;
      return { start, end: at + 1 };
    }
  }
  return undefined;
}

/** The words without the negated part: what the resident does want. */
export function withoutNegatedPart(words: readonly string[], part: NegatedPart | undefined): string[] {
  return part === undefined ? [...words] : [...words.slice(0, part.start), ...words.slice(part.end)];
}
