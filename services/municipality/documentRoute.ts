import type { DocumentId } from '../../domain/nluContract.js';
import {
  REQUESTERS,
  type AppointmentService,
  type Collection,
  type DeliveryForm,
  type DocumentEntry,
  type DocumentModel,
  type OnlineChannel,
  type Requester,
  type UrgentProcedure,
} from './municipalityData.js';

export interface RouteRequest {
  /** Default: self when allowed, else the document's only requester (a death deed is always for a deceased relative). */
  readonly requester?: Requester;
  /** A model id of the criminal-record extract; default its first (general) model. */
  readonly model?: string;
}

export interface InPersonRoute {
  readonly kind: 'inPerson';
  readonly document: DocumentId;
  readonly requester: Requester;
  readonly model?: string;
  /** Keys of documents:inPerson.bring.<key>. */
  readonly bring: readonly string[];
  /** Euro; null when no price is known here. */
  readonly price: number | null;
  readonly appointmentService: AppointmentService;
  readonly appointmentNeeded: boolean;
  /** Working days until the document is ready; 0 = immediately; null when no delay is known here. */
  readonly deliveryDays: number | null;
  readonly collection?: Collection;
  readonly urgentProcedures?: readonly UrgentProcedure[];
  /** Keys of documents:inPerson.notes.<key>. */
  readonly notes?: readonly string[];
}

export interface OnlineRoute {
  readonly kind: 'online';
  readonly document: DocumentId;
  readonly requester: Requester;
  readonly model?: string;
  readonly channels: readonly OnlineChannel[];
  readonly url: string;
  /** Euro. */
  readonly price: number;
  /** Working days; 0 = immediately. */
  readonly deliveryDays: number;
  readonly deliveryForm: DeliveryForm;
  /** For residents without itsme or a card reader; null when this requester cannot come to the counter. */
  readonly inPersonAlternative: InPersonRoute | null;
}

/** This requester may not ask for this document (or this model of it); `allowedRequesters` says who may. */
interface NotAvailableRoute {
  readonly kind: 'notAvailable';
  readonly document: DocumentId;
  readonly requester: Requester;
  readonly model?: string;
  readonly allowedRequesters: readonly Requester[];
}

export type DocumentRoute = OnlineRoute | InPersonRoute | NotAvailableRoute;

export type RouteQuestion =
  | { readonly question: 'requester'; readonly options: readonly Requester[] }
  | { readonly question: 'model'; readonly options: readonly string[] };

/** Who may request the document (this model of it) online or at the counter, in the order of REQUESTERS. */
export function requesterOptions(document: DocumentEntry, modelId?: string): Requester[] {
  const model = modelOf(document, modelId);
  const all = new Set<Requester>([...(document.online?.requesters ?? []), ...document.counter.requesters]);
  return REQUESTERS.filter((r) => all.has(r) && (!model?.requesters || model.requesters.includes(r)));
}

/** The fastest route for this document and requester: online when possible, else in person. */
export function documentRoute(document: DocumentEntry, request: RouteRequest = {}): DocumentRoute {
  const model = modelOf(document, request.model);
  const requester = request.requester ?? defaultRequester(document, model);
  const modelPart = model ? { model: model.id } : {};
  const allowedByModel = (r: Requester): boolean => !model?.requesters || model.requesters.includes(r);

  const counter = document.counter;
  const atCounter = overlay(COUNTER_FIELDS, counter, model?.counter, counter.byRequester?.[requester]);
  const inPerson: InPersonRoute | null =
    counter.requesters.includes(requester) && allowedByModel(requester)
      ? {
          kind: 'inPerson',
          document: document.id,
          requester,
          ...modelPart,
          bring: atCounter.bring,
          price: atCounter.price,
          appointmentService: counter.appointmentService,
          appointmentNeeded: counter.appointmentNeeded,
          deliveryDays: atCounter.deliveryDays,
          ...(counter.collection ? { collection: counter.collection } : {}),
          ...(counter.urgentProcedures ? { urgentProcedures: counter.urgentProcedures } : {}),
          ...(atCounter.notes ? { notes: atCounter.notes } : {}),
        }
      : null;

  const online = document.online;
  if (online && online.requesters.includes(requester) && allowedByModel(requester)) {
    return {
      kind: 'online',
      document: document.id,
      requester,
      ...modelPart,
      ...overlay(ONLINE_FIELDS, online, model?.online, online.byRequester?.[requester]),
      inPersonAlternative: inPerson,
    };
  }
  if (inPerson) return inPerson;
  return { kind: 'notAvailable', document: document.id, requester, ...modelPart, allowedRequesters: requesterOptions(document, model?.id) };
}

/**
 * The questions whose answer changes the route, in the order to ask them (model first: model 2 narrows who may
 * request it). Pass what is already known to get only the remaining questions; an empty list means answer at once.
 */
export function questionsFor(document: DocumentEntry, known: RouteRequest = {}): RouteQuestion[] {
  const questions: RouteQuestion[] = [];
  const models = document.models ?? [];
  if (known.model === undefined && models.length > 1) questions.push({ question: 'model', options: models.map((m) => m.id) });
  if (known.requester !== undefined) return questions;
  const modelIds = known.model !== undefined ? [known.model] : models.length > 0 ? models.map((m) => m.id) : [undefined];
  // Ask for whom only when, for some model, the possible requesters lead to different answers.
  const requesterMatters = modelIds.some((modelId) => {
    const options = requesterOptions(document, modelId);
    const answers = new Set(options.map((requester) => routeFingerprint(documentRoute(document, { requester, model: modelId }))));
    return answers.size > 1;
  });
  if (requesterMatters) questions.push({ question: 'requester', options: requesterOptions(document, known.model) });
  return questions;
}

const COUNTER_FIELDS = ['bring', 'price', 'deliveryDays', 'notes'] as const;
const ONLINE_FIELDS = ['channels', 'url', 'price', 'deliveryDays', 'deliveryForm'] as const;

/**
 * The one precedence rule of data/documents.json, for online and counter alike: a model's value wins
 * over the requester's (byRequester), which wins over the document's own. Fields no layer sets stay unset.
 */
function overlay<Base extends object, Field extends keyof Base>(
  fields: readonly Field[],
  base: Base,
  ...layers: (Partial<Pick<Base, Field>> | undefined)[]
): Pick<Base, Field> {
  const values: Partial<Pick<Base, Field>> = {};
  for (const field of fields) {
    const value = layers.find((layer) => layer?.[field] !== undefined)?.[field] ?? base[field];
    if (value !== undefined) values[field] = value as Base[Field];
  }
  return values as Pick<Base, Field>;
}

function routeFingerprint(route: DocumentRoute): string {
  const { requester: _requester, ...rest } = route;
  if (rest.kind === 'online' && rest.inPersonAlternative) {
    const { requester: _alternativeRequester, ...alternative } = rest.inPersonAlternative;
    return JSON.stringify({ ...rest, inPersonAlternative: alternative });
  }
  return JSON.stringify(rest);
}

function modelOf(document: DocumentEntry, modelId: string | undefined): DocumentModel | undefined {
  const models = document.models ?? [];
  if (modelId === undefined) return models[0];
  const model = models.find((m) => m.id === modelId);
  if (!model) throw new RangeError(`document ${document.id} has no model "${modelId}"`);
  return model;
}

function defaultRequester(document: DocumentEntry, model: DocumentModel | undefined): Requester {
  const options = requesterOptions(document, model?.id);
  return options.includes('self') || options.length === 0 ? 'self' : (options[0] as Requester);
}
