import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  answerPhrases,
  answerWords,
  containsAnyPhrase,
  isOnlyPhrase,
  onlyFillerAround,
  phrasesIn,
  phraseWords,
  type Words,
} from '../bot/channels/answerPhrases.js';
import type { Language } from '../bot/i18n.js';
import { turnServices } from '../bot/turnState.js';
import { subjectForStaff } from '../services/callback/callbackSubject.js';
import { DialogIds } from './dialogIds.js';
import { capitalised } from './displayFormats.js';
import type { OpenQuestionReading } from './prompts/openQuestion.js';
import { ANSWER_NO, ANSWER_YES, OptionPrompt, type OptionPromptOptions } from './prompts/optionPrompt.js';
import { asksInPassing } from './prompts/questionInPassing.js';
import { isStopCommand } from './prompts/stopCommand.js';

/** Begin options: what the resident was doing, as a phrase to propose ("een afspraak voor een rijbewijs"), if anything. */
export interface CallbackSubjectOptions {
  proposal?: string;
}

/** The subject for staff (null: the resident would rather say it on the phone), or the callback withdrawn. */
export type CallbackSubjectResult = { subject: string | null } | { withdrawn: true };

// yes and no as values: "ja", "jawel", "neen" pick them in every language, as at every yes/no question.
const ANSWER = { proposed: ANSWER_YES, other: ANSWER_NO, skip: 'skip', typed: 'typed', withdrawn: 'withdrawn' } as const;
const QUESTION_IDS = { blind: 'handoff.subject', proposal: 'handoff.subjectProposal' } as const;

/**
 * "Waarover gaat het?": what the call is about, in a few words, so staff can prepare. What the
 * resident was doing is proposed first ("Gaat het over een afspraak voor een rijbewijs?"). Every
 * question can be skipped ("maakt niet uit", "zeg ik liever aan de telefoon", the skip button); words
 * typed instead of an option are the subject. The subject is scrubbed and cut short before it is
 * kept anywhere, dialog state included.
 */
