import { scrubPersonalData } from './scrubPersonalData.js';

/** Staff read the last few things the resident said before asking for a person: enough to prepare the call. */
export const EXCERPT_LINES = 3;
/** A line longer than this is cut at a word (a sentence or two is what staff need). */
export const EXCERPT_LINE_CHARACTERS = 160;

/**
 * What a callback request keeps of the conversation for staff, whatever the caller passes: the last
 * `EXCERPT_LINES` lines that say something, scrubbed of e-mail addresses, IBANs and long numbers
 * (the phone number to call lives in the request itself, never here), white space collapsed, each
 * cut to `EXCERPT_LINE_CHARACTERS` at a word boundary with "…". Pure.
 */
export function excerptForStaff(lines: readonly string[]): string[] {
  return lines
    .map((line) => scrubPersonalData(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .slice(-EXCERPT_LINES)
    .map((line) => cutAtWord(line, EXCERPT_LINE_CHARACTERS));
}

/** `line` within `max` characters: cut at a word with "…" when longer. */
export function cutAtWord(line: string, max: number): string {
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the line (one very long word).
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
