import { describe, expect, it } from 'vitest';
import { capitalised, euroAmount } from '../../dialogs/displayFormats.js';

describe('how amounts read', () => {
  it.each([
    [90, 'nl', '90'],
    [2.5, 'nl', '2,50'],
    [2.5, 'en', '2.50'],
    [1250, 'nl', '1.250'],
  ] as const)('%s euro in %s reads "%s"', (price, language, expected) => {
    expect(euroAmount(price, language)).toBe(expected);
  });

  it('capitalises a name from the data for a button', () => {
    expect(capitalised('bewijs van woonst')).toBe('Bewijs van woonst');
    expect(capitalised('Kids-ID')).toBe('Kids-ID');
  });
});
