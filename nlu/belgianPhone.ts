import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone number the municipality can call back, or why not. */
export type BelgianPhoneResult =
  | { ok: true; e164: string; /** As a resident writes it, to read back: "0470 12 34 56". */ national: string }
  | { ok: false; reason: 'invalid' | 'foreign' };

const BELGIUM_CALLING_CODE = '32';
/**
 * Fixed lines have 8 digits after the 0 and start with an area code; mobiles (4) and 070 (7)
 * are checked strictly. The metadata does not know every newly opened landline block, so a
 * landline-shaped number is accepted rather than refusing a resident's real number.
 */
const LANDLINE_SHAPE = /^[1235689]\d{7}$/;

/** Reads a Belgian phone number from what a resident typed ("0470 12 34 56", "+32 9 123 45 67", "0032…"). */
export function normaliseBelgianPhone(text: string): BelgianPhoneResult {
  const phone = parsePhoneNumberFromString(text, 'BE');
  if (phone === undefined) return { ok: false, reason: 'invalid' };
  if (phone.countryCallingCode !== BELGIUM_CALLING_CODE) return { ok: false, reason: 'foreign' };
  const valid = phone.isValid() || (phone.isPossible() && LANDLINE_SHAPE.test(phone.nationalNumber));
  // We do not call premium-rate numbers back.
  if (!valid || phone.getType() === 'PREMIUM_RATE') return { ok: false, reason: 'invalid' };
  return { ok: true, e164: phone.number, national: phone.formatNational() };
}
