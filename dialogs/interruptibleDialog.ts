import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, Prompt, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { answerPhrases, answerWords, containsAnyPhrase, isOnlyPhrase } from '../bot/channels/answerPhrases.js';
import { turnServices } from '../bot/turnState.js';
import type { Intent } from '../domain/nluContract.js';
import type { Recognition } from '../nlu/recognizer.js';
import { callbackCancellationIn } from '../services/callback/callbackReference.js';
import { DialogIds } from './dialogIds.js';
import {
  activeLevels,
  askAgainAfterAside,
  carriedOverTo,
  heardAside,
  listenForMisreadAgain,
  misreadAgain,
  readOpenQuestion,
  type OpenQuestionReading,
} from './prompts/openQuestion.js';
import { readYesNo } from '../bot/channels/yesNoAnswer.js';
import { QUESTIONS_ASIDE } from './prompts/questionInPassing.js';
import { isAcknowledgement } from './prompts/acknowledgement.js';
import { isStopCommand } from './prompts/stopCommand.js';
import type { HandoffOptions } from './handoffDialog.js';

/** Interruptions win only when the recognizer is sure: a name or a phone number must not cancel a booking. Re-measured for the linear recognizer: dialogs/README.md. */
export const INTERRUPTION_MIN_SCORE = 0.8;

/**
 * A question in passing (the hours, the address) is answered from this score: a wrong one costs an
 * extra answer and the same question again, a missed one "niet begrepen" ("wanneer zijn jullie
 * bereikbaar?" 0.64, "is er daar parking?" 0.77). Answers to the open question are read before it.
 */
const ASIDE_MIN_SCORE = 0.6;

/**
 * Another capability's request leaves a follow-up question (FOLLOW_UP: "Welk document hebt u nodig?", "Kunt u zich
 * aanmelden?") from this score: a wrong one starts another capability, a missed one "niet begrepen" again and again.
 */
const LEAVE_MIN_SCORE = 0.55;

const INTERRUPTIONS: readonly Intent[] = ['help', 'cancel', 'handoff.human'];

/** Answers a question in passing (the hours, the address); false when it has no answer for that intent. */
export interface AnswersAside {
  answer(context: TurnContext, intent: Intent): Promise<boolean>;
}

