import { describe, expect, it } from 'vitest';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';

describe('normaliseBelgianPhone', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032470123456', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['mijn nummer is 0470 12 34 56', '+32470123456'],
    ['09 123 45 67', '+3291234567'],
    ['09 210 10 10', '+3292101010'],
    ['02 511 11 11', '+3225111111'],
  ])('accepts %j as %s', (text, e164) => {
    expect(normaliseBelgianPhone(text)).toMatchObject({ ok: true, e164 });
  });

  it('gives the national form to read back', () => {
    expect(normaliseBelgianPhone('+32470123456')).toEqual({ ok: true, e164: '+32470123456', national: '0470 12 34 56' });
  });

  it.each(['+31 6 12345678', '0031612345678', '+33 6 12 34 56 78'])('refuses %j as foreign', (text) => {
    expect(normaliseBelgianPhone(text)).toEqual({ ok: false, reason: 'foreign' });
  });

  it.each(['123', 'abc', '', '0470 12 34 5', '0470 12 34 56 78', '0900 12 345'])('refuses %j as invalid', (text) => {
    expect(normaliseBelgianPhone(text)).toEqual({ ok: false, reason: 'invalid' });
  });
});
