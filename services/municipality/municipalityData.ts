import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DOCUMENT_IDS, isDocumentId, type DocumentId } from '../../domain/nluContract.js';
import type { OutOfScopeTopic, QuestionCues } from './questionCues.js';
import { WEEKDAYS, type Weekday } from '../brusselsTime.js';
import { CodedError } from '../errorCatalogue.js';

/** loket = the counter (visits, appointments); telefoon = when phone staff answer. */
export const SERVICES = ['loket', 'telefoon'] as const;
export type Service = (typeof SERVICES)[number];

/** Local wall-clock time "HH:MM" in Europe/Brussels. */
export type TimeOfDay = string;
/** [from, to): open from `from`, closed again at `to`. */
export type Interval = readonly [TimeOfDay, TimeOfDay];
type WeekHours = Readonly<Record<Weekday, readonly Interval[]>>;
export type OpeningHours = Readonly<Record<Service, WeekHours>>;

export interface Localized {
  readonly nl: string;
  readonly en: string;
}

export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

export interface HolidaySettings {
  readonly country: 'BE';
  readonly region?: 'VLG' | 'BRU' | 'WAL' | 'DE';
  /** Which date-holidays types close the services; default public only. */
  readonly types?: readonly HolidayType[];
}

/** The municipality's own closing day: once (`date`) or every year (`yearly`, "MM-DD"); partial with `from` or `until`. */
export interface ClosingDay {
  readonly date?: string;
  readonly yearly?: string;
  readonly from?: TimeOfDay;
  readonly until?: TimeOfDay;
  readonly services?: readonly Service[];
  readonly reason: Localized;
}

export interface Municipality {
  readonly name: string;
  readonly shortName: string;
  readonly logoText: string;
  readonly address: {
    readonly building?: string;
    readonly street: string;
    readonly number: string;
    readonly postalCode: string;
    readonly city: string;
    readonly country: 'BE';
  };
  readonly phone: { readonly e164: string; readonly display: string };
  /** DOC STOP, the national number that blocks a lost or stolen identity document. */
  readonly docStop?: string;
  readonly email: string;
  readonly website: string;
  readonly appointmentUrl: string;
  readonly thuisloketUrl: string;
  readonly burgerprofielUrl: string;
  /** Where residents download the eID software for a card reader. */
  readonly eidSoftwareUrl: string;
  /** Where to go for what the assistant cannot handle; a topic without a link gets the phone only. */
  readonly topicLinks?: Readonly<Partial<Record<OutOfScopeTopic, string>>>;
  /** Where to park near the town hall. */
  readonly parking?: Localized;
  readonly timeZone: 'Europe/Brussels';
  readonly openingHours: OpeningHours;
  /** Services that serve residents only on appointment (the counter): the hours say so. */
  readonly appointmentOnly?: readonly Service[];
  readonly holidays: HolidaySettings;
  readonly closingDays: readonly ClosingDay[];
  readonly callbackRetentionDays: number;
  readonly verify?: readonly string[];
}

/** For whom: self; child = own minor child; deceased = a deceased relative; other = someone else, with a proxy. */
export const REQUESTERS = ['self', 'child', 'deceased', 'other'] as const;
export type Requester = (typeof REQUESTERS)[number];

export type OnlineChannel = 'thuisloket' | 'burgerprofiel';
export type DeliveryForm = 'email' | 'download' | 'post';
export type AppointmentService =
  'eid-aanvraag' | 'eid-afhaling' | 'eid-pincode' | 'kids-id' | 'reispas' | 'rijbewijs' | 'attest-loket' | 'wettiging-handtekening';

interface OnlineFields {
  readonly channels?: readonly OnlineChannel[];
  readonly url?: string;
  readonly deliveryDays?: number;
  readonly deliveryForm?: DeliveryForm;
  readonly price?: number;
}

interface OnlineRequest {
  readonly channels: readonly OnlineChannel[];
  readonly url: string;
  /** Working days; 0 = immediately. */
  readonly deliveryDays: number;
  readonly deliveryForm: DeliveryForm;
  /** Euro. */
  readonly price: number;
  readonly requesters: readonly Requester[];
  readonly byRequester?: Readonly<Partial<Record<Requester, OnlineFields>>>;
}

interface CounterFields {
  readonly price?: number;
  readonly bring?: readonly string[];
  readonly deliveryDays?: number;
  /** Keys of documents:inPerson.notes.<key>; replace the route's notes for this requester or model. */
  readonly notes?: readonly string[];
}

export interface Collection {
  readonly appointmentNeeded: boolean;
  readonly appointmentService?: AppointmentService;
  readonly bring: readonly string[];
}

export interface UrgentProcedure {
  readonly id: 'urgent' | 'veryUrgent';
  readonly price: number;
  readonly deliveryDays: number;
}

