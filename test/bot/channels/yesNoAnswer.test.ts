import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../../bot/channels/yesNoAnswer.js';

// As residents type them: older residents' politeness, hurried parents, teenagers on SMS, typos.
const YES = [
  'ja',
  'Ja.',
  'JA',
  'jaaa',
  'ja graag',
  'Ja graag, dank u',
  'graag',
  'ja aub',
  'ja a.u.b.',
  'jawel',
  'ok',
  'oké',
  'OK!',
  'okee',
  'is goed',
  'Dat is goed',
  'doe maar',
  'zeker',
  'Ja zeker',
  'prima',
  'klopt',
  'dat klopt',
  'ja dat klopt hoor',
  'akkoord',
  'in orde',
  'Ja hoor, alstublieft',
  'yes',
  'jep',
  'goed',
  'ja, dat is goed meneer',
  'Prima, dank u wel',
  'natuurlijk',
  'ja ja',
  'allee vooruit',
  'ja graag mevrouw dankuwel',
];
const NO = [
  'nee',
  'Nee.',
  'neen',
  'NEEN',
  'neeee',
  'nee dank u',
  'Nee, dank u wel',
  'nee bedankt',
  'neen merci',
  'liever niet',
  'nee liever niet',
  'nee toch niet',
  'toch niet',
  'laat maar',
  'Laat maar zitten',
  'nee hoor',
  'zeker niet',
  'niet nodig',
  'hoeft niet',
  'dat hoeft niet meer',
  'nope',
  'no',
  'klopt niet',
  'dat klopt niet',
  'nee, dat is fout',
  'ja, maar liever niet',
  'nee nee',
  'neen, dank u meneer',
  'nooit',
  'nee het is goed zo',
];
const NEITHER = [
  '',
  'misschien',
  'weet ik niet',
  'ik weet het niet',
  'geen idee',
  'An Peeters',
  '0470 12 34 56',
  'hoe laat zijn jullie open morgen, niet vandaag?',
  'ja nee',
  'wanneer is het loket open',
  'dinsdag',
];

describe('readYesNo (nl)', () => {
  it.each(YES)('"%s" is yes', (text) => {
    expect(readYesNo(text, 'nl')?.meaning).toBe('yes');
  });
  it.each(NO)('"%s" is no', (text) => {
    expect(readYesNo(text, 'nl')?.meaning).toBe('no');
  });
  it.each(NEITHER)('"%s" is neither', (text) => {
    expect(readYesNo(text, 'nl')).toBeUndefined();
  });

  it.each([
    ['ja graag', true],
    ['Nee, dank u wel', true],
    ['ja, maar hoe laat zijn jullie open?', false],
    ['nee, ik wil iemand spreken', false],
  ])('"%s" says only yes or no: %s', (text, whole) => {
    expect(readYesNo(text, 'nl')?.whole).toBe(whole);
  });
});

describe('readYesNo (en)', () => {
  it.each([
    ['yes please', 'yes'],
    ['sure', 'yes'],
    ['ok thanks', 'yes'],
    ['no thank you', 'no'],
    ['rather not', 'no'],
    ['never mind', 'no'],
  ])('"%s" is %s', (text, meaning) => {
    expect(readYesNo(text, 'en')?.meaning).toBe(meaning);
  });
});