/**
 * The base of the root dialog: help, cancel and "I want a person" work from any step of any
 * dialog below it, before the active step sees the message; the hours and the address are
 * answered in passing, and the open question is asked again. The open question comes first: an
 * answer to it (an option's label, a name) never interrupts, whatever the recognizer thinks.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    protected readonly aside?: AnswersAside,
  ) {
    super(dialogId);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    listenForMisreadAgain(innerDc.context);
    const result = await super.onContinueDialog(innerDc);
    return misreadAgain(innerDc.context) ? this.offerPersonAfterMisreads(innerDc) : result;
  }

  /**
   * The open question was not understood a third time ("wa kost da" three times at "Voor wie vraagt u het
   * aan?"): a person is offered on top of it, so declining the callback asks the question once more.
   */
  private async offerPersonAfterMisreads(innerDc: DialogContext): Promise<DialogTurnResult> {
    const levels = activeLevels(innerDc);
    const open = openQuestion(levels);
    if (!open) return { status: DialogTurnStatus.waiting };
    // Inside the handoff itself the person is already on offer: its question once more.
    if (activeIds(levels).includes(DialogIds.handoff)) {
      await open.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    await innerDc.context.sendActivity(turnServices(innerDc.context).t('common:notUnderstoodAgain'));
    return open.beginDialog(DialogIds.handoff, { interrupting: true } satisfies HandoffOptions);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    // "annuleer terugbelverzoek KDR-482" reads as a plain cancel to the recognizer: it must reach the request instead.
    const callbackCancellation = callbackCancellationIn(innerDc.context.activity.text);
    if (callbackCancellation) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.handoff, { cancelCallback: callbackCancellation } satisfies HandoffOptions);
    }
    // The active levels as they stand before anything changes: every check below reads them.
    const levels = activeLevels(innerDc);
    // A dialog that hears this message itself (a question about the booking's document) goes first.
    if (heardAside(levels)) return undefined;
    const { recognition, t } = turnServices(innerDc.context);
    const reading = readOpenQuestion(innerDc, levels);
    // The survey comes after the goodbye: "stop", "daag" or "merci" there ends it with a goodbye, not "waarmee kan ik u nog helpen?".
    if (reading?.stopOnlyByStopWord && endsSurvey(innerDc.context, reading)) {
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(t('survey:ended'));
      return { status: DialogTurnStatus.complete };
    }
    if (reading?.kind === 'answer') return undefined;
    // "thx", "ok merci" at a question that still waits for its answer: a word back and the question again, no "niet begrepen".
    if (reading?.kind === 'notAnswer' && !reading.otherRequestsLeave && !reading.newRequestsWelcome && isAcknowledgement(innerDc.context)) {
      await innerDc.context.sendActivity(t('common:acknowledgedInQuestion'));
      await (openQuestion(levels) ?? innerDc).repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (reading?.kind === 'oldButton') {
      await innerDc.context.sendActivity(t('common:oldButton'));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // "wat moet ik meebrengen?" after the passport, where a new request is welcome: the root reads it in context (not help).
    if (reading?.newRequestsWelcome && (await this.readsInContext(innerDc.context))) return undefined;
    const changed = await this.changeOfMind(innerDc, levels, reading, recognition);
    if (changed) return changed;
    const intent = reading?.kind === 'withdraw' ? 'cancel' : sureEnough(recognition);
    // "ik ga toch liever naar het gemeentehuis" at the thuisloket topics: a request the recognizer reads as another;
    // at a question of the booking itself it changes nothing (switchCapability keeps a capability under way).
    // Not in the survey, whose questions end only on stop (its preference question is about the counter too).
    const wished = reading?.kind === 'notAnswer' && !reading.stopOnlyByStopWord ? this.requestReadOtherwise(innerDc.context) : undefined;
    if (wished) {
      const switched = await this.switchCapability(innerDc, levels, wished);
      if (switched) return switched;
    }
    // An answer found among other words is never taken for another question ("de uren van het loket").
    if (intent && QUESTIONS_ASIDE.includes(intent)) {
      // Where a new request is welcome, the question itself routes it: no "we carry on where we were".
      if (reading?.kind === 'likelyAnswer' || reading?.newRequestsWelcome) return undefined;
      return this.answerAside(innerDc, levels, intent);
    }
    // A follow-up holds nothing unanswered: another request leaves it from LEAVE_MIN_SCORE ("k wil afspraak" 0.65).
    const leaving = reading?.kind === 'notAnswer' && reading.otherRequestsLeave && recognition && recognition.score >= LEAVE_MIN_SCORE;
    if (leaving) {
      const switched = await this.switchCapability(innerDc, levels, recognition.intent);
      if (switched) return switched;
    }
    // "dank u wel, dan zal ik het eens proberen" at a follow-up that holds nothing unanswered: done, the root says goodbye.
    // Only with a word of thanks or farewell: the recognizer also reads "k heb da nodig tegen volgende week" as goodbye.
    if (intent === 'goodbye' && reading?.kind === 'notAnswer' && reading.otherRequestsLeave && saysThanks(innerDc.context)) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(this.initialDialogId);
    }
    if (!intent || !INTERRUPTIONS.includes(intent)) return undefined;
    // "kunnen jullie mij dan terugbellen?" at the handoff's own callback question answers it: no new handoff.
    if (intent === 'handoff.human' && reading?.kind === 'likelyAnswer' && activeIds(levels).includes(DialogIds.handoff)) return undefined;
    // "nee, ik kom liever persoonlijk": a visit to the counter, not a call; the question reads the rest ("nee").
    if (intent === 'handoff.human' && this.requestReadOtherwise(innerDc.context)) return undefined;
    // "laat maar, ik kom liever langs" where a new request is welcome: the stop is a leading no, the question routes the rest.
    if (intent === 'cancel' && reading?.newRequestsWelcome && this.requestReadOtherwise(innerDc.context)) return undefined;
    // The survey ends on "stop" only (above): other cancel-like words are an answer it asks again.
    if (intent === 'cancel' && reading?.stopOnlyByStopWord) return undefined;
    switch (intent) {
      case 'help':
        // What the assistant can do, and that the question is still open.
        await innerDc.context.sendActivity(t('common:help.inDialog'));
        // The open question itself: from the root, a handoff begun on top of a booking's question is not found.
        await (openQuestion(levels) ?? innerDc).repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(t('common:cancel.done'));
        return { status: DialogTurnStatus.complete };
      default:
        return this.handOff(innerDc, levels);
    }
  }

  /**
   * The resident changes their mind to another capability at a question ("wacht nee toch niet, kan ik ze
   * verzetten?" while cancelling, "nee, liever verplaatsen" at "Zal ik uw afspraak annuleren?"): that
   * capability starts with what the one left knew (the code, the booking found). Without anything to carry
   * over, only a withdrawal with the other request leaves ("nee toch niet, ik wil een attest"): else the
   * question's own reading and the interruptions decide, as before.
   */
  private async changeOfMind(
    innerDc: DialogContext,
    levels: readonly DialogContext[],
    reading: OpenQuestionReading | undefined,
    recognition: Recognition | null,
  ): Promise<DialogTurnResult | undefined> {
    if (!reading || !recognition || recognition.score < LEAVE_MIN_SCORE) return undefined;
    if (reading.stopOnlyByStopWord || reading.newRequestsWelcome) return undefined;
    const { language } = turnServices(innerDc.context);
    const saysNo = readYesNo(innerDc.context.activity.text ?? '', language)?.meaning === 'no';
    const mindChanged = reading.kind === 'withdraw' || reading.kind === 'notAnswer' || (reading.kind === 'likelyAnswer' && saysNo);
    const capability = this.capabilityFor(recognition.intent);
    if (!mindChanged || !capability || activeIds(levels).includes(capability)) return undefined;
    const carried = carriedOverTo(levels, recognition.intent);
    if (!carried && reading.kind !== 'withdraw') return undefined;
    await innerDc.cancelAllDialogs();
    return this.restartFor(innerDc, recognition.intent, carried);
  }

  /** Starts this root again on this turn's request; `carried`: what the capability left handed to the one for `intent`. */
  protected restartFor(innerDc: DialogContext, _intent: Intent, _carried: object | undefined): Promise<DialogTurnResult> {
    return innerDc.beginDialog(this.initialDialogId);
  }

  /** Whether this root reads the message as a follow-up on what was talked about before (see MainDialog). */
  protected async readsInContext(_context: TurnContext): Promise<boolean> {
    return false;
  }

  /** A request this root reads in the message where the recognizer reads another ("kan ik niet gewoon langskomen?"). */
  protected requestReadOtherwise(_context: TurnContext): Intent | undefined {
    return undefined;
  }

  /** The dialog that handles a request for `intent`, where this root routes it; undefined for none. */
  protected capabilityFor(_intent: Intent): string | undefined {
    return undefined;
  }

  /**
   * Another request, clearly no answer to a question that lets such requests leave ("ik wil een
   * afspraak maken" at the thuisloket topics): the question is left and the request routed from the
   * start. Not when that capability is the one already under way.
   */
  private async switchCapability(
    innerDc: DialogContext,
    levels: readonly DialogContext[],
    intent: Intent,
  ): Promise<DialogTurnResult | undefined> {
    const capability = this.capabilityFor(intent);
    if (!capability || activeIds(levels).includes(capability)) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.initialDialogId);
  }

  /** The hours or the address asked in the middle of a question: answered, then the same question again. */
  private async answerAside(
    innerDc: DialogContext,
    levels: readonly DialogContext[],
    intent: Intent,
  ): Promise<DialogTurnResult | undefined> {
    const open = openQuestion(levels);
    if (!this.aside || !open) return undefined;
    if (!(await this.aside.answer(innerDc.context, intent))) return undefined;
    return askAgainAfterAside(open);
  }

  /**
   * A person, asked for while a question is open: the handoff goes on top of that question, so
   * declining the callback asks it again. Asked again inside the handoff, the handoff starts over.
   */
  private async handOff(innerDc: DialogContext, levels: readonly DialogContext[]): Promise<DialogTurnResult> {
    const open = openQuestion(levels);
    if (open && !activeIds(levels).includes(DialogIds.handoff)) {
      return open.beginDialog(DialogIds.handoff, { interrupting: true } satisfies HandoffOptions);
    }
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(DialogIds.handoff);
  }
}

