import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';
import type { BookingContact } from '../../stores/bookings/bookingStore.js';

/** A contact a resident typed: an e-mail address or a Belgian phone number (stored in E.164). */
export type ContactAnswer =
  | { ok: true; contact: BookingContact; /** As the resident reads it back: the address, or "0470 12 34 56". */ display: string }
  | { ok: false; reason: 'invalid' | 'foreign' };

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.]{2,}/;

/** Reads an e-mail address or a Belgian phone number from a sentence such as "mijn gsm is 0470 12 34 56". */
export function readContact(text: string): ContactAnswer {
  const email = EMAIL.exec(text)?.[0];
  if (email) {
    const value = email.toLowerCase();
    return { ok: true, contact: { kind: 'email', value }, display: value };
  }
  if (!/\d/.test(text)) return { ok: false, reason: 'invalid' };
  const phone = normaliseBelgianPhone(text);
  if (!phone.ok) return phone;
  return { ok: true, contact: { kind: 'phone', value: phone.e164 }, display: phone.national };
}
