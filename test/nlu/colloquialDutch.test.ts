import { describe, expect, it } from 'vitest';
import { isColloquialForm, standardWords } from '../../nlu/colloquialDutch.js';

describe('standardWords', () => {
  it.each([
    [
      ['kunde', 'mij', 'helpen'],
      ['kan', 'u', 'mij', 'helpen'],
    ],
    [
      ['zijde', 'gij', 'open'],
      ['zijn', 'u', 'u', 'open'],
    ],
    [
      ["'k", 'wou', 'ne', 'afspraak'],
      ['ik', 'wil', 'een', 'afspraak'],
    ],
    [
      ['laat', 'ma'],
      ['laat', 'maar'],
    ],
    [
      ['telefoon', 'nr'],
      ['telefoon', 'nummer'],
    ],
    [['mercikes'], ['bedankt']],
    [['daag'], ['doei']],
    // A chain of forms: "thx" is "thanks" is "bedankt".
    [['thx'], ['bedankt']],
  ])('writes %j as %j', (words, expected) => {
    expect(standardWords(words)).toEqual(expected);
  });

  it('reads "goeie morgen" as a greeting but leaves "morgen" alone as tomorrow', () => {
    expect(standardWords(['goeie', 'morgen'])).toEqual(['goeiedag']);
    expect(standardWords(['goede', 'namiddag', 'allemaal'])).toEqual(['goeiedag', 'allemaal']);
    expect(standardWords(['open', 'morgen'])).toEqual(['open', 'morgen']);
  });

  it('leaves standard words as they are', () => {
    expect(standardWords(['afspraak', 'verplaatsen'])).toEqual(['afspraak', 'verplaatsen']);
    expect(isColloquialForm('afspraak')).toBe(false);
    expect(isColloquialForm('kunde')).toBe(true);
  });
});
