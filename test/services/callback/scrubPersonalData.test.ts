import { describe, expect, it } from 'vitest';
import { REMOVED, scrubPersonalData } from '../../../services/callback/scrubPersonalData.js';

describe('scrubPersonalData', () => {
  it.each([
    ['bel mij op 0470 12 34 56 aub', `bel mij op ${REMOVED} aub`],
    ['of op +32 470/12.34.56', `of op ${REMOVED}`],
    ['mail naar jan.peeters+gemeente@telenet.be graag', `mail naar ${REMOVED} graag`],
    ['rijksregisternummer 85.07.30-033.61', `rijksregisternummer ${REMOVED}`],
    ['rekening BE68 5390 0754 7034 dank u', `rekening ${REMOVED} dank u`],
    ['rekening be68539007547034', `rekening ${REMOVED}`],
    ['NL91 ABNA 0417 1643 00 is mijn rekening', `${REMOVED} is mijn rekening`],
    ['kaartnummer 592123456789', `kaartnummer ${REMOVED}`],
  ])('removes personal data from %j', (text, scrubbed) => {
    expect(scrubPersonalData(text)).toBe(scrubbed);
  });

  it.each([['mijn afspraak op 12/03/2026 om 10.30 uur'], ['ik woon op nummer 12, 3000 Leuven'], ['ik heb 2 kinderen']])(
    'keeps %j',
    (text) => {
      expect(scrubPersonalData(text)).toBe(text);
    },
  );
});
