import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isDocumentId, type DocumentId } from '../../domain/nluContract.js';
import { CodedError } from '../errorCatalogue.js';

/** A name in each language the assistant speaks. */
interface LocalisedName {
  nl: string;
  en: string;
}

export interface BookingRules {
  /** Appointments start on this grid, counted from each opening time. */
  slotStepMinutes: number;
  /** The earliest appointment starts at least this long after the moment of booking. */
  minimumLeadMinutes: number;
  /** The last bookable day is today (Brussels) plus this many days. */
  bookingHorizonDays: number;
}

interface Counter {
  id: string;
  name: LocalisedName;
}

/** One appointment type at the counter. */
export interface AppointmentService {
  id: string;
  name: LocalisedName;
  durationMinutes: number;
  /** Counters that serve this type, in order of preference. One resident per counter at a time. */
  counters: string[];
  /** Residents of this type served in parallel in one slot (at most one per counter). */
  capacity: number;
  /** NLU contract document ids that lead to this type. */
  documents: string[];
  /** Keys of `appointments:bring.<key>`. */
  bring: string[];
}

export interface ServiceCatalog {
  bookingRules: BookingRules;
  counters: Counter[];
  services: AppointmentService[];
}

/** The catalog file is wrong; the message names the file, the field and the reason. */
export class ServiceCatalogError extends CodedError {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super('SERVICE_CATALOG_INVALID', `${file}: ${field || '(root)'} ${reason}`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '../..');
export const DEFAULT_SERVICES_FILE = path.join(repositoryRoot, 'data/services.json');
const SCHEMA_FILE = path.join(repositoryRoot, 'data/schemas/services.schema.json');

let validate: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ allErrors: false, strict: true });
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return validate;
}

/** Reads and validates the catalog (at start-up; throws ServiceCatalogError on the first problem). */
export function loadServiceCatalog(file: string = DEFAULT_SERVICES_FILE): ServiceCatalog {
  const shown = path.relative(repositoryRoot, file) || file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ServiceCatalogError(shown, '', `cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseServiceCatalog(json, shown);
}

/** Validates already parsed JSON; `source` is only used in error messages. */
export function parseServiceCatalog(json: unknown, source = 'services.json'): ServiceCatalog {
  const check = schemaValidator();
  if (!check(json)) {
    const error = check.errors?.[0];
    throw new ServiceCatalogError(source, fieldOf(error), reasonOf(error));
  }
  const catalog = json as ServiceCatalog;
  checkReferences(catalog, source);
  return catalog;
}

/** What JSON Schema cannot say: ids unique, counters known, capacity possible. */
function checkReferences(catalog: ServiceCatalog, source: string): void {
  const counterIds = new Set<string>();
  catalog.counters.forEach((counter, index) => {
    if (counterIds.has(counter.id)) {
      throw new ServiceCatalogError(source, `/counters/${index}/id`, `repeats the counter id "${counter.id}"`);
    }
    counterIds.add(counter.id);
  });
  const serviceIds = new Set<string>();
  const documentOwners = new Map<string, string>();
  catalog.services.forEach((service, index) => {
    const at = `/services/${index}`;
    if (serviceIds.has(service.id)) {
      throw new ServiceCatalogError(source, `${at}/id`, `repeats the service id "${service.id}"`);
    }
    serviceIds.add(service.id);
    service.counters.forEach((counter, position) => {
      if (!counterIds.has(counter)) {
        throw new ServiceCatalogError(source, `${at}/counters/${position}`, `names the unknown counter "${counter}"`);
      }
    });
    if (service.capacity > service.counters.length) {
      throw new ServiceCatalogError(
        source,
        `${at}/capacity`,
        `is ${service.capacity} but only ${service.counters.length} counter(s) serve "${service.id}"`,
      );
    }
    service.documents.forEach((document, position) => {
      const owner = documentOwners.get(document);
      if (owner) {
        throw new ServiceCatalogError(
          source,
          `${at}/documents/${position}`,
          `gives document "${document}" a second service (already "${owner}")`,
        );
      }
      documentOwners.set(document, service.id);
    });
  });
}

function fieldOf(error: ErrorObject | undefined): string {
  if (!error) return '';
  if (error.keyword === 'required') return `${error.instancePath}/${String(error.params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  }
  return error.instancePath;
}

function reasonOf(error: ErrorObject | undefined): string {
  if (!error) return 'is not valid';
  if (error.keyword === 'required') return 'is missing';
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  return error.message ?? 'is not valid';
}

/** The service with this id, or undefined. */
export function findService(catalog: ServiceCatalog, id: string): AppointmentService | undefined {
  return catalog.services.find((service) => service.id === id);
}

/**
 * The service a booking, a draft or a search names. One the catalog does not have is a bug (the
 * catalog and the bookings disagree), not a resident's mistake: a RangeError.
 */
export function knownService(catalog: ServiceCatalog, id: string): AppointmentService {
  const service = findService(catalog, id);
  if (!service) throw new RangeError(`the catalog has no service ${id}`);
  return service;
}

/** The one document an appointment type is for ("reispas"), or undefined when it serves several or none. */
export function onlyDocumentOf(service: AppointmentService | undefined): DocumentId | undefined {
  const [only, ...others] = service?.documents ?? [];
  return others.length === 0 && isDocumentId(only) ? only : undefined;
}

/** The appointment type a contract document id leads to, or undefined when none does. */
export function serviceForDocument(catalog: ServiceCatalog, documentId: string): AppointmentService | undefined {
  return catalog.services.find((service) => service.documents.includes(documentId));
}
