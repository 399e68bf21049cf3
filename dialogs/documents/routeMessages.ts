import type { Activity } from 'botbuilder';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import type { Language, Translate } from '../../bot/i18n.js';
import type { InPersonRoute, OnlineRoute } from '../../services/municipality/documentRoute.js';
import type { Relation } from '../../nlu/documentDetails.js';
import type { Collection, DocumentEntry, Municipality, Requester } from '../../services/municipality/municipalityData.js';
import { capitalised, euroAmount } from '../displayFormats.js';

/** What the messages of a route need from the turn. */
export interface RouteMessageContext {
  t: Translate;
  language: Language;
  channelId: string | undefined;
  municipality: Municipality;
  /** Who the resident said the document is for ("mijn dochter"): the lines say "uw dochter", not "uw kind" or "die persoon". */
  relation?: Relation;
}

/** Relations that are a child of the resident's, said instead of "uw kind". */
const CHILD_RELATIONS: readonly Relation[] = ['son', 'daughter', 'grandson', 'granddaughter'];

/** The words for the person and the child in the lines (`{{person}}`, `{{child}}`, `{{Child}}` first in a line): the resident's own, or the general ones. */
function peopleWords(ctx: RouteMessageContext): { person: string; child: string; Child: string } {
  const { t, relation } = ctx;
  const said = relation ? t(`documents:relations.${relation}`) : undefined;
  const child = said && CHILD_RELATIONS.includes(relation!) ? said : t('documents:relations.child');
  return { person: said ?? t('documents:relations.someone'), child, Child: capitalised(child) };
}

/** What else to know (keys of `documents:inPerson.notes`), with the person's own words and the phone. */
export function noteLines(notes: readonly string[], ctx: RouteMessageContext): string[] {
  const words = { ...peopleWords(ctx), phone: ctx.municipality.phone.display };
  return notes.map((note) => ctx.t(`documents:inPerson.notes.${note}`, words));
}

/** What to bring, one line an item (keys of `documents:inPerson.bring`), with the person's own words. */
function bringLines(items: readonly string[], ctx: RouteMessageContext): string[] {
  const people = peopleWords(ctx);
  return items.map((item) => ctx.t(`documents:inPerson.bring.${item}`, people));
}

export type Message = string | Partial<Activity>;

/** What the resident told us besides the document, which changes how the route is told. */
export interface RouteCircumstances {
  /** Someone died: one line of condolence first, and the phone for whoever has no computer. */
  bereaved?: boolean;
  /** The condolence was said already, before the first question ("mijn vader is gestorven" → "Gecondoleerd." and "Welk document?"). */
  condoled?: boolean;
  /** A lost or stolen identity document: how to block it (DOC STOP) leads. */
  lost?: boolean;
  /** No computer, or not at ease with one: the phone and a visit first. */
  noComputer?: boolean;
}

/**
 * The online route as one card (a web chat bubble, one SMS): that it can be done online and where,
 * for whom one logs in, price and delivery, the steps and the link.
 */
export function onlineRouteMessages(
  document: DocumentEntry,
  route: OnlineRoute,
  ctx: RouteMessageContext,
  circumstances: RouteCircumstances = {},
): Message[] {
  const { t, language } = ctx;
  const both = route.channels.includes('thuisloket') && route.channels.includes('burgerprofiel');
  const lines = [both ? t('documents:online.channels.both') : t(`documents:online.channels.${route.channels[0] ?? 'thuisloket'}`)];
  if (route.requester === 'child') lines.push(t('documents:online.forChild'));
  if (route.requester === 'deceased') lines.push(t('documents:online.forDeceased'));
  lines.push(
    onlinePriceLine(route, ctx),
    onlineDeliveryLine(route, ctx),
    t('documents:online.steps.intro'),
    ...numbered([
      t('documents:online.steps.goTo', { url: route.url }),
      t('documents:online.steps.login'),
      t('documents:online.steps.fill'),
      t('documents:online.steps.send'),
    ]),
  );
  if (circumstances.bereaved && !circumstances.noComputer)
    lines.push(t('documents:bereaved.phone', { phone: ctx.municipality.phone.display }));
  return [
    card(ctx, t('documents:online.canOnline', { document: document.name[language] }), lines, circumstances, [
      { label: t('documents:online.linkButton'), url: route.url },
    ]),
  ];
}

