import { EventFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderInfoCard, type Option } from '../bot/channels/renderer.js';
import type { ConversationRecall, ConversationTopic } from '../bot/conversationMemory.js';
import type { Language, Translate } from '../bot/i18n.js';
import type { Logger } from '../bot/logger.js';
import { asksForCallback } from '../services/callback/callbackReference.js';
import { excerptForStaff } from '../services/callback/staffExcerpt.js';
import type { CallbackStore } from '../stores/callbacks/callbackStore.js';
import { CLOSED_STATUSES } from '../services/callback/callbackStatus.js';
import type { HandoffMode } from '../services/callback/handoffMode.js';
import type { PhoneLine } from '../services/municipality/phoneLine.js';
import { turnServices } from '../bot/turnState.js';
import { normaliseBelgianPhone } from '../nlu/belgianPhone.js';
import { parseCallbackMoment, type PhoneAvailability } from '../services/callback/phoneAvailability.js';
import { CallbackCancelDialog, type CallbackCancelOptions, type RequestedCallback } from './callbackCancelDialog.js';
import { DialogIds } from './dialogIds.js';
import { requestIdOf } from './requestId.js';
import { CallbackSubjectDialog, type CallbackSubjectOptions, type CallbackSubjectResult } from './callbackSubjectDialog.js';
import { momentInSentence, momentLabel, shortMomentLabel, staffBackSentence, subjectProposal } from './handoffWording.js';
import { FreeTextPrompt, isWithdrawal } from './prompts/freeTextPrompt.js';
import { OptionPrompt, type OptionPromptOptions } from './prompts/optionPrompt.js';
import { SenderNumberQuestion, type SenderNumberQuestionOptions } from './prompts/senderNumberQuestion.js';
import { clockLabel } from '../services/brusselsTime.js';
import { stepValues } from './stepValues.js';

/** How a conversation was escalated to a person: for the outcome figures. */
export interface Escalation {
  via: 'phone' | 'callback' | 'agentHub';
  /** The callback request's reference when `via` is `callback`. */
  reference?: string;
}

/** What the handoff needs from the rest of the bot; the composition root wires these (`bot/composition/assistantRuntime.ts`). */
export interface HandoffServices {
  mode: HandoffMode;
  availability: PhoneAvailability;
  callbacks: CallbackStore;
  /** How long closed callback requests are kept, said to the resident before they give their number. */
  retentionDays: number;
  logger: Logger;
  now?: () => Date;
  /**
   * Called when the handoff starts (`phone` or `agentHub`) and again when a callback request is
   * stored (`callback`). Count a conversation once, however often it is called.
   */
  onEscalated?: (context: TurnContext, escalation: Escalation) => Promise<void> | void;
}

export interface HandoffDialogDeps extends HandoffServices {
  /** The conversation so far: topic, scrubbed excerpt, transcript. */
  recall: ConversationRecall;
  /** The callback request this conversation made, so asking again tells about it instead of making a second. */
  requested?: StatePropertyAccessor<RequestedCallback | undefined>;
  /** A document's name in a language ("rijbewijs"), to propose what the callback is about; undefined for an unknown id. */
  documentName?: (document: string, language: Language) => string | undefined;
}

/** Begin options: start with cancelling a callback request instead of the offer. */
export interface HandoffOptions {
  cancelCallback?: CallbackCancelOptions;
  /**
   * The resident asked for a person in the middle of a question: declining the callback goes back
   * to that question; a stored callback request ends what was going on.
   */
  interrupting?: boolean;
  /** The resident already said yes to a callback (offered by another dialog): straight to the moment question. */
  callbackWanted?: boolean;
}

/** The handoff's result when an agent hub took over: the main dialog then asks nothing more. */
export interface HandoffResult {
  handedOver: boolean;
}

const OFFER = { callback: 'callback', cancelCallback: 'cancelCallback', no: 'no', keep: 'keep' } as const;
/** The moment question's answer when the resident typed a phone number instead of a moment. */
const NUMBER_TYPED = 'numberTyped';
const MAX_PHONE_ATTEMPTS = 3;

interface HandoffValues {
  interrupting: boolean;
  topic: ConversationTopic;
  excerpt: string[];
  moment?: { day: string; partOfDay: 'morning' | 'afternoon' };
  /** What the call is about, already scrubbed and short (CallbackSubjectDialog); null when left out. */
  subject?: string | null;
  /**
   * A number the resident typed before it was asked (in the request, at the moment or subject
   * question), E.164: read back at the number question instead of asking it again.
   */
  givenPhone?: string;
}

