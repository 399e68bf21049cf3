import { describe, expect, it } from 'vitest';
import { firstMentioned, mentions, type CueSet } from '../../../services/municipality/questionCues.js';

const cues = (nl: string[], en: string[] = []): CueSet => ({ nl, en });

describe('mentions', () => {
  it('finds a phrase with up to two other words before each of its words, and a "*" word as any one word', () => {
    const visit = cues(['naar * gemeentehuis * komen']);
    expect(mentions('mag ik naar het gemeentehuis zelf komen', visit)).toBe(true);
    // The "*" is a word of its own: "komen" right after "gemeentehuis" leaves it without one.
    expect(mentions('mag ik naar het gemeentehuis komen', visit)).toBe(false);
    expect(mentions('naar het grote oude gemeentehuis van de stad komen', visit)).toBe(true);
    expect(mentions('ik kom naar het gemeentehuis', visit)).toBe(false);
  });

  it('reads a word ending in "*" as a prefix, also with one typo when the prefix is long', () => {
    expect(mentions('ik kom persoonlijk', cues(['kom* persoonlijk']))).toBe(true);
    expect(mentions('mijn kaartlezr doet raar', cues(['kaartlezer*']))).toBe(true);
    expect(mentions('ik heb een pen', cues(['pin*']))).toBe(false);
  });

  it('reads "*word*" inside compounds, and long words with one typo', () => {
    expect(mentions('een omgevingsvergunningen', cues(['*vergunning*']))).toBe(true);
    expect(mentions('is er een parkng', cues(['parking']))).toBe(true);
    expect(mentions('geen idee', cues(['eens']))).toBe(false);
  });

  it('tries both languages, and the same cue set gives the same answer every time', () => {
    const closing = cues(['tot hoe laat'], ['until when']);
    for (let round = 0; round < 3; round++) {
      expect(mentions('until when are you open', closing)).toBe(true);
      expect(mentions('tot hoe laat zijde gij open', closing)).toBe(true);
      expect(mentions('wanneer gaat u open', closing)).toBe(false);
    }
    expect(mentions(undefined, closing)).toBe(false);
  });

  it('firstMentioned gives the first key in the order whose cues match', () => {
    const sets = { pin: cues(['pincode']), login: cues(['inloggen', 'pincode vergeten']) };
    expect(firstMentioned('ik ben mijn pincode vergeten', ['login', 'pin'], sets)).toBe('login');
    expect(firstMentioned('ik ben mijn pincode vergeten', ['pin', 'login'], sets)).toBe('pin');
    expect(firstMentioned('hallo', ['pin', 'login'], sets)).toBeUndefined();
  });
});
