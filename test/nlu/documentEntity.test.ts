import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS } from '../../nlu/contract.js';
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
    ['identiteitskaart voor mijn kind', 'kids-id'],
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

  it.each([
    ['pasopoort', 'reispas'],
    ['paspoorrt', 'reispas'],
    ['rijbewjis', 'rijbewijs'],
    ['huwelijksakt', 'akte-huwelijk'],
    ['handtekning wettigen', 'wettiging-handtekening'],
  ])('forgives one typo in a long word: %j', (text, id) => {
    expect(findDocument(text)).toBe(id);
  });

  it.each(['hij woont hier', 'wanneer komt het grofvuil', 'ik wil een afspraak', 'mijn akte'])(
    'finds nothing in %j',
    (text) => {
      expect(findDocument(text)).toBeUndefined();
    },
  );

  it('does not forgive typos in short words', () => {
    expect(findDocument('ik ben mijn eip kwijt')).toBeUndefined();
  });

  it('lists several documents in the order they are named', () => {
    const finder = new DocumentFinder(loadDocumentSynonyms());
    expect(finder.findAll('paspoort en rijbewijs, en nog eens mijn paspoort').map((m) => m.id)).toEqual(['reispas', 'rijbewijs']);
  });

  it('has synonyms for every document id in the contract', () => {
    expect(loadDocumentSynonyms().map((d) => d.id).sort()).toEqual([...DOCUMENT_IDS].sort());
  });
});
