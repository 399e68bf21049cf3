import { describe, expect, it } from 'vitest';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';

describe('normaliseBelgianPhone', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032470123456', '+32470123456'],
    ['050 12 34 56', '+3250123456'],
    ['mijn nummer is 09 210 10 10, dank u', '+3292101010'],
  ])('reads %s as %s', (text, e164) => {
    expect(normaliseBelgianPhone(text)).toEqual({ ok: true, e164 });
  });

  it.each([['+31 6 12345678'], ['0031 6 12345678'], ['+44 20 7946 0958'], ['+33 6 12 34 56 78']])('refuses %s as foreign', (text) => {
    expect(normaliseBelgianPhone(text)).toEqual({ ok: false, reason: 'foreign' });
  });

  it.each([[''], ['abc'], ['12345'], ['04701234567'], ['0470 12 34 5']])('refuses %j as invalid', (text) => {
    expect(normaliseBelgianPhone(text)).toEqual({ ok: false, reason: 'invalid' });
  });
});