/** What the online route costs. */
export function onlinePriceLine(route: OnlineRoute, ctx: RouteMessageContext): string {
  const { t, language } = ctx;
  return route.price === 0
    ? t('documents:online.price.free')
    : t('documents:online.price.paid', { price: euroAmount(route.price, language) });
}

/** When and how the online route delivers. */
export function onlineDeliveryLine(route: OnlineRoute, ctx: RouteMessageContext): string {
  const { t } = ctx;
  return route.deliveryDays === 0
    ? t(`documents:online.delivery.${route.deliveryForm}.now`)
    : t(`documents:online.delivery.${route.deliveryForm}.days`, { count: route.deliveryDays });
}

export interface InPersonMessageOptions {
  /** Say that it cannot be done online (not when the resident chose the counter over the online route). */
  notOnline: boolean;
}

/**
 * The counter route in two cards: first where, that it is on appointment, price, when it is ready,
 * collecting it and urgent procedures; then what to bring (also to collect it).
 */
export function inPersonRouteMessages(
  document: DocumentEntry,
  route: InPersonRoute,
  ctx: RouteMessageContext,
  options: InPersonMessageOptions,
  circumstances: RouteCircumstances = {},
): Message[] {
  const { t, language } = ctx;
  // After the online route, "you request it at the town hall" would contradict it: say it is the other way.
  const title = options.notOnline
    ? t('documents:inPerson.intro', { document: document.name[language] })
    : t('documents:inPerson.introAlternative');
  const lines = [route.appointmentNeeded ? t('documents:inPerson.appointment.needed') : t('documents:inPerson.appointment.notNeeded')];
  if (options.notOnline) lines.push(t('documents:inPerson.notOnline'));
  lines.push(...noteLines(route.notes ?? [], ctx), ...priceAndDelivery(route, ctx));
  if (route.collection) lines.push(collectionLine(route.collection, t));
  if (route.urgentProcedures && route.urgentProcedures.length > 0) {
    lines.push(
      t('documents:inPerson.urgent.intro'),
      ...route.urgentProcedures.map((procedure) =>
        t('documents:inPerson.urgent.option', { price: euroAmount(procedure.price, language), count: procedure.deliveryDays }),
      ),
    );
  }
  if (circumstances.bereaved && !circumstances.noComputer)
    lines.push(t('documents:bereaved.phone', { phone: ctx.municipality.phone.display }));
  return [
    card(ctx, title, lines, circumstances),
    renderInfoCard(ctx.channelId, { title: t('documents:inPerson.bring.intro'), lines: counterBringLines(route, ctx) }),
  ];
}

/**
 * What to bring for the counter route, also to collect it: the one list the document card, the answer to
 * "wat moet ik meebrengen?" and the booking confirmation all show.
 */
export function counterBringLines(route: InPersonRoute, ctx: RouteMessageContext): string[] {
  const { request, collect } = counterBring(route, ctx);
  return collect.length > 0 ? [...request, ctx.t('documents:inPerson.collection.bringIntro'), ...collect] : request;
}

/** What to bring to request the document and to collect it, apart: a confirmation lists them as items under their intro. */
export function counterBring(route: InPersonRoute, ctx: RouteMessageContext): { request: string[]; collect: string[] } {
  return {
    request: bringLines(route.bring, ctx),
    collect: route.collection ? collectionBring(route.collection, route.requester, ctx) : [],
  };
}

/**
 * Collecting a document that is ready: whether on appointment, and what to bring, in one card; for `requester`,
 * when known (someone else's card: that person's eID, not "uw eID").
 */
