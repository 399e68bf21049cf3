import { describe, expect, it } from 'vitest';
import { answerPhrases, answerWords, phraseWords } from '../../../bot/channels/answerPhrases.js';
import { satisfactionFromMark } from '../../../services/survey/satisfactionMark.js';

const fillers = new Set(answerPhrases('nl').markWords.flatMap((phrase) => phraseWords(phrase)));
const read = (text: string) => satisfactionFromMark(answerWords(text.replace(/(\d)\s*\/\s*(\d)/g, '$1 op $2')), fillers);

describe('a mark at the satisfaction question, on the contract scale 1 to 5', () => {
  it.each([
    ['8/10', 4],
    ['8 / 10', 4],
    ['een 8', 4],
    ['acht op tien', 4],
    ['zeker 9', 5],
    ['9', 5],
    ['10', 5],
    ['ik geef een 7', 4],
    ['6/10', 3],
    ['een 6', 3],
    ['4/10', 2],
    ['1/10', 1],
    ['16/20', 4],
    ['4 op 5', 4],
    ['3/5', 3],
    ['zeker 4', 4],
    ['een dikke 8', 4],
  ])('"%s" is %i', (text, code) => {
    expect(read(text)).toBe(code);
  });

  it.each(['1', '4', '6', 'zes', 'goe', '8 en 9', '11/10', '7 op 8', 'om 8 uur', 'ik wil 2 afspraken'])('"%s" is no mark', (text) => {
    expect(read(text)).toBeUndefined();
  });
});
