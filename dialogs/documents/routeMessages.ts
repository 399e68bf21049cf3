import type { Activity } from 'botbuilder';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import type { Language, Translate } from '../../bot/i18n.js';
import type { InPersonRoute, OnlineRoute } from '../../services/municipality/documentRoute.js';
import type { DocumentEntry, Municipality } from '../../services/municipality/municipalityData.js';
import { euroAmount } from '../displayFormats.js';

/** What the messages of a route need from the turn. */
export interface RouteMessageContext {
  t: Translate;
  language: Language;
  channelId: string | undefined;
  municipality: Municipality;
}

export type Message = string | Partial<Activity>;

/** The online route, one idea per message: that it can be done online, where, the steps, price and delivery. */
export function onlineRouteMessages(document: DocumentEntry, route: OnlineRoute, ctx: RouteMessageContext): Message[] {
  const { t, language } = ctx;
  const messages: Message[] = [t('documents:online.canOnline', { document: document.name[language] })];
  const both = route.channels.includes('thuisloket') && route.channels.includes('burgerprofiel');
  messages.push(both ? t('documents:online.channels.both') : t(`documents:online.channels.${route.channels[0] ?? 'thuisloket'}`));
  if (route.requester === 'child') messages.push(t('documents:online.forChild'));
  if (route.requester === 'deceased') messages.push(t('documents:online.forDeceased'));
  messages.push(
    renderInfoCard(ctx.channelId, {
      title: t('documents:online.steps.intro'),
      lines: [
        t('documents:online.steps.goTo', { url: route.url }),
        t('documents:online.steps.login'),
        t('documents:online.steps.fill'),
        t('documents:online.steps.send'),
      ],
      links: [{ label: t('documents:online.linkButton'), url: route.url }],
    }),
  );
  messages.push(route.price === 0 ? t('documents:online.price.free') : t('documents:online.price.paid', { price: euroAmount(route.price, language) }));
  messages.push(
    route.deliveryDays === 0
      ? t(`documents:online.delivery.${route.deliveryForm}.now`)
      : t(`documents:online.delivery.${route.deliveryForm}.days`, { count: route.deliveryDays }),
  );
  return messages;
}

export interface InPersonMessageOptions {
  /** Say that it cannot be done online (not when the resident chose the counter over the online route). */
  notOnline: boolean;
}

/** The counter route: where, what to bring, price, when it is ready, collecting it, urgent procedures and the appointment. */
export function inPersonRouteMessages(
  document: DocumentEntry,
  route: InPersonRoute,
  ctx: RouteMessageContext,
  options: InPersonMessageOptions,
): Message[] {
  const { t, language, channelId } = ctx;
  // After the online route, "you request it at the town hall" would contradict it: say it is the other way.
  const messages: Message[] = options.notOnline
    ? [t('documents:inPerson.intro', { document: document.name[language] }), t('documents:inPerson.notOnline')]
    : [t('documents:inPerson.introAlternative')];
  messages.push(
    renderInfoCard(channelId, {
      title: t('documents:inPerson.bring.intro'),
      lines: route.bring.map((item) => t(`documents:inPerson.bring.${item}`)),
    }),
  );
  messages.push(route.price === 0 ? t('documents:inPerson.price.free') : t('documents:inPerson.price.paid', { price: euroAmount(route.price, language) }));
  messages.push(
    route.deliveryDays === 0 ? t('documents:inPerson.delivery.now') : t('documents:inPerson.delivery.days', { count: route.deliveryDays }),
  );
  if (route.collection) {
    messages.push(
      route.collection.appointmentNeeded
        ? t('documents:inPerson.collection.withAppointment')
        : t('documents:inPerson.collection.withoutAppointment'),
    );
    messages.push(
      renderInfoCard(channelId, {
        title: t('documents:inPerson.collection.bringIntro'),
        lines: route.collection.bring.map((item) => t(`documents:inPerson.bring.${item}`)),
      }),
    );
  }
  if (route.urgentProcedures && route.urgentProcedures.length > 0) {
    messages.push(
      renderInfoCard(channelId, {
        title: t('documents:inPerson.urgent.intro'),
        lines: route.urgentProcedures.map((procedure) =>
          t('documents:inPerson.urgent.option', { price: euroAmount(procedure.price, language), count: procedure.deliveryDays }),
        ),
      }),
    );
  }
  messages.push(route.appointmentNeeded ? t('documents:inPerson.appointment.needed') : t('documents:inPerson.appointment.notNeeded'));
  return messages;
}

/** This person may not request the document: say so and give the phone, staff find a way. */
export function notAvailableMessages(ctx: RouteMessageContext): Message[] {
  const { t } = ctx;
  return [t('documents:notAvailable.requester'), t('documents:notAvailable.call', { phone: ctx.municipality.phone.display })];
}
