import type { TurnContext } from 'botbuilder';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { DocumentId } from '../../domain/nluContract.js';
import { documentRoute, type InPersonRoute } from '../../services/municipality/documentRoute.js';
import type { DocumentEntry, MunicipalityData, Requester } from '../../services/municipality/municipalityData.js';
import { DOCUMENT_FACTS, mentions, type DocumentFact } from '../../services/municipality/questionCues.js';
import type { CounterVisitLines, DocumentFacts } from '../appointments/appointmentDeps.js';
import {
  counterBring,
  counterBringLines,
  deliveryLine,
  onlineDeliveryLine,
  onlinePriceLine,
  priceLine,
  type RouteMessageContext,
} from './routeMessages.js';

/**
 * Answers a question about a document's facts asked in passing ("wat kost dat eigenlijk?", "wat moet
 * ik meebrengen?"): price, when it is ready and what to bring come from `data/documents.json` for
 * the counter route of that requester; how long it stays valid is not in the data, so the phone;
 * whether it can be done online ("kan dat online?") from that requester's fastest route.
 */
export class DocumentFactsAnswer implements DocumentFacts {
  constructor(private readonly facts: MunicipalityData) {}

  asked(text: string | undefined): readonly DocumentFact[] {
    return DOCUMENT_FACTS.filter((fact) => mentions(text, this.facts.cues.documentFacts[fact]));
  }

  /**
   * `route`: the counter route (the booking, the offer to book), or, before the route was told (at "voor wie?"),
   * the fastest one: a birth certificate asked "wa kost da" costs what it costs online.
   */
  async answer(
    context: TurnContext,
    id: DocumentId,
    requester: Requester | undefined,
    asked: readonly DocumentFact[],
    route: 'counter' | 'fastest' = 'counter',
  ): Promise<void> {
    const document = this.facts.documentById.get(id);
    if (!document) throw new Error(`documents.json has no document "${id}"`);
    const ctx = this.messageContext(context);
    const { t } = ctx;
    const phone = { phone: this.facts.municipality.phone.display };
    const counter = counterRoute(document, requester);
    const fastest = documentRoute(document, requester ? { requester } : {});
    const online = route === 'fastest' && fastest.kind === 'online' ? fastest : undefined;
    const lines: string[] = [];
    for (const fact of asked) {
      if (fact === 'price')
        lines.push(
          online ? onlinePriceLine(online, ctx) : counter ? priceLine(counter, ctx) : t('documents:inPerson.unknown.price', phone),
        );
      if (fact === 'delivery')
        lines.push(
          online ? onlineDeliveryLine(online, ctx) : counter ? deliveryLine(counter, ctx) : t('documents:inPerson.unknown.delivery', phone),
        );
      if (fact === 'validity') lines.push(t('documents:inPerson.unknown.validity', phone));
      if (fact === 'online') lines.push(onlineLine(document, requester, t));
    }
    if (lines.length > 0) await context.sendActivity(lines.join('\n'));
    if (asked.includes('bring') && counter) {
      const bring = counterBringLines(counter, ctx);
      await context.sendActivity(renderInfoCard(ctx.channelId, { title: t('documents:inPerson.bring.intro'), lines: bring }));
    }
  }

  atCounterFor(context: TurnContext, id: DocumentId, requester: Requester): CounterVisitLines | undefined {
    const document = this.facts.documentById.get(id);
    const route = document ? counterRoute(document, requester) : undefined;
    if (!route || route.requester !== requester) return undefined;
    const ctx = this.messageContext(context);
    const { request, collect } = counterBring(route, ctx);
    return { bring: request, collectBring: collect, price: priceLine(route, ctx) };
  }

  private messageContext(context: TurnContext): RouteMessageContext {
    const { t, language } = turnServices(context);
    return { t, language, channelId: context.activity.channelId, municipality: this.facts.municipality };
  }
}

/** "Ja, dat kan ook online" with the link, or "nee, dat kan niet online": for this requester, or for the usual one. */
function onlineLine(document: DocumentEntry, requester: Requester | undefined, t: RouteMessageContext['t']): string {
  const route = documentRoute(document, requester ? { requester } : {});
  return route.kind === 'online' ? t('documents:online.asked.possible', { url: route.url }) : t('documents:online.asked.notPossible');
}

/** The counter route for this requester, or for the usual one when that requester has none. */
function counterRoute(document: DocumentEntry, requester: Requester | undefined): InPersonRoute | undefined {
  const route = documentRoute(document, requester ? { requester } : {});
  if (route.kind === 'inPerson') return route;
  if (route.kind === 'online' && route.inPersonAlternative) return route.inPersonAlternative;
  return requester ? counterRoute(document, undefined) : undefined;
}
