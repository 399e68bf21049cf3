import { findPhoneNumbersInText, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/** A phone number a resident typed, checked as a Belgian number we can call back. */
export type BelgianPhoneResult = { ok: true; e164: string } | { ok: false; reason: 'invalid' | 'foreign' };

/**
 * Reads a Belgian phone number from what a resident typed ("0470 12 34 56", "+32 470/12.34.56",
 * "mijn nummer is 050 12 34 56") and normalises it to E.164 (+32…). A valid number of another
 * country is `foreign`, so the resident hears why it is refused. Uses the full metadata: the
 * smaller set accepts numbers of a plausible length that no Belgian operator hands out.
 */
export function normaliseBelgianPhone(text: string): BelgianPhoneResult {
  const candidates = phoneCandidates(text);
  const belgian = candidates.find((number) => number.isValid() && number.country === 'BE');
  if (belgian) return { ok: true, e164: belgian.number };
  if (candidates.some((number) => number.isValid())) return { ok: false, reason: 'foreign' };
  return { ok: false, reason: 'invalid' };
}

function phoneCandidates(text: string): PhoneNumber[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const whole = parsePhoneNumberFromString(trimmed, 'BE');
  const found = findPhoneNumbersInText(trimmed, 'BE').map((match) => match.number);
  return whole ? [whole, ...found] : found;
}