export function collectionMessages(
  document: DocumentEntry,
  collection: Collection,
  ctx: RouteMessageContext,
  requester?: Requester,
): Message[] {
  const { t, language } = ctx;
  const name = { document: document.name[language] };
  const lines = [
    collection.appointmentNeeded ? t('documents:collect.withAppointment', name) : t('documents:collect.withoutAppointment', name),
    t('documents:inPerson.collection.bringIntro'),
    ...collectionBring(collection, requester, ctx),
  ];
  return [renderInfoCard(ctx.channelId, { title: t('documents:collect.title', name), lines })];
}

/** What to bring to collect it: for a child or someone else, the card being replaced is theirs. */
function collectionBring(collection: Collection, requester: Requester | undefined, ctx: RouteMessageContext): string[] {
  const forRequester = requester ? FOR_REQUESTER[requester] : {};
  return bringLines(
    collection.bring.map((item) => forRequester[item] ?? item),
    ctx,
  );
}

/** The items of a collection list as they read for the person the document is for. */
const FOR_REQUESTER: Readonly<Record<Requester, Readonly<Record<string, string>>>> = {
  self: {},
  child: { currentEid: 'childCurrentEid' },
  other: { currentEid: 'holderEid' },
  deceased: {},
};

/** This person may not request the document: say so and give the phone, staff find a way. */
export function notAvailableMessages(ctx: RouteMessageContext): Message[] {
  const { t } = ctx;
  return [
    [
      t('documents:notAvailable.requester', peopleWords(ctx)),
      t('documents:notAvailable.call', { phone: ctx.municipality.phone.display }),
    ].join(' '),
  ];
}

/** Price and delay from the data; what the data does not know, the resident hears at the counter or by phone. */
function priceAndDelivery(route: InPersonRoute, ctx: RouteMessageContext): string[] {
  if (route.price === null && route.deliveryDays === null) {
    return [ctx.t('documents:inPerson.unknown.priceAndDelivery', { phone: ctx.municipality.phone.display })];
  }
  return [priceLine(route, ctx), deliveryLine(route, ctx)];
}

/** What the counter route costs; when the data does not know, where to hear it. */
export function priceLine(route: InPersonRoute, ctx: RouteMessageContext): string {
  const { t, language } = ctx;
  if (route.price === null) return t('documents:inPerson.unknown.price', { phone: ctx.municipality.phone.display });
  return route.price === 0
    ? t('documents:inPerson.price.free')
    : t('documents:inPerson.price.paid', { price: euroAmount(route.price, language) });
}

/** When the document is ready; when the data does not know, where to hear it. */
export function deliveryLine(route: InPersonRoute, ctx: RouteMessageContext): string {
  const { t } = ctx;
  if (route.deliveryDays === null) return t('documents:inPerson.unknown.delivery', { phone: ctx.municipality.phone.display });
  return route.deliveryDays === 0
    ? t('documents:inPerson.delivery.now')
    : t('documents:inPerson.delivery.days', { count: route.deliveryDays });
}

function collectionLine(collection: Collection, t: Translate): string {
  return collection.appointmentNeeded
    ? t('documents:inPerson.collection.withAppointment')
    : t('documents:inPerson.collection.withoutAppointment');
}

/**
 * A route card. What comes before the facts leads, as the title: after a death one line of
 * condolence; without a computer the phone and a visit.
 */
function card(
  ctx: RouteMessageContext,
  title: string,
  lines: string[],
  circumstances: RouteCircumstances,
  links: { label: string; url: string }[] = [],
): Partial<Activity> {
  const { t, municipality } = ctx;
  const leads = [
    ...(circumstances.bereaved && !circumstances.condoled ? [t('documents:bereaved.condolence')] : []),
    ...(circumstances.lost && municipality.docStop ? [t('documents:lost.block', { docStop: municipality.docStop })] : []),
    ...(circumstances.noComputer ? [t('documents:noComputer.first', { phone: municipality.phone.display })] : []),
  ];
  const [lead, ...more] = [...leads, title];
  return renderInfoCard(ctx.channelId, { title: lead!, lines: [...more, ...lines], links });
}

function numbered(lines: readonly string[]): string[] {
  return lines.map((line, index) => `${index + 1}. ${line}`);
}
