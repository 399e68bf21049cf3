/** Text reduced to what matching cares about: lowercase, no accents, words separated by single spaces. */
export function normaliseForMatching(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[’`]/g, "'")
      // Slashes and colons stay for dates and times ("3/12", "10:30").
      .replace(/[^\p{L}\p{N}'/:]+/gu, ' ')
      // Keep the apostrophe of Dutch clitics ("'s morgens", "da's", "'k"); other apostrophes are quotes.
      .replace(/'(?![stkn](?:\P{L}|$))/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
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

/**
 * Whether two words differ by at most `max` insertions, deletions, substitutions or swaps of
 * neighbouring letters (optimal string alignment distance).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > max) return false;
  if (max <= 1) return max === 1 && withinOneEdit(a, b);
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current.push(distance);
      rowMin = Math.min(rowMin, distance);
    }
    if (rowMin > max) return false;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** "daaag", "heeeelp": three or more of the same letter are written for emphasis; two remain. */
export function withoutStretchedLetters(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1$1');
}
