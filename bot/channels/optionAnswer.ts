import { parseDutchNumber } from '../../nlu/dutchNumbers.js';
import type { Option } from './renderer.js';

/**
 * Which option a resident's answer picks: its number ("2", "twee", "de tweede"), its label,
 * its code, the one label the answer contains, or the one label the answer begins ("nee" for
 * "Nee, dank u"). Undefined when the answer picks none or several.
 */
export function matchOption(answer: string, options: readonly Option[]): Option | undefined {
  const number = parseDutchNumber(answer);
  if (number !== undefined) return options[number - 1];
  const said = normalise(answer);
  if (!said) return undefined;
  const exact = options.find((option) => normalise(option.label) === said || normalise(option.value) === said);
  if (exact) return exact;
  const contained = options.filter((option) => containsWords(said, normalise(option.label)));
  if (contained.length === 1) return contained[0];
  // "nee" for "Nee, dank u", "ja" for "Ja, bel mij terug": the first words of exactly one label.
  const started = options.filter((option) => `${normalise(option.label)} `.startsWith(`${said} `));
  return started.length === 1 ? started[0] : undefined;
}

/** Whether the answer is one option's label or value exactly (case, accents and punctuation aside). */
export function isOptionLabel(answer: string, options: readonly Option[]): boolean {
  const said = normalise(answer);
  return said !== '' && options.some((option) => normalise(option.label) === said || normalise(option.value) === said);
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}
