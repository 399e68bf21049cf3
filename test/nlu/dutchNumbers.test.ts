import { describe, expect, it } from 'vitest';
import { ordinalNumber, parseDutchNumber } from '../../nlu/dutchNumbers.js';

describe('parseDutchNumber', () => {
  it.each([
    ['2', 2],
    ['2.', 2],
    ['twee', 2],
    ['de tweede', 2],
    ['tweede', 2],
    ['nummer 2', 2],
    ['optie twee', 2],
    ['2e', 2],
    ['de 3de', 3],
    ['1ste', 1],
    ['één', 1],
    ['Nummer 20!', 20],
    ['de twintigste', 20],
    ['ik neem de vierde graag', 4],
    ['negentien', 19],
    ['two', 2],
    ['second', 2],
    ['option 3 please', 3],
    ['3rd', 3],
  ])('reads %j as %i', (text, expected) => {
    expect(parseDutchNumber(text)).toBe(expected);
  });

  it.each(['', 'de', '0', '21', '2 kinderen en een hond', '2,5', '2/3', 'ja', 'morgen om 10 uur', 'twee of drie', 'de tweede week'])(
    'finds no option number in %j',
    (text) => {
      expect(parseDutchNumber(text)).toBeUndefined();
    },
  );
});

describe('ordinalNumber', () => {
  it.each([
    ['eerste', 1],
    ['tweede', 2],
    ['achtste', 8],
    ['twintigste', 20],
    ['2e', 2],
    ['3de', 3],
    ['1ste', 1],
    ['second', 2],
    ['3rd', 3],
    ['ninth', 9],
  ])('"%s" is ordinal %i', (word, value) => {
    expect(ordinalNumber(word)).toBe(value);
  });

  it.each(['twee', '2', 'een', 'one', 'week', '25ste', '0e', 'laatste'])('"%s" is no ordinal', (word) => {
    expect(ordinalNumber(word)).toBeUndefined();
  });
});