/**
 * Hands a resident over to a person: the phone number and when it is staffed, then the offer of
 * a callback (moment, Belgian number, reference) or, in agent-hub mode, a `handoff.initiate` event.
 * Without services it only gives the phone number.
 * The phone number is asked last and the request stored in that same turn. Only a number the
 * resident typed before it was asked sits in the dialog's values, until the request is stored or
 * the callback declined, so it is read back ("op het nummer dat u gaf?") instead of asked again.
 */
export class HandoffDialog extends ComponentDialog {
  private readonly now: () => Date;

  constructor(
    private readonly phone: PhoneLine,
    private readonly deps?: HandoffDialogDeps,
  ) {
    super(DialogIds.handoff);
    this.now = deps?.now ?? (() => new Date());
    this.addDialog(
      new WaterfallDialog<HandoffOptions>(DialogIds.handoffSteps, [
        this.introStep.bind(this),
        this.offerAnsweredStep.bind(this),
        this.momentTypedStep.bind(this),
        this.momentChosenStep.bind(this),
        this.subjectAnsweredStep.bind(this),
        this.storeRequestStep.bind(this),
      ]),
    );
    this.addDialog(new OptionPrompt(DialogIds.handoffOffer));
    this.addDialog(new OptionPrompt(DialogIds.callbackMoment, undefined, { value: NUMBER_TYPED, reads: typesPhoneNumber }));
    this.addDialog(new CallbackSubjectDialog());
    const phoneQuestion = new FreeTextPrompt(DialogIds.callbackPhone, answersPhoneQuestion, (prompt) => this.validatePhone(prompt));
    this.addDialog(
      new SenderNumberQuestion(DialogIds.callbackPhoneQuestion, phoneQuestion, (text, context) => this.checkPhone(text, context)),
    );
    if (deps) {
      this.addDialog(
        new CallbackCancelDialog(phone, { callbacks: deps.callbacks, logger: deps.logger, now: this.now, requested: deps.requested }),
      );
    }
    this.initialDialogId = DialogIds.handoffSteps;
  }

  private async introStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const options: HandoffOptions = step.options ?? {};
    const deps = this.deps;
    const values = stepValues<HandoffValues>(step);
    values.interrupting = options.interrupting === true;
    const requested = deps ? await this.openRequest(step.context, deps) : undefined;
    if (deps && options.cancelCallback) {
      // "ik wil niet meer gebeld worden" without a reference: this conversation's own request.
      const reference = options.cancelCallback.reference ?? requested?.reference ?? null;
      return step.replaceDialog(DialogIds.callbackCancel, { reference } satisfies CallbackCancelOptions);
    }

    const { t, language } = turnServices(step.context);
    const lines = [t('handoff:callUs', { phone: this.phone.display })];
    if (deps) lines.push(this.staffedLine(deps.availability, t, language));
    await step.context.sendActivity(
      renderInfoCard(step.context.activity.channelId, {
        title: t('handoff:title'),
        lines,
        links: [{ label: t('handoff:callButton'), url: `tel:${this.phone.e164}` }],
      }),
    );
    if (!deps) return step.endDialog();

