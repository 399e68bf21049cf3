import { scrubPersonalData } from './scrubPersonalData.js';
import { cutAtWord } from './staffExcerpt.js';

/** What a callback is about is a line for staff to read before they call, not a letter. */
export const SUBJECT_CHARACTERS = 120;

/**
 * What a callback request keeps of what the resident said it is about: scrubbed of e-mail
 * addresses, IBANs and long numbers, white space collapsed, cut to `SUBJECT_CHARACTERS` at a word
 * boundary with "…"; null when nothing with a letter or digit is left. Pure.
 */
export function subjectForStaff(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const subject = scrubPersonalData(text).replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(subject) ? cutAtWord(subject, SUBJECT_CHARACTERS) : null;
}