interface CounterRequest {
  /** Euro; null when no price is known here (the resident hears it at the counter). */
  readonly price: number | null;
  readonly requesters: readonly Requester[];
  /** Keys of documents:inPerson.bring.<key>. */
  readonly bring: readonly string[];
  readonly appointmentNeeded: boolean;
  readonly appointmentService: AppointmentService;
  /** Working days; null when no delay is known here. */
  readonly deliveryDays: number | null;
  /** Keys of documents:inPerson.notes.<key>: what else to know about this route. */
  readonly notes?: readonly string[];
  readonly collection?: Collection;
  readonly urgentProcedures?: readonly UrgentProcedure[];
  readonly byRequester?: Readonly<Partial<Record<Requester, CounterFields>>>;
}

/** A model of the extract from the criminal record; its fields replace the document's. */
export interface DocumentModel {
  readonly id: string;
  readonly articles: readonly string[];
  readonly name: Localized;
  readonly requesters?: readonly Requester[];
  readonly online?: OnlineFields;
  readonly counter?: CounterFields;
}

export interface DocumentEntry {
  readonly id: DocumentId;
  readonly name: Localized;
  readonly online: OnlineRequest | null;
  readonly counter: CounterRequest;
  readonly models?: readonly DocumentModel[];
  readonly verify: readonly string[];
}

export interface MunicipalityData {
  readonly municipality: Municipality;
  /** In the order of the NLU contract. */
  readonly documents: readonly DocumentEntry[];
  readonly documentById: ReadonlyMap<DocumentId, DocumentEntry>;
  /** Words that tell what a resident asks within a capability (`questionCues.json`). */
  readonly cues: QuestionCues;
}

export interface DataFileProblem {
  readonly pointer: string;
  readonly reason: string;
}

/** A data file is missing, unreadable or wrong; the message names file, field and reason on one line. */
export class DataFileError extends CodedError {
  readonly file: string;
  readonly pointer: string;
  readonly reason: string;
  readonly problems: readonly DataFileProblem[];

  constructor(file: string, problems: readonly DataFileProblem[]) {
    const first = problems[0] ?? { pointer: '', reason: 'is invalid' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super('DATA_FILE_INVALID', `${file}: ${first.pointer || '/'}: ${first.reason}${more}`);
    this.file = file;
    this.pointer = first.pointer;
    this.reason = first.reason;
    this.problems = problems;
  }
}

const MUNICIPALITY_FILE = 'municipality.json';
const DOCUMENTS_FILE = 'documents.json';
const QUESTION_CUES_FILE = 'questionCues.json';

// The schemas describe what this code expects, so they come with the code, not with the data directory.
const SCHEMA_DIR = fileURLToPath(new URL('../../data/schemas/', import.meta.url));

interface Validators {
  municipality: ValidateFunction;
  documents: ValidateFunction;
  cues: ValidateFunction;
}

let validators: Validators | undefined;

function compiledValidators(): Validators {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true });
    const read = (name: string): object => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object;
    validators = {
      municipality: ajv.compile(read('municipality.schema.json')),
      documents: ajv.compile(read('documents.schema.json')),
      cues: ajv.compile(read('questionCues.schema.json')),
    };
  }
  return validators;
}

/** Reads, validates and cross-checks `municipality.json`, `documents.json` and `questionCues.json` in `dataDir`. Throws DataFileError. */
export function loadMunicipalityData(dataDir = 'data'): MunicipalityData {
  const { municipality: validateMunicipality, documents: validateDocuments, cues: validateCues } = compiledValidators();
  const municipalityFile = join(dataDir, MUNICIPALITY_FILE);
  const documentsFile = join(dataDir, DOCUMENTS_FILE);

  const municipality = readValidated<Municipality>(municipalityFile, validateMunicipality);
  failOn(municipalityFile, checkMunicipality(municipality));

  const documentsDoc = readValidated<{ documents: DocumentEntry[] }>(documentsFile, validateDocuments);
  failOn(documentsFile, checkDocuments(documentsDoc.documents));

  const { cues } = readValidated<{ cues: QuestionCues }>(join(dataDir, QUESTION_CUES_FILE), validateCues);

  const documentById = new Map<DocumentId, DocumentEntry>(documentsDoc.documents.map((d) => [d.id, d]));
  const documents = DOCUMENT_IDS.map((id) => documentById.get(id)).filter((d): d is DocumentEntry => d !== undefined);
  return { municipality, documents, documentById, cues };
}

function readValidated<T>(file: string, validate: ValidateFunction): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new DataFileError(file, [{ pointer: '', reason: `cannot be read (${code})` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, [{ pointer: '', reason: `is not valid JSON (${(error as Error).message})` }]);
  }
  if (!validate(value)) failOn(file, schemaProblems(validate.errors ?? []));
  return value as T;
}

function failOn(file: string, problems: readonly DataFileProblem[]): void {
  if (problems.length > 0) throw new DataFileError(file, problems);
}

