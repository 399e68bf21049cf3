import { DUTCH_CARDINALS } from './dutchNumbers.js';

/**
 * An identity document for a child under 12 is a Kids-ID; from 12 it is the identity card.
 * Finds the age a resident mentions ("mijn zoon van 8", "5 jaar", "onze baby").
 */

const KIDS_ID_AGE_LIMIT = 12;
const NUMBER_WORDS = new Map(['nul', ...DUTCH_CARDINALS.slice(0, 18)].map((word, value) => [word, value]));
/** Words that name a child too young to be asked: under 12 whatever else is said. */
const YOUNG_CHILD_WORDS = new Set([
  'baby',
  'babytje',
  'pasgeboren',
  'pasgeborene',
  'peuter',
  'kleuter',
  'boreling',
  'kindje',
  'zoontje',
  'dochtertje',
  'kleintje',
]);
const CHILD_WORDS = new Set([
  'kind',
  'kinderen',
  'zoon',
  'dochter',
  'kleinzoon',
  'kleindochter',
  'jongen',
  'meisje',
  'kleinkind',
  'zoontje',
  'dochtertje',
]);
const YEARS = new Set(['jaar', 'jaartjes', 'jarig', 'jarige']);

/** The age in years the words give a child, or `'young'` for a baby or toddler; undefined when none is said. */
export function childAge(words: readonly string[]): number | 'young' | undefined {
  for (let i = 0; i < words.length; i += 1) {
    const age = asNumber(words[i]!);
    if (age === undefined) continue;
    const after = words[i + 1] ?? '';
    const before = words[i - 1] ?? '';
    // "8 jaar", "achtjarige"; "van 8" right after a child ("mijn zoon van 8").
    if (YEARS.has(after) || (before === 'van' && CHILD_WORDS.has(words[i - 2] ?? ''))) return age;
  }
  for (const word of words) {
    const glued = /^(\d{1,2}|[a-z]+?)jarige?$/.exec(word);
    const age = glued === null ? undefined : asNumber(glued[1]!);
    if (age !== undefined) return age;
  }
  return words.some((word) => YOUNG_CHILD_WORDS.has(word)) ? 'young' : undefined;
}

/** Whether the age said is under the Kids-ID limit; undefined when no age is said. */
export function isUnderKidsIdAge(words: readonly string[]): boolean | undefined {
  const age = childAge(words);
  if (age === undefined) return undefined;
  return age === 'young' || age < KIDS_ID_AGE_LIMIT;
}

/** Oldest age read from a bare number at the question how old the child is ("hij is 14", "15"); a larger number is no age. */
const OLDEST_CHILD_AGE = 25;

/**
 * The answer to "how old is your child?": whether under the Kids-ID limit, from the age said ("hij is 14", "ze is 7 jaar",
 * "15", "nog een baby"); undefined when the words give none.
 */
export function isUnderKidsIdAgeAnswer(words: readonly string[]): boolean | undefined {
  const said = isUnderKidsIdAge(words);
  if (said !== undefined) return said;
  const age = words.map(asNumber).find((number) => number !== undefined && number <= OLDEST_CHILD_AGE);
  return age === undefined ? undefined : age < KIDS_ID_AGE_LIMIT;
}

function asNumber(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}
