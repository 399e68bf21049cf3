import { describe, expect, it } from 'vitest';
import { documentDetails, type Relation, type RequesterSaid } from '../../nlu/documentDetails.js';

// As residents type them: Flemish and chat forms, typos, English, and the people only mentioned.
const REQUESTERS: Array<[string, RequesterSaid | undefined, boolean?]> = [
  ['een reispas voor mijn zoon van 8', 'child'],
  ['reispas voor mijne zoon', 'child'],
  ["kids-id voor m'n dochter van 15", 'child'],
  ['ik heb een geboorteakte van mijn dochter nodig', 'child'],
  ['identiteitskaart voor de kleine', 'child'],
  ['een kids id voor onze jongste', 'child'],
  ['mijn zoon zijn reispas is vervallen', 'child'],
  ['voor mijn 2 kinderen een reispas', 'child'],
  ['voor mijn zoon en dochter', 'child'],
  ['reispas zoon 8j', 'child', false],
  ['paspoort voor mn dochtre', 'child'],
  ['a passport for my son', 'child'],
  ["my daughter's birth certificate", 'child'],
  ['mijn dochter heeft een nieuwe reispas nodig', 'child', false],
  ['mijn zoon van 19 heeft een uittreksel nodig, kan ik dat voor hem halen?', 'other'],
  ['uittreksel uit de overlijdensakte van mijn vader', 'deceased'],
  ['mijn vader is overleden, ik heb een akte van overlijden nodig', 'deceased', false],
  ['de notaris vraagt een overlijdensakte van ons ma', 'deceased'],
  ['mijn man is vorige week overleden en ik heb zijn geboorteakte nodig', 'deceased'],
  ['de geboorteakte van wijlen mijn echtgenoot', 'deceased'],
  ['huwelijksakte van mijn overleden ouders', 'deceased'],
  ['een akte voor iemand die overleden is', 'deceased'],
  ['my late husband needs a death certificate', 'deceased', false],
  ['attest van leven voor ons moeder', 'other'],
  // Who told the resident is no requester (second tester A1); who it is not for neither.
  ['Mijn buurvrouw zegt dat ik een attest van gezinssamenstelling op het internet kan krijgen', undefined],
  ['volgens mijn dochter kan ik dat online', undefined],
  ['ik heb van een collega gehoord dat het strafregister online kan', undefined],
  ['nee, het is voor mezelf, niet voor de buurvrouw', 'self'],
  ['mijn andere kind heeft er ook een nodig, voor mijn andere kind dus', 'child'],
  ['ons ma haar identiteitskaart is vervallen', 'other'],
  ['een bewijs van woonst voor iemand anders', 'other'],
  ['bewijs van woonst voor mijn buurvrouw, zij is 90', 'other'],
  ['ik vraag het voor een ander', 'other'],
  ['gezinssamenstelling voor mijn vrouw', 'other'],
  ['a birth certificate for their father', 'other'],
  ['voor mezelf', 'self'],
  ['een uittreksel voor mij', 'self'],
  ['mijn identiteitskaart is vervallen', 'self'],
  ['mijn e-id is verlopen', 'self'],
  ['ik ben mijn rijbewijs kwijt', 'self'],
  ['my passport expired', 'self'],
  ['een nieuwe identiteitskaart want de mijne is vervallen, mijn kleinzoon heeft het gezien', 'self'],
  ['den mijne is verlopen', 'self'],
  ['ik heb een attest van gezinssamenstelling nodig voor de school van mijn zoon', 'child', false],
  ['een bewijs van woonst voor het werk van mijn vrouw', 'other', false],
  ['mijn man is overleden en ik heb mijn eigen geboorteakte nodig', 'self'],
  ['een reispas voor mij en mijn zoon', undefined],
  ['ik ga met mijn kinderen op reis en heb een reispas nodig', undefined],
  ['ik heb een reispas nodig', undefined],
  ['bewijs van goed gedrag en zeden aanvragen', undefined],
  ['een kids-id aanvragen', undefined],
  ['kan iemand mij helpen met een attest', undefined],
  ['de man aan de telefoon zei dat ik een attest nodig heb', undefined],
  ['werken met kinderen', undefined],
  ['een kleine vraag over de reispas', undefined],
  ['heeft een ander document ook een afspraak nodig', undefined],
];

describe('documentDetails: for whom', () => {
  it.each(REQUESTERS)('%j → %s', (text, who, explicit = true) => {
    const requester = documentDetails(text).requester;
    if (who === undefined) expect(requester).toBeUndefined();
    else expect({ who: requester?.who, explicit: requester?.explicit }).toEqual({ who, explicit });
  });
});

// The resident's own word for the person, said back as "uw dochter"; none for two people or a word without a relation.
describe('documentDetails: the relation said', () => {
  it.each<[string, Relation | undefined]>([
    ['een reispas voor mijn dochter', 'daughter'],
    ['ne nieuwe id voor mijne zoon van 14', 'son'],
    ['de overlijdensakte van ons ma', 'mother'],
    ['attest van leven voor ons moeder', 'mother'],
    ['mijn man is vorige week overleden', 'husband'],
    ['een identiteitskaart voor mijn kleindochter', 'granddaughter'],
    ['voor mijn zoon en dochter', undefined],
    ['voor een vriend', undefined],
    ['mijn reispas', undefined],
  ])('%j → %s', (text, relation) => {
    expect(documentDetails(text).requester?.relation).toBe(relation);
  });
});

const MODELS: Array<[string, 'model-1' | 'model-2' | undefined, ('named' | 'purpose')?]> = [
  ['ik heb een uittreksel uit het strafregister nodig, model 2 voor de jeugdbeweging', 'model-2', 'named'],
  ['model 2 voor de jeugdbeweging', 'model-2', 'named'],
  ['model2', 'model-2', 'named'],
  ['bewijs van goed gedrag model twee', 'model-2', 'named'],
  ['het tweede model', 'model-2', 'named'],
  ['model II aub', 'model-2', 'named'],
  ['artikel 596.2', 'model-2', 'named'],
  ['gewoon model 1', 'model-1', 'named'],
  ['niet model 1 maar model 2', 'model-2', 'named'],
  ['geen model 2', 'model-1', 'named'],
  ['model 1 of 2, ik weet het niet', undefined],
  ['goed gedrag voor de chiro', 'model-2', 'purpose'],
  ['voor mijn werk in een school', 'model-2', 'purpose'],
  ['ik ga werken met kinderen', 'model-2', 'purpose'],
  ['ik word monitor op het speelplein', 'model-2', 'purpose'],
  ['voor de kinderopvang', 'model-2', 'purpose'],
  ['ik ben leerkracht', 'model-2', 'purpose'],
  ['for my job as a teacher', 'model-2', 'purpose'],
  ['voor mijn werk', 'model-1', 'purpose'],
  ['mijn nieuwe werkgever vraagt het', 'model-1', 'purpose'],
  ['voor een sollicitatie', 'model-1', 'purpose'],
  ['uittreksel strafregister aanvragen', undefined],
  ['voor mijn zoon', undefined],
];

describe('documentDetails: which model', () => {
  it.each(MODELS)('%j → %s', (text, id, how) => {
    const model = documentDetails(text).model;
    if (id === undefined) expect(model).toBeUndefined();
    else expect(model).toEqual({ id, how });
  });
});