/**
 * At a survey question: "stop", a farewell ("daag", "salut hoor") or an acknowledgement ("merci", "oke thx") ends the
 * survey; an acknowledgement that answers the question without thanks ("het was in orde hoor" at the satisfaction
 * question) is that answer.
 */
function endsSurvey(context: TurnContext, reading: OpenQuestionReading): boolean {
  if (isStopCommand(context) || isFarewell(context)) return true;
  return isAcknowledgement(context) && (reading.kind !== 'answer' || saysThanks(context));
}

/** Whether the whole message is a word of thanks or farewell ("daag hoor", "salu", "tot ziens"). */
function isFarewell(context: TurnContext): boolean {
  const { language } = turnServices(context);
  return isOnlyPhrase(answerWords(context.activity.text ?? ''), answerPhrases(language).thanks, language);
}

/** Whether the message holds a word of thanks or farewell ("dank u wel", "merci", "tot ziens"). */
function saysThanks(context: TurnContext): boolean {
  const { language } = turnServices(context);
  return containsAnyPhrase(answerWords(context.activity.text ?? ''), answerPhrases(language).thanks);
}

/** The intent this message interrupts with: a command from INTERRUPTION_MIN_SCORE, a question in passing from ASIDE_MIN_SCORE. */
function sureEnough(recognition: Recognition | null): Intent | undefined {
  if (!recognition) return undefined;
  const needed = QUESTIONS_ASIDE.includes(recognition.intent) ? ASIDE_MIN_SCORE : INTERRUPTION_MIN_SCORE;
  return recognition.score >= needed ? recognition.intent : undefined;
}

/** The innermost dialog context, when what waits there is a question (a prompt re-asks itself when resumed). */
function openQuestion(levels: readonly DialogContext[]): DialogContext | undefined {
  const leaf = levels[levels.length - 1]!;
  const active = leaf.activeDialog;
  return active && leaf.findDialog(active.id) instanceof Prompt ? leaf : undefined;
}

/** The ids of every active dialog of the levels, outermost first. */
function activeIds(levels: readonly DialogContext[]): string[] {
  return levels.flatMap((level) => (level.activeDialog ? [level.activeDialog.id] : []));
}
