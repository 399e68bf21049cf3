import { randomInt } from 'node:crypto';

/**
 * The 16 characters a booking code is made of. Residents read codes from a screen and spell them
 * aloud on the phone in Dutch, so the alphabet leaves out:
 * - characters that look alike: 0/O, 1/I/L, 5/S, 2/Z, 8/B (all of them, both sides of each pair);
 * - letters that sound alike when spelled in Dutch: N (em/en), W (vee/wee), C (cee/see), G (Flemish
 *   "zjee" next to J), Y (ij, IJ), E, D and P (rhyme with "tee"), Q ("kuu" next to U; looks like O).
 * What remains: A F H J K M R T U V X and the digits 3 4 6 7 9.
 * 16^6 ≈ 16.8 million codes: collisions are rare (and retried), and a code alone opens nothing
 * because the resident's contact must match too.
 */
export const BOOKING_CODE_ALPHABET = '34679AFHJKMRTUVX';
const BOOKING_CODE_LENGTH = 6;
/** A formatted code as a regular-expression source, without anchors: for finding codes in a text. */
export const BOOKING_CODE_PATTERN = `[${BOOKING_CODE_ALPHABET}]{3}-[${BOOKING_CODE_ALPHABET}]{3}`;

/** A fresh random code, formatted like K7M-4QT (crypto randomness, no modulo bias). */
export function newBookingCode(random: (max: number) => number = randomInt): string {
  let raw = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i += 1) raw += BOOKING_CODE_ALPHABET[random(BOOKING_CODE_ALPHABET.length)];
  return formatBookingCode(raw);
}

/**
 * The formatted code a resident meant, or undefined when the input cannot be a code.
 * Accepts lower case, spaces, dots and a missing or moved dash: "k7m4qt", "K7M 4QT", "k-7m4-qt".
 */
export function parseBookingCode(input: string): string | undefined {
  const raw = input.toUpperCase().replace(/[\s.\-_]/g, '');
  if (raw.length !== BOOKING_CODE_LENGTH) return undefined;
  for (const character of raw) if (!BOOKING_CODE_ALPHABET.includes(character)) return undefined;
  return formatBookingCode(raw);
}

function formatBookingCode(raw: string): string {
  const half = BOOKING_CODE_LENGTH / 2;
  return `${raw.slice(0, half)}-${raw.slice(half)}`;
}

/** Two groups of letters and digits, as a code is typed: "ABC-123", "k7m 4xt", "K7MM-4XT". */
const CODE_SHAPED = /^[A-Z0-9]{2,5}(?:\s*[.\-_]\s*|\s)?[A-Z0-9]{2,5}$/i;

/**
 * Whether the text holds something the resident meant as a booking code, valid or not: a word of
 * letters mixed with digits ("ABC-123", "K7M-4XTT"), or a whole answer shaped like a code that
 * is joined by a dash or has digits only ("ABC-DEF", "123456"). Words ("hallo daar") and phone
 * numbers are no code.
 */
export function resemblesBookingCode(text: string): boolean {
  const whole = text.trim().replace(/[.!?]+$/, '');
  if (CODE_SHAPED.test(whole) && (/[.\-_]/.test(whole) || /\d/.test(whole))) return true;
  return whole
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .some((word) => CODE_SHAPED.test(word) && /\p{L}/u.test(word) && /\d/.test(word));
}