    values.topic = await deps.recall.topic(step.context);
    values.excerpt = excerptForStaff(await deps.recall.residentExcerpt(step.context));
    if (deps.mode === 'agentHub') {
      await this.initiateAgentHub(step.context, deps, values);
      return step.endDialog({ handedOver: true } satisfies HandoffResult);
    }
    await deps.onEscalated?.(step.context, { via: 'phone' });
    if (requested) return this.offerAboutOpenRequest(step, requested);
    keepTypedPhone(step);
    // "kunde mij eens terugbellen" is already the answer to "Wilt u dat we u terugbellen?".
    if (options.callbackWanted || asksForCallback(step.context.activity.text)) return step.next(OFFER.callback);
    const offer: OptionPromptOptions = {
      id: 'handoff.offer',
      prompt: t('handoff:offer.question'),
      options: [
        // No "cancel my callback request" here: this conversation has none (an open one gets offerAboutOpenRequest).
        { value: OFFER.callback, label: t('handoff:offer.callback') },
        { value: OFFER.no, label: t('handoff:offer.no') },
      ],
    };
    return step.prompt(DialogIds.handoffOffer, offer);
  }

  /** A second request for a person: the open callback request (code, moment) instead of a second one. */
  private async offerAboutOpenRequest(step: WaterfallStepContext<HandoffOptions>, requested: RequestedCallback): Promise<DialogTurnResult> {
    const { t, language } = turnServices(step.context);
    await step.context.sendActivity(
      t('handoff:open.pending', { reference: requested.reference, moment: momentLabel(t, language, this.now(), requested.moment) }),
    );
    const offer: OptionPromptOptions = {
      id: 'handoff.offerOpen',
      prompt: t('handoff:open.question'),
      options: [
        { value: OFFER.keep, label: t('handoff:open.keep') },
        { value: OFFER.cancelCallback, label: t('handoff:offer.cancelCallback') },
      ],
    };
    return step.prompt(DialogIds.handoffOffer, offer);
  }

  private async offerAnsweredStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    if (step.result === OFFER.cancelCallback) {
      const requested = await this.openRequest(step.context, this.deps!);
      return step.replaceDialog(DialogIds.callbackCancel, { reference: requested?.reference ?? null } satisfies CallbackCancelOptions);
    }
    if (step.result !== OFFER.callback) return this.declined(step);
    keepTypedPhone(step);
    return this.askMoment(step);
  }

  private async askMoment(step: WaterfallStepContext<HandoffOptions>, lead?: string): Promise<DialogTurnResult> {
    const { t, language } = turnServices(step.context);
    const now = this.now();
    const moments = this.deps!.availability.callbackMoments(now);
    if (moments.length === 0) {
      await step.context.sendActivity(t('handoff:callback.noMoments', { phone: this.phone.display }));
      return this.declined(step);
    }
    const options: Option[] = moments.map((moment) => ({
      value: moment.value,
      label: momentLabel(t, language, now, moment),
      short: shortMomentLabel(t, language, now, moment),
    }));
    const prompt = [lead, t('handoff:callback.momentQuestion')].filter(Boolean).join('\n');
    const question: OptionPromptOptions = { id: 'handoff.moment', prompt, options };
    return step.prompt(DialogIds.callbackMoment, question);
  }

  /** "mijn nummer is 09 233 45 67" at the moment question: the number is kept, and the moment asked once more. */
  private async momentTypedStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    if (step.result !== NUMBER_TYPED) return step.next(step.result);
    const kept = keepTypedPhone(step);
    const { t } = turnServices(step.context);
    return this.askMoment(step, kept ? t('handoff:callback.numberKept', { number: kept.national }) : undefined);
  }

  private async momentChosenStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const { t, language } = turnServices(step.context);
    const moment = parseCallbackMoment(String(step.result));
    if (!moment) return this.declined(step);
    const values = stepValues<HandoffValues>(step);
    values.moment = moment;
    const document = values.topic.document ? this.deps!.documentName?.(values.topic.document, language) : undefined;
    const proposal = subjectProposal(t, values.topic, document);
    return step.beginDialog(DialogIds.callbackSubject, (proposal ? { proposal } : {}) satisfies CallbackSubjectOptions);
  }

  /** The subject is known (or left out): the consent, then the number, asked last. */
  private async subjectAnsweredStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const answer = step.result as CallbackSubjectResult | undefined;
    if (!answer || 'withdrawn' in answer) {
      await step.context.sendActivity(t('handoff:callback.withdrawn', { phone: this.phone.display }));
      return this.declined(step);
    }
    const values = stepValues<HandoffValues>(step);
    values.subject = answer.subject;
    keepTypedPhone(step);
    const given = values.givenPhone ? normaliseBelgianPhone(values.givenPhone) : undefined;
    await step.context.sendActivity(t('handoff:callback.consent', { days: this.deps!.retentionDays }));
    const ask = { prompt: t('handoff:callback.phoneQuestion') };
    const question: SenderNumberQuestionOptions =
      given?.ok === true
        ? { offerKey: 'handoff:callback.givenNumber', ask, known: { e164: given.e164, national: given.national } }
        : { offerKey: 'handoff:callback.senderNumber', ask };
    return step.beginDialog(DialogIds.callbackPhoneQuestion, question);
  }

  private async storeRequestStep(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const deps = this.deps!;
    const { t, language } = turnServices(step.context);
    const phone = normaliseBelgianPhone(String(step.result ?? ''));
    const values = stepValues<HandoffValues>(step);
    if (!phone.ok && isWithdrawal(String(step.result ?? ''), language)) {
      // "laat maar, ik bel zelf wel": no callback, and back to what the resident was doing.
      await step.context.sendActivity(t('handoff:callback.withdrawn', { phone: this.phone.display }));
      return this.declined(step);
    }
    if (!phone.ok || !values.moment) {
      await step.context.sendActivity(t('handoff:callback.giveUp', { phone: this.phone.display }));
      return this.declined(step);
    }
    const now = this.now();
    const { request, created } = await deps.callbacks.create({
      requestId: requestIdOf(step.context),
      phone: phone.e164,
      preferredMoment: values.moment,
      topic: values.topic,
      excerpt: values.excerpt,
      subject: values.subject ?? null,
      language,
      at: now,
    });
    deps.logger.info('callback.requested', {
      reference: request.reference,
      created,
      day: request.preferredMoment.day,
      partOfDay: request.preferredMoment.partOfDay,
      withSubject: request.subject !== null,
      channel: step.context.activity.channelId,
    });
    await step.context.sendActivity(
      t('handoff:callback.confirmed', { moment: momentInSentence(t, language, now, request.preferredMoment) }),
    );
    await step.context.sendActivity(t('handoff:callback.reference', { reference: request.reference }));
    await step.context.sendActivity(t('handoff:callback.howToCancel', { reference: request.reference }));
    await deps.onEscalated?.(step.context, { via: 'callback', reference: request.reference });
    await deps.requested?.set(step.context, { reference: request.reference, moment: request.preferredMoment });
    // Staff will call: what the resident was doing before asking for a person ends here.
    if (values.interrupting) return step.cancelAllDialogs(true);
    return step.endDialog();
  }

  /** No callback: back to the question the resident was answering, if there was one. */
  private async declined(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    if (stepValues<HandoffValues>(step).interrupting)
      await step.context.sendActivity(turnServices(step.context).t('common:resume.carryOn'));
    return step.endDialog();
  }

  /** This conversation's callback request, while staff still have it to do. */
  private async openRequest(context: TurnContext, deps: HandoffDialogDeps): Promise<RequestedCallback | undefined> {
    const requested = await deps.requested?.get(context);
    if (!requested) return undefined;
    const stored = await deps.callbacks.get(requested.reference);
    if (stored && !CLOSED_STATUSES.includes(stored.status)) return requested;
    await deps.requested?.delete(context);
    return undefined;
  }

  /** Re-asks with the reason (not Belgian, or not a phone number); after a few tries the step gives the phone number. */
  private async validatePhone(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (isWithdrawal(prompt.recognized.value ?? '', turnServices(prompt.context).language)) return true;
    const checked = this.checkPhone(prompt.recognized.value ?? '', prompt.context);
    if (checked.ok || prompt.attemptCount >= MAX_PHONE_ATTEMPTS) return true;
    await prompt.context.sendActivity(checked.retry);
    return false;
  }

  private checkPhone(text: string, context: TurnContext): { ok: true } | { ok: false; retry: string } {
    const result = normaliseBelgianPhone(text);
    if (result.ok) return { ok: true };
    const { t } = turnServices(context);
    return {
      ok: false,
      retry:
        result.reason === 'foreign'
          ? t('handoff:callback.phoneForeign', { phone: this.phone.display })
          : t('handoff:callback.phoneInvalid'),
    };
  }

  private staffedLine(availability: PhoneAvailability, t: Translate, language: Language): string {
    const now = this.now();
    const status = availability.status(now);
    if (status.staffedNow) return t('handoff:staffed.until', { until: clockLabel(status.until, language) });
    if (!status.next) return t('handoff:staffed.nobody');
    return staffBackSentence(t, language, now, status.next);
  }

  private async initiateAgentHub(context: TurnContext, deps: HandoffDialogDeps, values: HandoffValues): Promise<void> {
    const { t, language } = turnServices(context);
    const transcript = { activities: await deps.recall.transcript(context) };
    const handoffContext = { topic: values.topic, excerpt: values.excerpt, language };
    await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, transcript));
    deps.logger.info('handoff.initiated', { channel: context.activity.channelId, messages: transcript.activities.length });
    await deps.onEscalated?.(context, { via: 'agentHub' });
    await context.sendActivity(t('handoff:agentHub.connecting'));
  }
}

/**
 * What answers the callback's phone-number question: a number, and also "laat maar, ik bel zelf
 * wel" or "toch niet", which withdraws only the callback, not what the resident was doing before.
 */
function typesPhoneNumber(context: TurnContext): boolean {
  return phoneInText(context.activity.text) !== undefined;
}

/** A Belgian number in what the resident typed ("mijn nummer is 09 233 45 67"), if any. */
function phoneInText(text: string | undefined): { e164: string; national: string } | undefined {
  if (typeof text !== 'string' || (text.match(/\d/g) ?? []).length < 8) return undefined;
  const phone = normaliseBelgianPhone(text);
  return phone.ok ? phone : undefined;
}

/** Keeps a number typed in this turn for the number question (the last one typed wins); the number kept, if any. */
function keepTypedPhone(step: WaterfallStepContext<HandoffOptions>): { e164: string; national: string } | undefined {
  const phone = phoneInText(step.context.activity.text);
  if (phone) stepValues<HandoffValues>(step).givenPhone = phone.e164;
  return phone;
}

function answersPhoneQuestion(text: string, context: TurnContext): boolean {
  return /\d/.test(text) || isWithdrawal(text, turnServices(context).language);
}
