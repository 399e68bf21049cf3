import { describe, expect, it } from 'vitest';
import {
  BOOKING_CODE_ALPHABET,
  newBookingCode,
  parseBookingCode,
  resemblesBookingCode,
} from '../../../services/appointments/bookingCode.js';

describe('booking code alphabet', () => {
  it('leaves out every look-alike the brief names', () => {
    for (const character of '0O1IL5S2Z8B') expect(BOOKING_CODE_ALPHABET).not.toContain(character);
  });

  it('has 16 distinct upper-case characters', () => {
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(16);
    expect(BOOKING_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
  });
});

describe('newBookingCode', () => {
  it('formats six characters as three, dash, three', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(newBookingCode()).toMatch(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{3}-[${BOOKING_CODE_ALPHABET}]{3}$`));
    }
  });

  it('takes each character from the random source', () => {
    const picks = [0, 15, 1, 14, 2, 13];
    expect(newBookingCode(() => picks.shift()!)).toBe(
      `${BOOKING_CODE_ALPHABET[0]}${BOOKING_CODE_ALPHABET[15]}${BOOKING_CODE_ALPHABET[1]}-${BOOKING_CODE_ALPHABET[14]}${BOOKING_CODE_ALPHABET[2]}${BOOKING_CODE_ALPHABET[13]}`,
    );
  });

  it('uses the whole alphabet and rarely repeats', () => {
    const codes = Array.from({ length: 2000 }, () => newBookingCode());
    const seen = new Set(codes.join('').replace(/-/g, ''));
    expect(seen.size).toBe(16);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });
});

describe('parseBookingCode', () => {
  it.each([
    ['K7M-4XT', 'K7M-4XT'],
    ['k7m4xt', 'K7M-4XT'],
    ['K7M 4XT', 'K7M-4XT'],
    [' k7m-4xt ', 'K7M-4XT'],
    ['k-7m4-xt', 'K7M-4XT'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseBookingCode(input)).toBe(expected);
  });

  it.each(['K7M-4X', 'K7M-4XTT', 'K7M-4Q0', 'K7M-4S5', 'B7M-4XT', '', 'ÄÄÄ-ÄÄÄ'])('refuses %j', (input) => {
    expect(parseBookingCode(input)).toBeUndefined();
  });

  it('reads back every code it makes', () => {
    for (let i = 0; i < 100; i += 1) {
      const code = newBookingCode();
      expect(parseBookingCode(code.toLowerCase().replace('-', ''))).toBe(code);
    }
  });
});

describe('resemblesBookingCode', () => {
  it.each(['ABC-123', 'abc 123', 'K7M-4XTT', 'K7M4X', 'ABC-DEF', '123456', 'mijn code is abc-123.', 'K7M-4XT'])(
    'takes %j for a code the resident typed',
    (input) => {
      expect(resemblesBookingCode(input)).toBe(true);
    },
  );

  it.each(['hallo', 'hallo daar', 'geen idee', '0470 12 34 56', 'an.peeters@voorbeeld.be', 'An-Peeters', 'om 10 uur', 'stop'])(
    'takes %j for no code at all',
    (input) => {
      expect(resemblesBookingCode(input)).toBe(false);
    },
  );
});
