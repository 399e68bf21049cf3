import { describe, expect, it } from 'vitest';
import { KnownWords } from '../../nlu/knownWords.js';

const FILLERS = new Set(['u', 'wel', 'de']);
const known = new KnownWords(['hey', 'dank', 'telefoon', 'nummer', 'afspraak', 'afspraak', 'afpsraak', 'ab'], (w) => FILLERS.has(w));

describe('KnownWords', () => {
  it('corrects one typo towards the most used known word', () => {
    expect(known.correct('afspaak')).toBe('afspraak');
    expect(known.correct('zzzzzz')).toBe('zzzzzz');
  });

  it('reads a diminutive of a known word as that word', () => {
    expect(known.withoutDiminutive('afspraakje')).toBe('afspraak');
    expect(known.withoutDiminutive('heyke')).toBe('hey');
    expect(known.withoutDiminutive('meisje')).toBe('meisje');
  });

  it('splits words written together into known words and fillers', () => {
    expect(known.split('heyhey')).toEqual(['hey', 'hey']);
    expect(known.split('dankuwel')).toEqual(['dank', 'u', 'wel']);
    expect(known.split('telefoonnummer')).toEqual(['telefoon', 'nummer']);
  });

  it('does not split known words, gibberish, or into known parts shorter than three letters', () => {
    expect(known.split('afspraak')).toBeUndefined();
    expect(known.split('qwertyuiop')).toBeUndefined();
    expect(known.split('abab')).toBeUndefined();
    expect(known.split('heyqq')).toBeUndefined();
  });
});
