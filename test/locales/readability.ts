/**
 * Readability of Dutch text for the locale checks: words per sentence and Flesch–Douma reading ease
 * (206.84 − 0.77 × syllables per 100 words − 0.93 × average words per sentence).
 * Syllables are counted as vowel sounds: a Dutch diphthong or long vowel written with two or three letters
 * (ij, ei, oe, ou, au, ui, eu, ie, aa, ee, oo, uu, aai, ooi, oei, eeu, ieu, ...) counts once; other vowels
 * next to each other are separate syllables (bi-o-scoop, the-a-ter), as is a vowel with a diaeresis (knie-ën).
 */

interface SentenceFigures {
  readonly text: string;
  readonly words: number;
  readonly syllables: number;
}

export interface Readability {
  readonly sentences: readonly SentenceFigures[];
  readonly words: number;
  readonly syllables: number;
  readonly wordsPerSentence: number;
  readonly syllablesPer100Words: number;
  /** Flesch–Douma reading ease; higher is easier. NaN for text without words. */
  readonly readingEase: number;
  readonly longestSentence: number;
}

// Longest first, so "aai" wins over "aa".
const VOWEL_SOUNDS = [
  'aai',
  'ooi',
  'oei',
  'eeu',
  'ieu',
  'ij',
  'ei',
  'oe',
  'ou',
  'au',
  'ui',
  'eu',
  'ie',
  'aa',
  'ee',
  'oo',
  'uu',
  'ai',
  'ey',
  'oy',
];
const SINGLE_VOWELS = new Set('aeiouyáàâäéèêëíìîïóòôöúùûüý');
const DIAERESIS = new Set('äëïöü');

/** Syllables of one word, counted as vowel sounds; at least 1 for any word. */
export function syllablesOf(word: string): number {
  const w = word.toLowerCase();
  let count = 0;
  let i = 0;
  while (i < w.length) {
    const ch = w[i] as string;
    if (!SINGLE_VOWELS.has(ch)) {
      i++;
      continue;
    }
    const sound = DIAERESIS.has(ch) ? undefined : VOWEL_SOUNDS.find((s) => w.startsWith(s, i));
    count++;
    i += sound ? sound.length : 1;
  }
  return Math.max(1, count);
}

/** Placeholders, URLs, e-mail addresses and markup say nothing about how hard the sentence is. */
export function stripNonProse(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\bwww\.\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/** Words: runs of letters (with inner hyphens or apostrophes) or numbers; a number counts as one word of one syllable. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Splits on sentence ends (. ! ? : ;), line breaks and list bullets. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?:;])\s+|\n+|(?:^|\s)[•·–-]\s+/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export function readability(text: string): Readability {
  const prose = stripNonProse(text);
  const sentences: SentenceFigures[] = sentencesOf(prose).map((sentence) => {
    const words = wordsOf(sentence);
    return {
      text: sentence,
      words: words.length,
      syllables: words.reduce((sum, word) => sum + (/^\p{N}+$/u.test(word) ? 1 : syllablesOf(word)), 0),
    };
  });
  const words = sentences.reduce((sum, s) => sum + s.words, 0);
  const syllables = sentences.reduce((sum, s) => sum + s.syllables, 0);
  const wordsPerSentence = sentences.length > 0 ? words / sentences.length : 0;
  const syllablesPer100Words = words > 0 ? (syllables / words) * 100 : 0;
  return {
    sentences,
    words,
    syllables,
    wordsPerSentence,
    syllablesPer100Words,
    readingEase: words > 0 ? fleschDouma(syllablesPer100Words, wordsPerSentence) : Number.NaN,
    longestSentence: Math.max(0, ...sentences.map((s) => s.words)),
  };
}

export function fleschDouma(syllablesPer100Words: number, wordsPerSentence: number): number {
  return 206.84 - 0.77 * syllablesPer100Words - 0.93 * wordsPerSentence;
}

export interface ReadabilityLimits {
  /** Most words a sentence may have. */
  readonly maxWordsPerSentence: number;
  /** Lowest Flesch–Douma reading ease a string may have. */
  readonly minReadingEase: number;
}

const B1_LIMITS: ReadabilityLimits = { maxWordsPerSentence: 20, minReadingEase: 60 };

/** One line per problem: the key and the numbers, so a writer sees what to shorten. */
export function readabilityFindings(
  strings: ReadonlyArray<readonly [key: string, text: string]>,
  limits: ReadabilityLimits = B1_LIMITS,
): string[] {
  const findings: string[] = [];
  for (const [key, text] of strings) {
    const figures = readability(text);
    if (figures.words === 0) continue;
    for (const sentence of figures.sentences) {
      if (sentence.words > limits.maxWordsPerSentence) {
        findings.push(`${key}: sentence has ${sentence.words} words (max ${limits.maxWordsPerSentence}): "${sentence.text}"`);
      }
    }
    if (figures.readingEase < limits.minReadingEase) {
      findings.push(
        `${key}: reading ease ${figures.readingEase.toFixed(1)} (min ${limits.minReadingEase}; ` +
          `${figures.syllablesPer100Words.toFixed(0)} syllables per 100 words, ${figures.wordsPerSentence.toFixed(1)} words per sentence): "${text}"`,
      );
    }
  }
  return findings;
}

/**
 * A label names a thing ("Afgehandeld", "Vorige maand", "{{count}} nieuwe verzoeken: {{references}}."):
 * no sentence mark (. ! ? …), or fewer than three words of its own. A reading-ease formula cannot judge it.
 */
export function isLabel(text: string): boolean {
  const prose = stripNonProse(text);
  return !/[.!?…]/u.test(prose) || wordsOf(prose).length < 3;
}

/** Every string of a nested i18next resource, with its dotted key. */
export function flattenStrings(resource: unknown, prefix = ''): Array<[string, string]> {
  if (typeof resource === 'string') return [[prefix, resource]];
  if (Array.isArray(resource)) return resource.flatMap((item, i) => flattenStrings(item, `${prefix}.${i}`));
  if (resource !== null && typeof resource === 'object') {
    return Object.entries(resource).flatMap(([key, value]) => flattenStrings(value, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}