const COMBINATOR_KEYWORDS = new Set(['oneOf', 'anyOf', 'not', 'if']);

/** Turns ajv's errors into problems, most specific first: the deepest field, the branches of a oneOf merged. */
function schemaProblems(errors: readonly ErrorObject[]): DataFileProblem[] {
  const byPointer = new Map<string, string[]>();
  const specific = errors.filter((e) => !COMBINATOR_KEYWORDS.has(e.keyword));
  for (const error of specific.length > 0 ? specific : errors) {
    const { pointer, reason } = describeSchemaError(error);
    const reasons = byPointer.get(pointer) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    byPointer.set(pointer, reasons);
  }
  return [...byPointer.entries()]
    .map(([pointer, reasons]) => ({ pointer, reason: reasons.join(' or ') }))
    .sort((a, b) => depth(b.pointer) - depth(a.pointer));
}

function depth(pointer: string): number {
  return pointer.split('/').length;
}

function describeSchemaError(error: ErrorObject): DataFileProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`, reason: 'is required' };
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`,
        reason: 'is not a known field',
      };
    case 'enum':
      return {
        pointer: error.instancePath,
        reason: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { pointer: error.instancePath, reason: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer: error.instancePath, reason: error.message ?? `fails ${error.keyword}` };
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function minutesOf(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkMunicipality(m: Municipality): DataFileProblem[] {
  const problems: DataFileProblem[] = [];
  for (const service of SERVICES) {
    for (const weekday of WEEKDAYS) {
      let previousEnd = -1;
      m.openingHours[service][weekday].forEach(([from, to], index) => {
        const pointer = `/openingHours/${service}/${weekday}/${index}`;
        if (minutesOf(from) >= minutesOf(to)) {
          problems.push({ pointer, reason: `opens at ${from} but closes at ${to}: from must be before to` });
        } else if (minutesOf(from) < previousEnd) {
          problems.push({
            pointer,
            reason: `starts at ${from}, before the previous interval ends: keep intervals in order without overlap`,
          });
        }
        previousEnd = Math.max(previousEnd, minutesOf(to));
      });
    }
  }
  m.closingDays.forEach((closing, index) => {
    const pointer = `/closingDays/${index}`;
    if (closing.date) {
      const [y, mo, d] = closing.date.split('-').map(Number) as [number, number, number];
      if (!isCalendarDate(y, mo, d)) problems.push({ pointer: `${pointer}/date`, reason: `${closing.date} is not a calendar date` });
    }
    if (closing.yearly) {
      const [mo, d] = closing.yearly.split('-').map(Number) as [number, number];
      // 2024 is a leap year, so 02-29 is accepted.
      if (!isCalendarDate(2024, mo, d))
        problems.push({ pointer: `${pointer}/yearly`, reason: `${closing.yearly} is not a day of the year` });
    }
  });
  const displayDigits = m.phone.display.replace(/\s/g, '');
  if (`+32${displayDigits.slice(1)}` !== m.phone.e164) {
    problems.push({ pointer: '/phone/display', reason: `${m.phone.display} is not the same number as ${m.phone.e164}` });
  }
  return problems;
}

function checkDocuments(documents: readonly DocumentEntry[]): DataFileProblem[] {
  const problems: DataFileProblem[] = [];
  const seen = new Map<string, number>();
  documents.forEach((document, index) => {
    const pointer = `/documents/${index}`;
    if (!isDocumentId(document.id)) {
      problems.push({ pointer: `${pointer}/id`, reason: `"${document.id}" is not a document id of the NLU contract` });
    } else if (seen.has(document.id)) {
      problems.push({ pointer: `${pointer}/id`, reason: `"${document.id}" is already described at /documents/${seen.get(document.id)}` });
    } else {
      seen.set(document.id, index);
    }
    const checkOverrides = (part: 'online' | 'counter', allowed: readonly Requester[], overrides: object | undefined): void => {
      for (const requester of Object.keys(overrides ?? {})) {
        if (!allowed.includes(requester as Requester)) {
          problems.push({
            pointer: `${pointer}/${part}/byRequester/${requester}`,
            reason: `"${requester}" is not in ${part}.requesters, so this would never be used`,
          });
        }
      }
    };
    if (document.online) checkOverrides('online', document.online.requesters, document.online.byRequester);
    checkOverrides('counter', document.counter.requesters, document.counter.byRequester);
    const modelIds = new Set<string>();
    document.models?.forEach((model, modelIndex) => {
      if (modelIds.has(model.id)) {
        problems.push({ pointer: `${pointer}/models/${modelIndex}/id`, reason: `"${model.id}" appears twice` });
      }
      modelIds.add(model.id);
    });
  });
  for (const id of DOCUMENT_IDS) {
    if (!seen.has(id)) problems.push({ pointer: '/documents', reason: `document "${id}" of the NLU contract is missing` });
  }
  return problems;
}
