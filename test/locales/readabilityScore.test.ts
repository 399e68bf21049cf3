import { describe, expect, it } from 'vitest';
import {
  fleschDouma,
  flattenStrings,
  isLabel,
  readability,
  readabilityFindings,
  sentencesOf,
  stripNonProse,
  syllablesOf,
  wordsOf,
} from './readability.js';

describe('syllablesOf', () => {
  it.each([
    ['kat', 1],
    ['mijn', 1],
    ['huis', 1],
    ['eeuw', 1],
    ['nieuw', 1],
    ['mooi', 1],
    ['vrouw', 1],
    ['moeilijk', 2],
    ['afspraak', 2],
    ['e-mail', 2],
    ['gemeente', 3],
    ['thuisloket', 3],
    ['bioscoop', 3],
    ['theater', 3],
    ['België', 3],
    ['ideeën', 3],
    ['knieën', 2],
    ['geboorteakte', 5],
    ['identiteitskaart', 5],
    ['administratieve', 6],
  ])('%s has %i', (word, expected) => {
    expect(syllablesOf(word)).toBe(expected);
  });

  it('counts a word without vowels as one syllable', () => {
    expect(syllablesOf('sms')).toBe(1);
  });
});

describe('text preparation', () => {
  it('drops placeholders, URLs and e-mail addresses before counting', () => {
    const text = 'Ga naar {{url}} of https://example.org/a?b=c of www.example.org. Mail info@example.org.';
    expect(wordsOf(stripNonProse(text))).toEqual(['Ga', 'naar', 'of', 'of', 'Mail']);
  });

  it('splits sentences on end marks and line breaks', () => {
    expect(sentencesOf('Kom langs. Bel ons! Of niet?\nDag')).toEqual(['Kom langs.', 'Bel ons!', 'Of niet?', 'Dag']);
  });

  it('keeps hyphenated words and numbers as one word', () => {
    expect(wordsOf('Uw Kids-ID kost 9 euro.')).toEqual(['Uw', 'Kids-ID', 'kost', '9', 'euro']);
  });
});

describe('readability', () => {
  it('scores a short simple sentence as very easy', () => {
    const result = readability('De kat zit op de mat.');
    expect(result.words).toBe(6);
    expect(result.syllables).toBe(6);
    expect(result.readingEase).toBeCloseTo(206.84 - 77 - 0.93 * 6, 5);
  });

  it('scores officialese as very hard', () => {
    const result = readability(
      'De gemeentelijke administratieve dienstverlening organiseert identiteitskaartaanvragen uitsluitend na voorafgaande afspraak.',
    );
    expect(result.words).toBe(10);
    expect(result.syllables).toBe(38);
    expect(result.readingEase).toBeCloseTo(206.84 - 0.77 * 380 - 0.93 * 10, 5);
  });

  it('averages words per sentence over the sentences of a string', () => {
    const result = readability('Kom op afspraak. Dan hoeft u niet lang te wachten.');
    expect(result.sentences.map((s) => s.words)).toEqual([3, 7]);
    expect(result.wordsPerSentence).toBe(5);
    expect(result.longestSentence).toBe(7);
  });

  it('has no score for a string that is only a placeholder', () => {
    expect(readability('{{day}}: {{hours}}').readingEase).toBeNaN();
  });

  it('implements the Flesch–Douma formula', () => {
    expect(fleschDouma(150, 10)).toBeCloseTo(206.84 - 115.5 - 9.3, 5);
  });
});

describe('readabilityFindings', () => {
  it('names the key and the numbers of a sentence that is too long', () => {
    const long = 'U kunt bij ons op elke dag van de week terecht voor een vraag over uw kaart of uw pas of een ander ding.';
    const [finding, ...rest] = readabilityFindings([['ns:long', long]]);
    expect(rest).toEqual([]);
    expect(finding).toMatch(/^ns:long: sentence has 2[0-9] words \(max 20\)/);
  });

  it('names the key and the reading ease of a hard string', () => {
    const [finding] = readabilityFindings([['ns:hard', 'Identiteitskaartaanvragen zijn administratieve verrichtingen.']]);
    expect(finding).toMatch(/^ns:hard: reading ease -?[0-9.]+ \(min 60; [0-9]+ syllables per 100 words, 4\.0 words per sentence\)/);
  });

  it('accepts plain sentences and skips placeholder-only strings', () => {
    expect(
      readabilityFindings([
        ['ns:ok', 'Kom op afspraak. Dan gaat het snel.'],
        ['ns:empty', '{{url}}'],
      ]),
    ).toEqual([]);
  });

  it('flattens nested resources into dotted keys', () => {
    expect(flattenStrings({ a: { b: 'x', c: ['y'] }, d: 'z' })).toEqual([
      ['a.b', 'x'],
      ['a.c.0', 'y'],
      ['d', 'z'],
    ]);
  });
});

describe('isLabel', () => {
  it.each([
    'Afgehandeld',
    'Niet bereikt, later opnieuw',
    'Vorige maand',
    'Staafgrafiek: {{text}}.',
    '{{count}} nieuwe verzoeken: {{references}}.',
  ])('takes "%s" for a label', (text) => expect(isLabel(text)).toBe(true));

  it.each(['We laden de cijfers.', 'Buiten de uren van het loket?', 'Te vaak fout. Probeer het straks opnieuw.'])(
    'takes "%s" for a sentence',
    (text) => expect(isLabel(text)).toBe(false),
  );
});
