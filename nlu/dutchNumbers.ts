import { normaliseForMatching } from './plainText.js';

/** Options are numbered 1..20 at most; larger numbers are not an answer to "which one?". */
const HIGHEST_OPTION = 20;

/** "een" … "twintig": the value is the index + 1. */
export const DUTCH_CARDINALS = [
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
];
/** "eerste" … "twintigste": the value is the index + 1. */
export const DUTCH_ORDINALS = [
  'eerste',
  'tweede',
  'derde',
  'vierde',
  'vijfde',
  'zesde',
  'zevende',
  'achtste',
  'negende',
  'tiende',
  'elfde',
  'twaalfde',
  'dertiende',
  'veertiende',
  'vijftiende',
  'zestiende',
  'zeventiende',
  'achttiende',
  'negentiende',
  'twintigste',
];
const ENGLISH_CARDINALS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ENGLISH_ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

const NUMBER_WORDS = new Map<string, number>(
  [DUTCH_CARDINALS, DUTCH_ORDINALS, ENGLISH_CARDINALS, ENGLISH_ORDINALS].flatMap((words) =>
    words.map((word, index): [string, number] => [word, index + 1]),
  ),
);

/** Words around a chosen number that do not change it: "ik neem de tweede graag", "option 2 please". */
const FILLER_WORDS = new Set([
  'de',
  'het',
  'nummer',
  'nr',
  'no',
  'optie',
  'keuze',
  'antwoord',
  'mogelijkheid',
  'ik',
  'kies',
  'neem',
  'wil',
  'doe',
  'graag',
  'maar',
  'dan',
  'die',
  'dat',
  'aub',
  'alstublieft',
  'alsjeblieft',
  'svp',
  'ok',
  'oke',
  'ja',
  'allee',
  'welja',
  'the',
  'number',
  'option',
  'choice',
  'please',
  'i',
  'take',
  'choose',
  'pick',
  'want',
]);

/** "2", "2e", "2de", "1ste", "3rd": a number with an optional ordinal ending. */
const DIGITS = /^(\d{1,2})(?:e|de|ste|st|nd|rd|th)?$/;
/** "2e", "2de", "1ste", "3rd": digits with an ordinal ending, which an ordinal needs. */
const DIGIT_ORDINAL = /^(\d{1,2})(?:e|de|ste|st|nd|rd|th)$/;

/**
 * The option number a resident answered with ("2", "de tweede", "nummer 2", "optie twee", "2e", "second"),
 * 1..20; undefined when the answer says more than a number.
 */
export function parseDutchNumber(text: string): number | undefined {
  const words = normaliseForMatching(text)
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  if (words.length !== 1) return undefined;
  const [word] = words as [string];
  const digits = DIGITS.exec(word);
  const value = digits ? Number(digits[1]) : NUMBER_WORDS.get(word);
  return value !== undefined && value >= 1 && value <= HIGHEST_OPTION ? value : undefined;
}

/**
 * The value of one ordinal word, 1..20: "eerste", "tweede", "2e", "3de", "1ste", "second", "3rd";
 * undefined for a cardinal ("twee", "2") or any other word.
 */
export function ordinalNumber(word: string): number | undefined {
  const digits = DIGIT_ORDINAL.exec(word);
  const value = digits ? Number(digits[1]) : ordinalWordValue(word);
  return value !== undefined && value >= 1 && value <= HIGHEST_OPTION ? value : undefined;
}

function ordinalWordValue(word: string): number | undefined {
  const dutch = DUTCH_ORDINALS.indexOf(word);
  if (dutch >= 0) return dutch + 1;
  const english = ENGLISH_ORDINALS.indexOf(word);
  return english >= 0 ? english + 1 : undefined;
}

/** The value of a Dutch number word ("drie" → 3, "eerste" → 1), for times and dates. */
export function dutchNumberWord(word: string): number | undefined {
  const index = DUTCH_CARDINALS.indexOf(word);
  if (index >= 0) return index + 1;
  const ordinal = DUTCH_ORDINALS.indexOf(word);
  return ordinal >= 0 ? ordinal + 1 : undefined;
}
