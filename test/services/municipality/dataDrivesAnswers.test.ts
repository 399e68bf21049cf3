import { afterEach, describe, expect, it } from 'vitest';
import { documentRoute } from '../../../services/municipality/documentRoute.js';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { closuresOf, openingStatus } from '../../../services/municipality/openingHours.js';
import { dataCopy, documentIndex, REPO_DATA_DIR } from './dataCopy.js';

const copies: Array<{ remove: () => void }> = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

function loadEdited(edit: Parameters<typeof dataCopy>[0]) {
  const copy = dataCopy(edit);
  copies.push(copy);
  return loadMunicipalityData(copy.dir);
}

describe('a changed fact changes the answer without code changes', () => {
  it('uses the new online price and link', () => {
    const before = documentRoute(loadMunicipalityData(REPO_DATA_DIR).documentById.get('attest-woonst')!);
    const after = documentRoute(
      loadEdited({
        documents: (d) => {
          const online = d.documents[documentIndex(d, 'attest-woonst')].online;
          online.price = 3.5;
          online.url = 'https://loket.example/woonst-nieuw';
        },
      }).documentById.get('attest-woonst')!,
    );
    expect(before).toMatchObject({ kind: 'online', price: 0 });
    expect(after).toMatchObject({ kind: 'online', price: 3.5, url: 'https://loket.example/woonst-nieuw' });
  });

  it('sends residents to the counter when the online request is switched off', () => {
    const data = loadEdited({ documents: (d) => (d.documents[documentIndex(d, 'attest-leven')].online = null) });
    expect(documentRoute(data.documentById.get('attest-leven')!)).toMatchObject({ kind: 'inPerson', appointmentService: 'attest-loket' });
  });

  it('uses the new counter price of the identity card', () => {
    const data = loadEdited({ documents: (d) => (d.documents[documentIndex(d, 'identiteitskaart')].counter.price = 27.4) });
    expect(documentRoute(data.documentById.get('identiteitskaart')!)).toMatchObject({ kind: 'inPerson', price: 27.4 });
  });

  it('uses new opening hours and a new closing day', () => {
    const monday10 = new Date('2026-03-02T09:00:00Z');
    const original = loadMunicipalityData(REPO_DATA_DIR).municipality;
    expect(openingStatus(original.openingHours, closuresOf(original), 'loket', monday10)).toMatchObject({ open: true });

    const later = loadEdited({ municipality: (m) => (m.openingHours.loket.monday = [['13:00', '17:00']]) }).municipality;
    expect(openingStatus(later.openingHours, closuresOf(later), 'loket', monday10)).toMatchObject({
      open: false,
      next: { date: '2026-03-02', time: '13:00' },
    });

    const closed = loadEdited({
      municipality: (m) => m.closingDays.push({ date: '2026-03-02', reason: { nl: 'een verhuis', en: 'a move' } }),
    }).municipality;
    expect(openingStatus(closed.openingHours, closuresOf(closed), 'loket', monday10)).toMatchObject({
      open: false,
      reason: { kind: 'closingDay', reason: { nl: 'een verhuis' } },
    });
  });
});
