/**
 * The contract's rule (docs/contract/nlu.md): an eID that is lost, broken or expired is a request for
 * that card, also when the resident tells of no card reader or no way to log in; an eID named only as
 * the way to log in is about the thuisloket, with no document. Stories as residents type them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createLinearRecognizer();
});

describe('a card in need of renewal, with an obstacle to the online way', () => {
  it.each([
    'mijn identiteitskaart is vervallen en ik heb geen kaartlezer',
    'mijn eid is verlopen maar ik heb geen kaartlezer',
    'Goedemiddag, mijn identiteitskaart is gestolen en ik kan niet inloggen op het thuisloket.',
    'mn identiteitskaart kwijt en gn kaartlezer thuis',
    'Mijn identiteitskaart is al een maand vervallen. Ik heb geen kaartlezer en geen itsme.',
    'eid kapot, kan nie meer inloggen',
  ])('"%s" asks for the identity card', async (text) => {
    const read = await recognizer.recognize(text, 'nl-BE');
    expect(read.intent).toBe('document.request');
    expect(read.entities.document).toBe('identiteitskaart');
  });
});

describe('an eID named only as the way to log in', () => {
  it.each(['aanmelden met mijn eid en kaartlezer lukt niet', 'kan ik inloggen met mijn identiteitskaart'])(
    '"%s" is about the thuisloket, with no document',
    async (text) => {
      const read = await recognizer.recognize(text, 'nl-BE');
      expect(read.intent).toBe('thuisloket.info');
      expect(read.entities.document).toBeUndefined();
    },
  );
});
