import { describe, expect, it } from 'vitest';
import { capitalised, clockLabel, euroAmount } from '../../dialogs/displayFormats.js';

describe('how amounts and times read', () => {
  it.each([
    [90, 'nl', '90'],
    [2.5, 'nl', '2,50'],
    [2.5, 'en', '2.50'],
    [1250, 'nl', '1.250'],
  ] as const)('%s euro in %s reads "%s"', (price, language, expected) => {
    expect(euroAmount(price, language)).toBe(expected);
  });

  it.each([
    ['08:30', 'nl', '8.30'],
    ['12:00', 'nl', '12'],
    ['08:30', 'en', '8:30'],
    ['12:00', 'en', '12:00'],
  ] as const)('%s in %s reads "%s"', (time, language, expected) => {
    expect(clockLabel(time, language)).toBe(expected);
  });

  it('capitalises a name from the data for a button', () => {
    expect(capitalised('bewijs van woonst')).toBe('Bewijs van woonst');
    expect(capitalised('Kids-ID')).toBe('Kids-ID');
  });
});
