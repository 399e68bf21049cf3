import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { answerPhrases, answerWords, phraseWords } from '../bot/channels/answerPhrases.js';
import type { Option } from '../bot/channels/renderer.js';
import { turnServices } from '../bot/turnState.js';
import {
  isSurveyAnswerCode,
  ROTATING_SURVEY_QUESTIONS,
  SURVEY_ANSWER_CODES,
  SURVEY_QUESTIONNAIRE_VERSION,
  type RotatingSurveyQuestion,
  type SatisfactionCode,
  type SurveyQuestion,
} from '../services/survey/surveyCodes.js';
import type { SurveyAnswers, SurveyResponse, SurveyedOutcome } from '../services/survey/surveyResponse.js';
import { newSurveyResponseId } from '../services/survey/surveyResponse.js';
import { satisfactionFromMark } from '../services/survey/satisfactionMark.js';
import type { SurveyStore } from '../stores/survey/surveyStores.js';
import { channelKind } from './conversationOutcome.js';
import { DialogIds } from './dialogIds.js';
import { requestIdOf } from './requestId.js';
import { OptionPrompt, type OptionPromptOptions } from './prompts/optionPrompt.js';
import { brusselsDay, daysBetween, isCalendarDay } from '../services/brusselsTime.js';

/** What the bot remembers about a resident's surveys (user state): days only, never answers. */
export interface SurveyMemory {
  /** Day the resident was last offered the survey, YYYY-MM-DD. */
  lastSurveyDay?: string;
  /** Day the resident last answered the awareness question. */
  lastAwarenessDay?: string;
  /** Index into ROTATING_SURVEY_QUESTIONS for the next survey. */
  nextRotation?: number;
}

export interface SurveyDialogDeps {
  store: Pick<SurveyStore, 'add'>;
  /** User state property for SurveyMemory. */
  userMemory: StatePropertyAccessor<SurveyMemory>;
  /** Conversation state property: this conversation was already offered the survey. */
  askedInConversation: StatePropertyAccessor<boolean>;
  now: () => Date;
  /** Picks a new resident's first rotating question; injectable for tests. */
  random?: () => number;
  /** A resident is not surveyed again within this many days (30). */
  surveyIntervalDays?: number;
  /** A resident who answered awareness within this many days is not asked it again (30). */
  awarenessIntervalDays?: number;
}

export interface SurveyDialogOptions {
  /** What the conversation did, stored with the answers. */
  outcome: SurveyedOutcome;
}

interface SurveyResult {
  /** False when the resident was not surveyed (already in this conversation, or within the interval). */
  asked: boolean;
  /** True when at least one answer was stored. */
  stored: boolean;
}

/** The survey under way, carried from question to question in the dialog's options. */
interface SurveyProgress {
  rowId: string;
  day: string;
  channel: string;
  outcome: SurveyedOutcome;
  questions: SurveyQuestion[];
  index: number;
  answers: SurveyAnswers;
}

const SURVEY_INTERVAL_DAYS = 30;
const AWARENESS_INTERVAL_DAYS = 30;
/** At most this many questions: residents just finished what they came for. */
const MAX_SURVEY_QUESTIONS = 3;
const SKIP = 'skip';
/** The satisfaction question's answer when the resident gave a mark ("8/10") instead of an option. */
const MARK = 'mark';

/** A second answer that picks no option counts as a skip: the survey never traps a resident. */
const answeredOrSecondTry = async (prompt: PromptValidatorContext<string>): Promise<boolean> =>
  prompt.recognized.succeeded || prompt.attemptCount >= 2;

/** The mark in the message, on the satisfaction scale; undefined when it gives none. */
function markIn(context: TurnContext): SatisfactionCode | undefined {
  const { language } = turnServices(context);
  const words = answerWords((context.activity.text ?? '').replace(/(\d)\s*\/\s*(\d)/g, '$1 op $2'));
  return satisfactionFromMark(words, new Set(answerPhrases(language).markWords.flatMap((phrase) => phraseWords(phrase))));
}

/**
 * The questions of one survey: awareness (unless answered recently), satisfaction, and the
 * rotating question. When awareness is left out and the rotating question is the booking
 * channel, the freed place asks the age bracket, which the report needs for booking channel by age.
 */
export function planSurveyQuestions(askAwareness: boolean, rotating: RotatingSurveyQuestion): SurveyQuestion[] {
  const questions: SurveyQuestion[] = askAwareness ? ['awareness', 'satisfaction', rotating] : ['satisfaction', rotating];
  if (questions.length < MAX_SURVEY_QUESTIONS && rotating === 'bookingChannel') questions.push('ageBracket');
  return questions;
}

function isRecent(day: string | undefined, today: string, days: number): boolean {
  return isCalendarDay(day) && daysBetween(day, today) < days;
}

/**
 * The anonymous end-of-conversation survey: at most three short questions, each skippable and
 * answerable by number on every channel. Each answer is stored (and awaited) before the next
 * question, so a resident who stops midway keeps what they answered; one row per survey, no row
 * when everything was skipped. The row holds no user or conversation id and no free text.
 */
export class SurveyDialog extends ComponentDialog {
  private readonly random: () => number;
  private readonly surveyIntervalDays: number;
  private readonly awarenessIntervalDays: number;

