import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_IDS } from '../../../domain/nluContract.js';
import { DataFileError, loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { dataCopy, documentIndex, REPO_DATA_DIR, repoJson } from './dataCopy.js';

const copies: Array<{ remove: () => void }> = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

function broken(edit: Parameters<typeof dataCopy>[0]): string {
  const copy = dataCopy(edit);
  copies.push(copy);
  return copy.dir;
}

function loadError(dir: string): DataFileError {
  try {
    loadMunicipalityData(dir);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('loadMunicipalityData', () => {
  it('loads the repository data with every contract document once, in contract order', () => {
    const data = loadMunicipalityData(REPO_DATA_DIR);
    expect(data.documents.map((d) => d.id)).toEqual([...DOCUMENT_IDS]);
    expect(data.documentById.size).toBe(DOCUMENT_IDS.length);
    expect(data.municipality.timeZone).toBe('Europe/Brussels');
    expect(data.municipality.callbackRetentionDays).toBe(30);
  });

  it('loads from the default directory "data" when started in the project root', () => {
    expect(loadMunicipalityData().documents).toHaveLength(DOCUMENT_IDS.length);
  });

  it('names file, field and reason for a wrong type', () => {
    const dir = broken({
      documents: (d) => {
        d.documents[documentIndex(d, 'reispas')].counter.price = 'negentig';
      },
    });
    const error = loadError(dir);
    const index = documentIndex(repoJson('documents.json'), 'reispas');
    expect(error.file).toBe(join(dir, 'documents.json'));
    expect(error.pointer).toBe(`/documents/${index}/counter/price`);
    // A counter price may also be null (not known here: the resident hears it at the counter).
    expect(error.reason).toBe('must be number or must be null');
    expect(error.message).toBe(`${join(dir, 'documents.json')}: /documents/${index}/counter/price: must be number or must be null`);
    expect(error.code).toBe('DATA_FILE_INVALID');
  });

  it('names a missing required field', () => {
    const error = loadError(broken({ municipality: (m) => delete m.phone.e164 }));
    expect(error.file).toMatch(/municipality\.json$/);
    expect(error.pointer).toBe('/phone/e164');
    expect(error.reason).toBe('is required');
  });

  it('rejects an unknown field, so typos do not go unnoticed', () => {
    const error = loadError(broken({ municipality: (m) => (m.openingHours.loket.monday_ = []) }));
    expect(error.pointer).toBe('/openingHours/loket/monday_');
    expect(error.reason).toBe('is not a known field');
  });

  it('rejects a time that is not HH:MM', () => {
    const error = loadError(broken({ municipality: (m) => (m.openingHours.telefoon.friday[0][0] = '8:30') }));
    expect(error.pointer).toBe('/openingHours/telefoon/friday/0/0');
    expect(error.reason).toMatch(/must match pattern/);
  });

  it('rejects an interval that closes before it opens', () => {
    const error = loadError(broken({ municipality: (m) => (m.openingHours.loket.tuesday = [['12:00', '08:30']]) }));
    expect(error.pointer).toBe('/openingHours/loket/tuesday/0');
    expect(error.reason).toMatch(/from must be before to/);
  });

  it('rejects overlapping intervals', () => {
    const error = loadError(
      broken({
        municipality: (m) =>
          (m.openingHours.loket.monday = [
            ['08:30', '12:00'],
            ['11:00', '16:00'],
          ]),
      }),
    );
    expect(error.pointer).toBe('/openingHours/loket/monday/1');
  });

  it('rejects an impossible closing date', () => {
    const error = loadError(broken({ municipality: (m) => m.closingDays.push({ date: '2026-02-30', reason: { nl: 'x', en: 'x' } }) }));
    expect(error.pointer).toMatch(/^\/closingDays\/[0-9]+\/date$/);
    expect(error.reason).toMatch(/not a calendar date/);
  });

  it('rejects a display phone number that differs from the E.164 one', () => {
    const error = loadError(broken({ municipality: (m) => (m.phone.display = '09 999 12 35') }));
    expect(error.pointer).toBe('/phone/display');
  });

  it('rejects an appointment service that the appointment types do not have', () => {
    const error = loadError(
      broken({ documents: (d) => (d.documents[documentIndex(d, 'rijbewijs')].counter.appointmentService = 'rijbewijzen') }),
    );
    expect(error.pointer).toMatch(/\/counter\/appointmentService$/);
    expect(error.reason).toMatch(/^must be one of "eid-aanvraag"/);
  });

  it('names a contract document that is missing', () => {
    const error = loadError(broken({ documents: (d) => d.documents.splice(documentIndex(d, 'attest-leven'), 1) }));
    expect(error.pointer).toBe('/documents');
    expect(error.reason).toBe('document "attest-leven" of the NLU contract is missing');
  });

  it('names a document described twice', () => {
    const error = loadError(broken({ documents: (d) => d.documents.push(structuredClone(d.documents[0])) }));
    expect(error.reason).toMatch(/is already described at \/documents\/0/);
  });

  it('names a document id outside the contract', () => {
    const error = loadError(broken({ documents: (d) => (d.documents[0].id = 'bouwvergunning') }));
    expect(error.pointer).toBe('/documents/0/id');
    expect(error.reason).toMatch(/not a document id of the NLU contract/);
  });

  it('rejects an override for someone who may not request the document', () => {
    const error = loadError(
      broken({ documents: (d) => (d.documents[documentIndex(d, 'rijbewijs')].counter.byRequester = { child: { price: 1 } }) }),
    );
    expect(error.pointer).toMatch(/\/counter\/byRequester\/child$/);
  });

  it('reports invalid JSON and a missing file on one line', () => {
    const dir = broken({});
    writeFileSync(join(dir, 'municipality.json'), '{ "name": ');
    const invalid = loadError(dir);
    expect(invalid.message).toMatch(/municipality\.json: \/: is not valid JSON/);
    expect(invalid.message).not.toContain('\n');
    expect(loadError(join(dir, 'nowhere')).message).toMatch(/municipality\.json: \/: cannot be read \(ENOENT\)/);
  });

  it('counts further problems in the message and keeps them all', () => {
    const error = loadError(
      broken({
        municipality: (m) => {
          m.email = 'geen e-mail';
          m.callbackRetentionDays = 0;
        },
      }),
    );
    expect(error.problems.map((p) => p.pointer).sort()).toEqual(['/callbackRetentionDays', '/email']);
    expect(error.message).toMatch(/\(and 1 more\)$/);
  });
});
