/** Text reduced to what matching cares about: lowercase, no accents, words separated by single spaces. */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    // Slashes and colons stay for dates and times ("3/12", "10:30").
    .replace(/[^\p{L}\p{N}'/:]+/gu, ' ')
    // Keep the apostrophe of Dutch clitics ("'s morgens", "da's", "'k"); other apostrophes are quotes.
    .replace(/'(?![stkn](?:\P{L}|$))/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text after `normaliseForMatching`, without date and time separators. */
export function wordsOf(text: string): string[] {
  const plain = normaliseForMatching(text).replace(/[/:]/g, ' ').trim();
  return plain === '' ? [] : plain.split(' ');
}

/**
 * Whether two words differ by at most one insertion, deletion, substitution or swap of
 * neighbouring letters: the typos residents make on a phone keyboard.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthDifference = a.length - b.length;
  if (Math.abs(lengthDifference) > 1) return false;
  const [longer, shorter] = lengthDifference >= 0 ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i += 1;
  if (longer.length !== shorter.length) return longer.slice(i + 1) === shorter.slice(i);
  // Same length: one substitution, or two neighbouring letters swapped.
  if (longer.slice(i + 1) === shorter.slice(i + 1)) return true;
  return longer[i] === shorter[i + 1] && longer[i + 1] === shorter[i] && longer.slice(i + 2) === shorter.slice(i + 2);
}