  constructor(private readonly deps: SurveyDialogDeps) {
    super(DialogIds.survey);
    this.random = deps.random ?? Math.random;
    this.surveyIntervalDays = deps.surveyIntervalDays ?? SURVEY_INTERVAL_DAYS;
    this.awarenessIntervalDays = deps.awarenessIntervalDays ?? AWARENESS_INTERVAL_DAYS;
    this.addDialog(new OptionPrompt(DialogIds.surveyQuestionPrompt, answeredOrSecondTry));
    // "8/10", "een 8", "zeker 9": a mark, read before the options so that "6/10" is no "option 6" (skip).
    this.addDialog(
      new OptionPrompt(DialogIds.surveySatisfactionPrompt, answeredOrSecondTry, {
        value: MARK,
        reads: (context) => markIn(context) !== undefined,
        beforeOptions: true,
      }),
    );
    this.addDialog(new WaterfallDialog(DialogIds.surveyStart, [this.startStep.bind(this)]));
    this.addDialog(new WaterfallDialog(DialogIds.surveyQuestion, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = DialogIds.surveyStart;
  }

  private async startStep(step: WaterfallStepContext<Partial<SurveyDialogOptions>>): Promise<DialogTurnResult> {
    const { context } = step;
    const { outcome }: Partial<SurveyDialogOptions> = step.options ?? {};
    const today = brusselsDay(this.deps.now());
    const memory: SurveyMemory = { ...(await this.deps.userMemory.get(context, {})) };
    if ((await this.deps.askedInConversation.get(context, false)) || isRecent(memory.lastSurveyDay, today, this.surveyIntervalDays)) {
      return step.endDialog({ asked: false, stored: false } satisfies SurveyResult);
    }

    const rotation = Number.isInteger(memory.nextRotation)
      ? (memory.nextRotation as number) % ROTATING_SURVEY_QUESTIONS.length
      : Math.floor(this.random() * ROTATING_SURVEY_QUESTIONS.length) % ROTATING_SURVEY_QUESTIONS.length;
    const askAwareness = !isRecent(memory.lastAwarenessDay, today, this.awarenessIntervalDays);
    const questions = planSurveyQuestions(askAwareness, ROTATING_SURVEY_QUESTIONS[rotation]!);

    await this.deps.userMemory.set(context, {
      ...memory,
      lastSurveyDay: today,
      nextRotation: (rotation + 1) % ROTATING_SURVEY_QUESTIONS.length,
    });
    await this.deps.askedInConversation.set(context, true);
    await context.sendActivity(turnServices(context).t('survey:intro'));

    const progress: SurveyProgress = {
      rowId: newSurveyResponseId(),
      day: today,
      channel: channelKind(context),
      outcome: outcome === 'escalated' ? 'escalated' : 'resolved',
      questions,
      index: 0,
      answers: {},
    };
    return step.replaceDialog(DialogIds.surveyQuestion, progress);
  }

  private async askStep(step: WaterfallStepContext<SurveyProgress>): Promise<DialogTurnResult> {
    const progress = step.options;
    const question = progress.questions[progress.index]!;
    const { t } = turnServices(step.context);
    // Contract order: the option's number is the answer, so this order must never change.
    const options: Option[] = SURVEY_ANSWER_CODES[question].map((code) => ({
      value: String(code),
      label: t(`survey:${question}.${code}`),
    }));
    options.push({ value: SKIP, label: t('survey:skip') });
    // Only "stop" ends the survey: a cancel-like answer it does not understand is asked again, then skipped.
    const prompt: OptionPromptOptions = {
      id: `survey.${question}`,
      prompt: t(`survey:${question}.question`),
      options,
      stopOnlyByStopWord: true,
    };
    return step.prompt(question === 'satisfaction' ? DialogIds.surveySatisfactionPrompt : DialogIds.surveyQuestionPrompt, prompt);
  }

  private async answerStep(step: WaterfallStepContext<SurveyProgress>): Promise<DialogTurnResult> {
    const progress = step.options;
    const question = progress.questions[progress.index]!;
    const code = step.result === MARK ? markIn(step.context) : toAnswerCode(question, step.result);
    const answers: SurveyAnswers = { ...progress.answers };
    if (code !== undefined) {
      (answers as Record<string, unknown>)[question] = code;
      await this.store(step.context, { ...progress, answers });
      if (question === 'awareness') {
        const memory = await this.deps.userMemory.get(step.context, {});
        await this.deps.userMemory.set(step.context, { ...memory, lastAwarenessDay: progress.day });
      }
    }

    const next: SurveyProgress = { ...progress, answers, index: progress.index + 1 };
    if (next.index < next.questions.length) return step.replaceDialog(DialogIds.surveyQuestion, next);

    const stored = Object.keys(answers).length > 0;
    if (stored) await step.context.sendActivity(turnServices(step.context).t('survey:thanks'));
    return step.endDialog({ asked: true, stored } satisfies SurveyResult);
  }

  /** Stores the row as answered so far; awaited, so nothing is lost if the resident leaves now. */
  private async store(context: TurnContext, progress: SurveyProgress): Promise<void> {
    const row: SurveyResponse = {
      id: progress.rowId,
      day: progress.day,
      questionnaireVersion: SURVEY_QUESTIONNAIRE_VERSION,
      channel: progress.channel,
      outcome: progress.outcome,
      answers: progress.answers,
    };
    await this.deps.store.add(row, requestIdOf(context));
  }
}

function toAnswerCode(question: SurveyQuestion, value: unknown): string | number | undefined {
  if (typeof value !== 'string' || value === SKIP) return undefined;
  const code = question === 'satisfaction' ? Number(value) : value;
  return isSurveyAnswerCode(question, code) ? code : undefined;
}
