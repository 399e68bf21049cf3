import { describe, expect, it } from 'vitest';
import { cleanName, findBookingCode } from '../../../dialogs/appointments/appointmentPrompts.js';
import { spelledCode } from '../../../dialogs/appointments/appointmentTexts.js';
import { readContact } from '../../../dialogs/appointments/appointmentPrompts.js';

describe('readContact', () => {
  it.each([
    ['0470 12 34 56', '+32470123456', '0470 12 34 56'],
    ['mijn gsm is 0470/12.34.56', '+32470123456', '0470 12 34 56'],
    ['+32 9 999 12 34', '+3299991234', '09 999 12 34'],
    ['0032470123456', '+32470123456', '0470 12 34 56'],
  ])('reads the Belgian number in "%s" as %s', (typed, e164, display) => {
    expect(readContact(typed)).toEqual({ ok: true, contact: { kind: 'phone', value: e164 }, display });
  });

  it.each([
    ['An.Peeters@Voorbeeld.be', 'an.peeters@voorbeeld.be'],
    ['mijn mail: an@voorbeeld.be.', 'an@voorbeeld.be'],
  ])('reads the e-mail address in "%s"', (typed, value) => {
    expect(readContact(typed)).toEqual({ ok: true, contact: { kind: 'email', value }, display: value });
  });

  it('tells a foreign number from text that is no contact at all', () => {
    expect(readContact('+31 6 12345678')).toEqual({ ok: false, reason: 'foreign' });
    expect(readContact('12345')).toEqual({ ok: false, reason: 'invalid' });
    expect(readContact('an at voorbeeld punt be')).toEqual({ ok: false, reason: 'invalid' });
    expect(readContact('an@voorbeeld')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('findBookingCode', () => {
  it.each([
    ['K7M-4XT', 'K7M-4XT'],
    ['k7m4xt', 'K7M-4XT'],
    ['mijn code is k7m 4xt.', 'K7M-4XT'],
    ['Code: K7M-4XT graag', 'K7M-4XT'],
    ['het is k7m - 4xt', 'K7M-4XT'],
    ['K7M 4XT', 'K7M-4XT'],
  ])('finds the code in "%s"', (typed, code) => {
    expect(findBookingCode(typed)).toBe(code);
  });

  it.each(['hallo', 'K7M-4X', 'ABC-DEF', 'K7M4XTA'])('finds no code in "%s"', (typed) => {
    expect(findBookingCode(typed)).toBeUndefined();
  });
});

describe('cleanName', () => {
  it('keeps the name and drops the words before it', () => {
    expect(cleanName('  An   Peeters ')).toBe('An Peeters');
    expect(cleanName('Mijn naam is An Peeters.')).toBe('An Peeters');
  });

  it('refuses what cannot be a name', () => {
    expect(cleanName('1')).toBeUndefined();
    expect(cleanName('12345')).toBeUndefined();
    expect(cleanName('x'.repeat(101))).toBeUndefined();
  });
});

describe('spelledCode', () => {
  it('spells the code character by character, the halves apart', () => {
    expect(spelledCode('K7M-4XT')).toBe('K 7 M, 4 X T');
  });
});