export class CallbackSubjectDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.callbackSubject);
    this.addDialog(new SubjectPrompt(DialogIds.callbackSubjectQuestion));
    this.addDialog(
      new WaterfallDialog<CallbackSubjectOptions>(DialogIds.callbackSubjectSteps, [
        this.askStep.bind(this),
        this.answeredStep.bind(this),
        this.typedStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.callbackSubjectSteps;
  }

  private async askStep(step: WaterfallStepContext<CallbackSubjectOptions>): Promise<DialogTurnResult> {
    const { proposal }: CallbackSubjectOptions = step.options ?? {};
    const { t } = turnServices(step.context);
    if (!proposal) return this.askBlind(step);
    const question: OptionPromptOptions = {
      id: QUESTION_IDS.proposal,
      prompt: t('handoff:subject.proposal', { about: proposal }),
      keyWords: false,
      options: [
        { value: ANSWER.proposed, label: t('handoff:subject.proposed') },
        { value: ANSWER.other, label: t('handoff:subject.other') },
        { value: ANSWER.skip, label: t('handoff:subject.skip') },
      ],
    };
    return step.prompt(DialogIds.callbackSubjectQuestion, question);
  }

  private async answeredStep(step: WaterfallStepContext<CallbackSubjectOptions>): Promise<DialogTurnResult> {
    if (step.result === ANSWER.other) return this.askBlind(step);
    if (step.result === ANSWER.proposed) {
      const { proposal }: CallbackSubjectOptions = step.options ?? {};
      return step.endDialog({ subject: subjectForStaff(capitalised(proposal ?? '')) } satisfies CallbackSubjectResult);
    }
    return this.ended(step);
  }

  private async typedStep(step: WaterfallStepContext<CallbackSubjectOptions>): Promise<DialogTurnResult> {
    return this.ended(step);
  }

  private askBlind(step: WaterfallStepContext<CallbackSubjectOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const question: OptionPromptOptions = {
      id: QUESTION_IDS.blind,
      prompt: t('handoff:subject.question'),
      keyWords: false,
      options: [{ value: ANSWER.skip, label: t('handoff:subject.skip') }],
    };
    return step.prompt(DialogIds.callbackSubjectQuestion, question);
  }

  private ended(step: WaterfallStepContext<CallbackSubjectOptions>): Promise<DialogTurnResult> {
    if (step.result === ANSWER.withdrawn) return step.endDialog({ withdrawn: true } satisfies CallbackSubjectResult);
    if (step.result !== ANSWER.typed) return step.endDialog({ subject: null } satisfies CallbackSubjectResult);
    // Read in the turn it was typed, and scrubbed before it goes into dialog state.
    const { language } = turnServices(step.context);
    const text = withoutLeadingYesNo(step.context.activity.text ?? '', language);
    return step.endDialog({ subject: subjectForStaff(text) } satisfies CallbackSubjectResult);
  }
}

/**
 * The subject question: an option (by number, label, synonym or button), or else the resident's own
 * words. "laat maar, ik bel zelf wel" withdraws the callback; "stop" and a clear call for help are
 * no subject, so the interruptions handle them.
 */
class SubjectPrompt extends OptionPrompt {
  override readOpenAnswer(context: TurnContext, question: OptionPromptOptions): OpenQuestionReading {
    const reading = super.readOpenAnswer(context, question);
    if (reading.kind === 'oldButton') return reading;
    // "hoe laat zijn jullie open?" is no subject: the interruptions answer it in passing and ask what it is about again.
    if (reading.kind !== 'answer' && asksInPassing(context)) return { kind: 'notAnswer' };
    return this.answerOf(context, question, reading) ? { kind: 'answer' } : reading;
  }

  protected override async onRecognize(
    context: TurnContext,
    state: object,
    question: OptionPromptOptions,
  ): Promise<PromptRecognizerResult<string>> {
    const picked = await super.onRecognize(context, state, question);
    const value = this.answerOf(context, question, super.readOpenAnswer(context, question), picked.succeeded ? picked.value : undefined);
    return value ? { succeeded: true, value } : picked;
  }

  /**
   * What the message answers, in this order: the skip (its option, or a skip phrase of more than one
   * word among other words: "dat zeg ik wel aan de telefoon"), a withdrawal ("laat maar, toch niet";
   * a plain "nee" is the no option at the proposal), a whole option, else the resident's own words.
   * Undefined for "stop" and a short call for help, which the interruptions handle.
   */
  private answerOf(context: TurnContext, question: OptionPromptOptions, reading: OpenQuestionReading, picked?: string): string | undefined {
    const text = context.activity.text;
    if (picked === ANSWER.skip) return ANSWER.skip;
    if (typeof text !== 'string' || !/\p{L}{2}/u.test(text)) return reading.kind === 'answer' ? picked : undefined;
    const { language, recognition } = turnServices(context);
    const words = answerWords(text);
    const id = question.id ?? QUESTION_IDS.blind;
    const skips = (answerPhrases(language).options[id]?.[ANSWER.skip] ?? []).filter((phrase) => phrase.includes(' '));
    if (containsAnyPhrase(words, skips)) return ANSWER.skip;
    if (isStopCommand(context)) return undefined;
    if (saysOnlyWithdrawal(words, language) && !isOnlyPhrase(words, plainNo(language), language)) return ANSWER.withdrawn;
    if (reading.kind === 'answer') return picked;
    // A short "help" is left to the interruptions, which decide by their own threshold (asked again when unsure).
    if (recognition && ['help', 'cancel'].includes(recognition.intent) && words.length <= 3) return undefined;
    return ANSWER.typed;
  }
}

/** The first words of the language's own yes and no ("ja", "nee", "neen"). */
/** A plain no ("nee", "neen"): the no option, not a withdrawal. */
function plainNo(language: Language): string[] {
  return answerPhrases(language)
    .no.slice(0, 2)
    .filter((word) => !word.includes(' '));
}

function yesNoWords(language: Language): string[] {
  const { yes, no } = answerPhrases(language);
  return [...yes.slice(0, 3), ...no.slice(0, 3)].filter((word) => !word.includes(' '));
}

/**
 * "laat maar, ik bel zelf wel", "toch niet": nothing but ways to withdraw (and filler). Stricter than
 * at the number question: "mijn kaart werkt niet meer" is a subject, not a withdrawal.
 */
function saysOnlyWithdrawal(words: Words, language: Language): boolean {
  const phrases = answerPhrases(language);
  const withdrawals = [...phrases.withdraw, ...(phrases.options['handoff.offer']?.no ?? [])];
  const found = phrasesIn(
    words,
    withdrawals.map((phrase) => ({ key: phrase, phrase: phraseWords(phrase) })),
  );
  if (found.length === 0) return false;
  const rest = words.filter((_word, index) => !found.some((match) => index >= match.start && index < match.start + match.length));
  return onlyFillerAround(rest, 0, 0, language);
}

/** "nee, over mijn kiesbrief" at the proposal: the subject is what follows the no. */
function withoutLeadingYesNo(text: string, language: Language): string {
  const match = /^\s*(\p{L}+)[\s,.:;!-]+(?=\p{L})/u.exec(text);
  if (!match || !yesNoWords(language).includes(match[1]!.toLowerCase())) return text;
  return text.slice(match[0].length);
}
