/** What replaces personal data in an excerpt of a resident's words. */
export const REMOVED = '[verwijderd]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Country code and check digits, then groups of four digits or capitals (NL91 ABNA 0417 1643 00).
const IBAN = /\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b/g;
// Digits with the separators people type inside numbers: phone numbers, national register numbers, card numbers.
const DIGIT_RUN = /\+?\d(?:[\d./-]|\s(?=\d))*\d/g;
// A date stays: staff need "my appointment on 12/03/2026" and a date alone identifies nobody.
const DATE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
const MIN_DIGITS = 7;

/**
 * Removes personal data from a resident's words before they are kept as an excerpt: e-mail
 * addresses, IBANs, and any number of seven digits or more (phone numbers, national register
 * numbers, card numbers). Names and addresses cannot be recognised reliably and are not removed.
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(EMAIL, REMOVED)
    .replace(IBAN, REMOVED)
    .replace(DIGIT_RUN, (run) => (DATE.test(run) || countDigits(run) < MIN_DIGITS ? run : REMOVED));
}

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}
