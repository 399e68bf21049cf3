import { ComponentDialog, WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import { isDocumentId } from '../../domain/nluContract.js';
import { documentDetails } from '../../nlu/documentDetails.js';
import { documentRoute } from '../../services/municipality/documentRoute.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { mentions } from '../../services/municipality/questionCues.js';
import type { BookingDialogOptions } from '../appointments/bookingDialog.js';
import { DialogIds } from '../dialogIds.js';
import { collectionMessages, noteLines, type RouteMessageContext } from './routeMessages.js';

/**
 * Stands before booking a visit for a document. A resident who comes to collect a document gets the
 * collection service (or hears that collecting needs no appointment); a document that can be
 * requested online gets that said first, in one sentence with the link, and the booking anyway.
 * A hand-over that already chose the service goes straight to booking.
 */
export class VisitAdviceDialog extends ComponentDialog {
  constructor(
    private readonly facts: MunicipalityData,
    private readonly booking: Dialog,
  ) {
    super(DialogIds.visitAdvice);
    this.addDialog(booking);
    this.addDialog(new WaterfallDialog(DialogIds.visitAdviceSteps, [this.adviceStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = DialogIds.visitAdviceSteps;
  }

  private async adviceStep(step: WaterfallStepContext<BookingDialogOptions>): Promise<DialogTurnResult> {
    const options: BookingDialogOptions = step.options ?? {};
    const id = options.recognition?.entities.document;
    const document = options.service === undefined && isDocumentId(id) ? this.facts.documentById.get(id) : undefined;
    if (!document) return step.beginDialog(this.booking.id, options);
    const { t, language } = turnServices(step.context);
    const forWhom = documentDetails(step.context.activity.text ?? '').requester;
    const ctx: RouteMessageContext = {
      t,
      language,
      channelId: step.context.activity.channelId,
      municipality: this.facts.municipality,
      ...(forWhom?.relation ? { relation: forWhom.relation } : {}),
    };
    const collection = document.counter.collection;
    if (collection && mentions(step.context.activity.text, this.facts.cues.collect)) {
      for (const message of collectionMessages(document, collection, ctx, forWhom?.who)) await step.context.sendActivity(message);
      if (!collection.appointmentNeeded || !collection.appointmentService) return step.endDialog();
      return step.beginDialog(this.booking.id, { ...options, service: collection.appointmentService } satisfies BookingDialogOptions);
    }
    // "een eID voor mijn moeder van 85": what that person must know (she comes herself) before the moments.
    const notes = forWhom?.explicit ? document.counter.byRequester?.[forWhom.who]?.notes : undefined;
    if (notes && notes.length > 0) await step.context.sendActivity(noteLines(notes, ctx).join('\n'));
    const route = documentRoute(document);
    if (route.kind === 'online') {
      const kind = route.price > 0 ? 'paid' : route.deliveryDays === 0 ? 'freeNow' : 'free';
      const online = t(`documents:onlineFirst.${kind}`, { document: document.name[language], url: route.url });
      await step.context.sendActivity(`${online} ${t('documents:onlineFirst.anyway')}`);
    }
    return step.beginDialog(this.booking.id, options);
  }

  private async doneStep(step: WaterfallStepContext<BookingDialogOptions>): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
