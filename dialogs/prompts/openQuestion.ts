import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogTurnResult, type PromptOptions } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import type { Intent } from '../../domain/nluContract.js';

/**
 * How the question the bot just asked reads the resident's message, before anything else does:
 * - `answer`: it answers the question; nothing may interrupt it (an option's own label, a name).
 * - `likelyAnswer`: an option was found among other words; only a confident command (help, stop,
 *   a person) interrupts, never another capability.
 * - `withdraw`: at a question that wants a name, contact or code, the resident no longer wants to
 *   go on ("nee toch niet", "ik wil toch geen afspraak"): handled as stop.
 * - `oldButton`: a button of an earlier question was clicked; the open question is asked again.
 * - `notAnswer`: clearly no answer (a question, another request): interruptions decide.
 * `stopOnlyByStopWord`: this question ends only on an explicit stop ("stop"), not on any
 * cancel-like message (the survey: an answer it does not understand is asked again, then skipped).
 * `newRequestsWelcome`: any new request answers this question ("Kan ik nog iets voor u doen?"):
 * the hours or the address asked here are a new request, not a question in passing.
 * `otherRequestsLeave`: another capability's request, clearly no answer, leaves this question and is
 * routed (the thuisloket topics: "ik wil een afspraak maken").
 */
export interface OpenQuestionReading {
  kind: 'answer' | 'likelyAnswer' | 'withdraw' | 'oldButton' | 'notAnswer';
  stopOnlyByStopWord?: boolean;
  newRequestsWelcome?: boolean;
  otherRequestsLeave?: boolean;
  /** An answer only as a wish about when ("volgende week"), no option picked: a question in passing may still go first. */
  wishOnly?: boolean;
}

/** A prompt that can say how it reads a message before it is continued. */
export interface OpenQuestion {
  readOpenAnswer(context: TurnContext, options: PromptOptions): OpenQuestionReading;
}

function isOpenQuestion(dialog: unknown): dialog is OpenQuestion {
  return typeof (dialog as Partial<OpenQuestion> | undefined)?.readOpenAnswer === 'function';
}

/**
 * The dialog contexts from `dc` down to the innermost active one. botbuilder builds a new context
 * (and its state manager) each time `child` is read: a turn walks the levels once and passes them on.
 */
export function activeLevels(dc: DialogContext): DialogContext[] {
  const levels = [dc];
  for (let child = dc.child; child; child = child.child) levels.push(child);
  return levels;
}

/**
 * How the innermost active prompt under `dc` reads this turn's message; undefined when the
 * innermost dialog is not a question (or nothing is active). `levels`: `activeLevels(dc)`, when known.
 */
export function readOpenQuestion(dc: DialogContext, levels = activeLevels(dc)): OpenQuestionReading | undefined {
  const leaf = levels[levels.length - 1]!;
  const instance = leaf.activeDialog;
  if (!instance) return undefined;
  const dialog = leaf.findDialog(instance.id);
  if (!isOpenQuestion(dialog)) return undefined;
  const options = (instance.state as { options?: PromptOptions }).options ?? {};
  return dialog.readOpenAnswer(dc.context, options);
}

/**
 * A dialog that hears some messages itself while one of its questions is open, before any
 * interruption: the booking answers a question about its document ("wat moet ik meebrengen?",
 * which the recognizer may take for help) and hears a change of service.
 */
export interface HearsAside {
  /** Whether this dialog handles the message itself; `innerDc` is the dialog's own inner context. */
  hearsAside(innerDc: DialogContext): boolean;
}

/** After a question in passing was answered: "to carry on" and the question open under `dc` again; the turn waits for its answer. */
export async function askAgainAfterAside(dc: DialogContext): Promise<DialogTurnResult> {
  await dc.context.sendActivity(turnServices(dc.context).t('common:resume.carryOn'));
  await dc.repromptDialog();
  return { status: DialogTurnStatus.waiting };
}

function hearsAside(dialog: unknown): dialog is HearsAside {
  return typeof (dialog as Partial<HearsAside> | undefined)?.hearsAside === 'function';
}

/** Whether a dialog active under `dc` handles this turn's message itself (see HearsAside). `levels`: `activeLevels(dc)`. */
export function heardAside(levels: readonly DialogContext[]): boolean {
  return levels.some((level, index) => {
    const inner = levels[index + 1];
    const dialog = inner && level.activeDialog ? level.findDialog(level.activeDialog.id) : undefined;
    return inner !== undefined && hearsAside(dialog) && dialog.hearsAside(inner);
  });
}

/** How often a question with options says "niet begrepen" before a person is offered instead (the third time). */
export const RETRIES_BEFORE_PERSON = 2;

const MISREAD_AGAIN = Symbol('misreadAgain');

/**
 * The root offers a person when a question is not understood again this turn (see InterruptibleDialog): it
 * says so before the question reads the message; without it, the question keeps asking again by itself.
 */
export function listenForMisreadAgain(context: TurnContext): void {
  context.turnState.set(MISREAD_AGAIN, false);
}

/** A question not understood once more: true when the root offers a person, so the question need not be asked again. */
export function reportMisreadAgain(context: TurnContext): boolean {
  if (context.turnState.get(MISREAD_AGAIN) === undefined) return false;
  context.turnState.set(MISREAD_AGAIN, true);
  return true;
}

/** Whether a question reported this turn that it was not understood once more. */
export function misreadAgain(context: TurnContext): boolean {
  return context.turnState.get(MISREAD_AGAIN) === true;
}

/**
 * A capability that hands what it knows to another one when the resident changes their mind at one of
 * its questions ("wacht nee toch niet, kan ik ze verzetten?" while cancelling: the move goes on with the code).
 */
export interface CarriesOver {
  /** The options to start the capability for `intent` with; undefined when it does not go on from here. `innerDc`: this dialog's own. */
  carriedOver(innerDc: DialogContext, intent: Intent): object | undefined;
}

function carriesOver(dialog: unknown): dialog is CarriesOver {
  return typeof (dialog as Partial<CarriesOver> | undefined)?.carriedOver === 'function';
}

/** What an active capability under `levels` hands to the capability for `intent` (see CarriesOver). */
export function carriedOverTo(levels: readonly DialogContext[], intent: Intent): object | undefined {
  for (const [index, level] of levels.entries()) {
    const inner = levels[index + 1];
    const dialog = inner && level.activeDialog ? level.findDialog(level.activeDialog.id) : undefined;
    const carried = inner !== undefined && carriesOver(dialog) ? dialog.carriedOver(inner, intent) : undefined;
    if (carried) return carried;
  }
  return undefined;
}
