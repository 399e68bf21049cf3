import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_IDS } from '../../../domain/nluContract.js';
import {
  DEFAULT_SERVICES_FILE,
  loadServiceCatalog,
  parseServiceCatalog,
  ServiceCatalogError,
  serviceForDocument,
} from '../../../services/appointments/serviceCatalog.js';

const raw = () => JSON.parse(readFileSync(DEFAULT_SERVICES_FILE, 'utf8')) as Record<string, any>;
const locale = (language: string) =>
  JSON.parse(readFileSync(path.resolve(DEFAULT_SERVICES_FILE, `../../locales/${language}/appointments.json`), 'utf8')) as {
    bring: Record<string, string>;
  };

describe('data/services.json', () => {
  const catalog = loadServiceCatalog();

  it('offers exactly the agreed appointment types', () => {
    expect(catalog.services.map((service) => service.id).sort()).toEqual([
      'attest-loket',
      'eid-aanvraag',
      'eid-afhaling',
      'eid-pincode',
      'kids-id',
      'reispas',
      'rijbewijs',
      'wettiging-handtekening',
    ]);
  });

  it('leads every contract document id to exactly one appointment type', () => {
    for (const documentId of DOCUMENT_IDS) expect(serviceForDocument(catalog, documentId), documentId).toBeDefined();
    const named = catalog.services.flatMap((service) => service.documents);
    expect(named.sort()).toEqual([...DOCUMENT_IDS].sort());
    expect(serviceForDocument(catalog, 'reispas')?.id).toBe('reispas');
    expect(serviceForDocument(catalog, 'attest-woonst')?.id).toBe('attest-loket');
    // New codes are not a new card: their own appointment type, not the eID application.
    expect(serviceForDocument(catalog, 'eid-pincode')?.id).toBe('eid-pincode');
  });

  it('has a sentence in Dutch and English for everything to bring', () => {
    const nl = locale('nl');
    const en = locale('en');
    for (const key of new Set(catalog.services.flatMap((service) => service.bring))) {
      expect(nl.bring[key], `nl bring.${key}`).toBeTruthy();
      expect(en.bring[key], `en bring.${key}`).toBeTruthy();
    }
    expect(Object.keys(nl.bring).sort()).toEqual(Object.keys(en.bring).sort());
  });

  it('has booking rules a resident would expect', () => {
    expect(catalog.bookingRules).toEqual({ slotStepMinutes: 15, minimumLeadMinutes: 120, bookingHorizonDays: 42 });
  });
});

describe('catalog validation', () => {
  const reject = (change: (json: Record<string, any>) => void): ServiceCatalogError => {
    const json = raw();
    change(json);
    try {
      parseServiceCatalog(json, 'data/services.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceCatalogError);
      return error as ServiceCatalogError;
    }
    throw new Error('the catalog was accepted');
  };

  it('names file, field and reason for a missing field', () => {
    const error = reject((json) => delete json.services[2].durationMinutes);
    expect(error.message).toBe('data/services.json: /services/2/durationMinutes is missing');
  });

  it('names a wrong type', () => {
    const error = reject((json) => (json.bookingRules.slotStepMinutes = 'vijftien'));
    expect(error.field).toBe('/bookingRules/slotStepMinutes');
    expect(error.reason).toBe('must be integer');
  });

  it('refuses an unknown field', () => {
    expect(reject((json) => (json.services[0].prijs = 20)).message).toBe('data/services.json: /services/0/prijs is not a known field');
  });

  it('refuses a counter that does not exist', () => {
    expect(reject((json) => json.services[1].counters.push('loket-9')).message).toBe(
      'data/services.json: /services/1/counters/3 names the unknown counter "loket-9"',
    );
  });

  it('refuses more capacity than counters', () => {
    expect(reject((json) => (json.services[4].capacity = 2)).field).toBe('/services/4/capacity');
  });

  it('refuses a document id given to two services', () => {
    expect(reject((json) => json.services[0].documents.push('reispas')).reason).toContain('second service');
  });

  it('refuses a repeated service id', () => {
    expect(reject((json) => (json.services[1].id = json.services[0].id)).reason).toContain('repeats the service id');
  });

  describe('from a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'services-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names the file when it is not JSON', () => {
      const file = path.join(dir, 'broken.json');
      writeFileSync(file, '{ "services": [');
      expect(() => loadServiceCatalog(file)).toThrow(/broken\.json: \(root\) cannot be read as JSON/);
    });

    it('loads a valid copy', () => {
      const file = path.join(dir, 'services.json');
      writeFileSync(file, JSON.stringify(raw()));
      expect(loadServiceCatalog(file).services).toHaveLength(8);
    });
  });
});
