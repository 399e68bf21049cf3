import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderInfoCard, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import {
  firstMentioned,
  LOGIN_MEANS,
  mentions,
  THUISLOKET_QUESTIONS,
  type ThuisloketQuestion,
} from '../../services/municipality/questionCues.js';
import { handOverToBooking, handOverToDocument, type CapabilityOptions } from '../capabilityOptions.js';
import { DialogIds } from '../dialogIds.js';
import { askOptions, FOLLOW_UP } from '../prompts/askOptions.js';
import { OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import { LoginAlternativesDialog, type LoginAlternative, type LoginAlternativesOptions } from './loginAlternativesDialog.js';
import { stepValues } from '../stepValues.js';

/** What a resident can ask about the digital counter, in the order offered. */
const THUISLOKET_TOPICS = ['documents', 'login', 'freeSafe', 'problems', 'noLogin'] as const;
export type ThuisloketTopic = (typeof THUISLOKET_TOPICS)[number];

/** Login problems offered as options; `other` gets general tips and the alternatives. */
const LOGIN_PROBLEMS = ['itsme', 'cardReader', 'pin', 'other'] as const;
type LoginProblem = (typeof LOGIN_PROBLEMS)[number];

interface ThuisloketOptions extends CapabilityOptions {
  /** Start at this topic, without the introduction. */
  topic?: ThuisloketTopic;
  /** Topics answered already in this conversation about the thuisloket: the menu then asks for more and offers a way out. */
  answered?: ThuisloketTopic[];
}

const DONE = 'done';

/**
 * Explains the digitaal thuisloket: what it is, what residents can request there, how to log in,
 * that it is free and safe, and help when logging in does not work, one short idea per message.
 */
export class ThuisloketDialog extends ComponentDialog {
  constructor(private readonly facts: MunicipalityData) {
    super(DialogIds.thuisloket);
    this.addDialog(new OptionPrompt(DialogIds.thuisloketQuestion));
    // "wa is da itsme" at the topics: how to log in, which says what itsme and the eID with a card reader are.
    this.addDialog(
      new OptionPrompt(DialogIds.thuisloketTopicsQuestion, undefined, {
        value: 'login',
        reads: (context) => LOGIN_MEANS.some((means) => mentions(context.activity.text, facts.cues.loginMeans[means])),
      }),
    );
    this.addDialog(new LoginAlternativesDialog(facts.municipality));
    this.addDialog(
      new WaterfallDialog(DialogIds.thuisloketSteps, [
        this.introStep.bind(this),
        this.topicStep.bind(this),
        this.followUpStep.bind(this),
        this.bookStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.thuisloketSteps;
  }

  private async introStep(step: WaterfallStepContext<ThuisloketOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const { topic, answered }: ThuisloketOptions = step.options ?? {};
    if (topic) return step.next(topic);
    if (!answered) {
      // A first message that asks one specific thing gets that answer, not the introduction.
      const question = firstMentioned(step.context.activity.text, THUISLOKET_QUESTIONS, this.facts.cues.thuisloket);
      if (question) return step.next(question);
      // One bubble (one SMS): the message budget.
      await step.context.sendActivity(
        [
          t('thuisloket:what.intro', { municipality: this.facts.municipality.shortName }),
          t('thuisloket:what.offers'),
          t('thuisloket:what.anytime'),
        ].join('\n'),
      );
    }
    // Every topic every time, the way out last: an option keeps its number when the menu comes back.
    const options: Option[] = THUISLOKET_TOPICS.map((value) => ({ value, label: t(`thuisloket:topics.options.${value}`) }));
    // Always a way out: "Iets anders vragen" the first time, "Nee, dat is alles" after an answer.
    options.push({ value: DONE, label: t(answered ? 'thuisloket:topics.options.done' : 'thuisloket:topics.options.elsewhere') });
    const prompt = answered ? t('thuisloket:topics.askMore') : t('thuisloket:topics.ask');
    // A menu of its own: another request leaves it ("ik wil een afspraak maken"), as "Iets anders vragen" does.
    const question: OptionPromptOptions = { id: 'thuisloket.topics', prompt, options, ...FOLLOW_UP };
    return step.prompt(DialogIds.thuisloketTopicsQuestion, question);
  }

  private async topicStep(step: WaterfallStepContext<ThuisloketOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const topic = step.result as ThuisloketTopic | ThuisloketQuestion | typeof DONE;
    stepValues<{ topic?: string }>(step).topic = topic;
    switch (topic) {
      case DONE:
        return step.endDialog();
      case 'itsme':
      case 'cardReader':
      case 'pin':
        // A login problem named in the first message: its answer at once, without the problems menu.
        stepValues<{ topic?: string }>(step).topic = 'problems';
        return step.next(topic);
      case 'safe':
        await step.context.sendActivity(t('thuisloket:safe'));
        return this.offerMore(step, 'freeSafe');
      case 'free':
        await step.context.sendActivity(t('thuisloket:free'));
        return this.offerMore(step, 'freeSafe');
      case 'howLong':
        await step.context.sendActivity(this.howLong(step));
        return this.offerMore(step);
      case 'documents':
        await this.sendDocuments(step);
        return this.offerMore(step, topic);
      case 'login':
        await this.sendLogin(step);
        return this.offerMore(step, topic);
      case 'freeSafe':
        await step.context.sendActivity(`${t('thuisloket:free')} ${t('thuisloket:safe')}`);
        return this.offerMore(step, topic);
      case 'problems': {
        await step.context.sendActivity(t('thuisloket:problems.intro'));
        const options: Option[] = LOGIN_PROBLEMS.map((value) => ({ value, label: t(`thuisloket:problems.options.${value}`) }));
        return askOptions(step, DialogIds.thuisloketQuestion, t('thuisloket:problems.ask'), options, 'thuisloket.problems', FOLLOW_UP);
      }
      case 'noLogin':
        return step.beginDialog(DialogIds.loginAlternatives, { appointmentPossible: true } satisfies LoginAlternativesOptions);
    }
  }

  /** After a login problem was chosen, or after the alternatives. */
  private async followUpStep(step: WaterfallStepContext<ThuisloketOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    if (stepValues<{ topic?: string }>(step).topic === 'noLogin') {
      return (step.result as LoginAlternative) === 'appointment' ? step.endDialog(handOverToBooking()) : step.endDialog();
    }
    switch (step.result as LoginProblem) {
      case 'itsme':
        await step.context.sendActivity(t('thuisloket:problems.itsme'));
        return step.endDialog();
      case 'cardReader':
        await step.context.sendActivity(
          `${t('thuisloket:problems.cardReader', { url: this.facts.municipality.eidSoftwareUrl })} ${t('thuisloket:problems.browser')}`,
        );
        return step.endDialog();
      case 'pin':
        // Its own route (eid-pincode): new codes, not a new eID; the document dialog tells it and offers booking.
        return step.endDialog(handOverToDocument('eid-pincode'));
      case 'other':
        await step.context.sendActivity(t('thuisloket:problems.browser'));
        return step.beginDialog(DialogIds.loginAlternatives, { appointmentPossible: true } satisfies LoginAlternativesOptions);
    }
  }

  /** The alternatives' choice after another problem. */
  private async bookStep(step: WaterfallStepContext<ThuisloketOptions>): Promise<DialogTurnResult> {
    return (step.result as LoginAlternative) === 'appointment' ? step.endDialog(handOverToBooking()) : step.endDialog();
  }

  /** The menu again, remembering the topic just answered (if it is one of the menu's). */
  private async offerMore(step: WaterfallStepContext<ThuisloketOptions>, topic?: ThuisloketTopic): Promise<DialogTurnResult> {
    const { answered = [] }: ThuisloketOptions = step.options ?? {};
    return step.replaceDialog(DialogIds.thuisloketSteps, { answered: topic ? [...answered, topic] : answered } satisfies ThuisloketOptions);
  }

  /** How long until the document arrives, from the data: which come at once, which take working days. */
  private howLong(step: WaterfallStepContext): string {
    const { t, language } = turnServices(step.context);
    const online = this.facts.documents.flatMap((document) => (document.online ? [{ document, online: document.online }] : []));
    const now = online.filter(({ online: o }) => o.deliveryDays === 0).map(({ document }) => document.name[language]);
    const later = this.facts.documents.flatMap((document) =>
      (document.models ?? []).flatMap((model) =>
        document.online && model.online?.deliveryDays
          ? [t('thuisloket:howLong.days', { document: model.name[language], count: model.online.deliveryDays })]
          : [],
      ),
    );
    const slower = online
      .filter(({ online: o }) => o.deliveryDays > 0)
      .map(({ document, online: o }) => t('thuisloket:howLong.days', { document: document.name[language], count: o.deliveryDays }));
    return [t('thuisloket:howLong.now', { documents: now.join(', ') }), ...slower, ...later].join(' ');
  }

  private async sendDocuments(step: WaterfallStepContext): Promise<void> {
    const { t, language } = turnServices(step.context);
    const { municipality, documents } = this.facts;
    const online = documents.filter((document) => document.online !== null).map((document) => document.name[language]);
    await step.context.sendActivity(
      renderInfoCard(step.context.activity.channelId, {
        title: t('thuisloket:what.documents', { documents: online.join(', ') }),
        lines: [
          t('thuisloket:what.link', { url: municipality.thuisloketUrl }),
          t('thuisloket:what.burgerprofiel', { url: municipality.burgerprofielUrl }),
        ],
        links: [{ label: t('thuisloket:what.linkButton'), url: municipality.thuisloketUrl }],
      }),
    );
  }

  private async sendLogin(step: WaterfallStepContext): Promise<void> {
    const { t } = turnServices(step.context);
    const url = this.facts.municipality.thuisloketUrl;
    await step.context.sendActivity(
      renderInfoCard(step.context.activity.channelId, {
        title: t('thuisloket:login.intro'),
        lines: [
          t('thuisloket:login.itsme'),
          t('thuisloket:login.eid'),
          t('thuisloket:login.securityCodes'),
          t('thuisloket:login.steps.intro'),
          t('thuisloket:login.steps.goTo', { url }),
          t('thuisloket:login.steps.login'),
          t('thuisloket:login.steps.choose'),
          t('thuisloket:login.steps.confirm'),
        ],
        links: [{ label: t('thuisloket:what.linkButton'), url }],
      }),
    );
  }
}
