import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS } from '../../domain/nluContract.js';
import { DocumentFinder, findDocument, loadDocumentSynonyms } from '../../nlu/documentEntity.js';

describe('findDocument', () => {
  it.each([
    ['afspraak voor mijn reispas', 'reispas'],
    ['ik ben mijn eid kwijt', 'identiteitskaart'],
    ['mijn E-ID is vervallen', 'identiteitskaart'],
    ['bewijs van goed gedrag en zeden', 'uittreksel-strafregister'],
    ['kids id', 'kids-id'],
    ['Kids-ID voor mijn dochter', 'kids-id'],
    ['kidsid', 'kids-id'],
    ['identiteitskaart voor mijn kind', 'identiteitskaart'],
    ['trouwakte', 'akte-huwelijk'],
    ['adresattest', 'attest-woonst'],
    ['ik heb een bewijs van woonst nodig', 'attest-woonst'],
    ['samenstelling van het gezin', 'attest-gezinssamenstelling'],
    ['levensbewijs voor mijn pensioen', 'attest-leven'],
    ['nationaliteitsbewijs', 'attest-nationaliteit'],
    ['uittreksel geboorteakte', 'akte-geboorte'],
    ['overlijdensakte van mijn vader', 'akte-overlijden'],
    ['voorlopig rijbewijs', 'rijbewijs'],
    ['ik wil mijn handtekening laten wettigen', 'wettiging-handtekening'],
  ])('finds the document in %j', (text, id) => {
    expect(findDocument(text)).toBe(id);
  });

  // A forgotten or blocked PIN/PUK code is not a new card (docs/contract/nlu.md).
  it.each([
    ["'k ben mijne pincode vergeten", 'eid-pincode'],
    ['mijn puk code kwijt', 'eid-pincode'],
    ['pin geblokkeerd na 3 keer', 'eid-pincode'],
    ['ik ben de pincode van mijn identiteitskaart vergeten', 'eid-pincode'],
    ['mijn eid is geblokkeerd', 'eid-pincode'],
    ['pinkode vergeten', 'eid-pincode'],
    ['nieuwe identiteitskaart', 'identiteitskaart'],
    ['ik heb een nieuwe eid nodig, de oude is vervallen', 'identiteitskaart'],
  ])('tells a PIN/PUK code from the card in %j', (text, id) => {
    expect(findDocument(text)).toBe(id);
  });

  it.each([
    ['pasopoort', 'reispas'],
    ['paspoorrt', 'reispas'],
    ['rijbewjis', 'rijbewijs'],
    ['huwelijksakt', 'akte-huwelijk'],
    ['handtekning wettigen', 'wettiging-handtekening'],
  ])('forgives one typo in a long word: %j', (text, id) => {
    expect(findDocument(text)).toBe(id);
  });

  it.each(['hij woont hier', 'wanneer komt het grofvuil', 'ik wil een afspraak', 'mijn akte'])('finds nothing in %j', (text) => {
    expect(findDocument(text)).toBeUndefined();
  });

  it('does not forgive typos in short words', () => {
    expect(findDocument('ik ben mijn eip kwijt')).toBeUndefined();
  });

  it('lists several documents in the order they are named', () => {
    const finder = new DocumentFinder(loadDocumentSynonyms());
    expect(finder.findAll('paspoort en rijbewijs, en nog eens mijn paspoort').map((m) => m.id)).toEqual(['reispas', 'rijbewijs']);
  });

  it('has synonyms for every document id in the contract', () => {
    expect(
      loadDocumentSynonyms()
        .map((d) => d.id)
        .sort(),
    ).toEqual([...DOCUMENT_IDS].sort());
  });
});
