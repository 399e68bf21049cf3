import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { isOptionLabel } from '../bot/channels/optionAnswer.js';
import { turnServices } from '../bot/turnState.js';
import type { Intent } from '../nlu/contract.js';
import { callbackCancellationIn } from '../services/callback/callbackReference.js';
import { DialogIds } from './dialogIds.js';
import type { HandoffOptions } from './handoffDialog.js';
import type { OptionPromptOptions } from './prompts/optionPrompt.js';
import { sendHelp } from './replies.js';

/** Interruptions win only when the recognizer is sure: a name or a phone number must not cancel a booking. */
export const INTERRUPTION_MIN_SCORE = 0.8;

const INTERRUPTIONS: readonly Intent[] = ['help', 'cancel', 'handoff.human'];

/** Whether the message is exactly an option label of the question the deepest active dialog asks. */
function answersOpenQuestion(innerDc: DialogContext): boolean {
  let dc = innerDc;
  while (dc.child) dc = dc.child;
  const asked = (dc.activeDialog?.state as { options?: Partial<OptionPromptOptions> } | undefined)?.options;
  const text = innerDc.context.activity.text;
  return typeof text === 'string' && Array.isArray(asked?.options) && isOptionLabel(text, asked.options);
}

/**
 * The base of the root dialog: help, cancel and "I want a person" work from any step of any
 * dialog below it, before the active step sees the message.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    // "annuleer terugbelverzoek KDR-482" reads as a plain cancel to the recognizer: it must reach the request instead.
    const callbackCancellation = callbackCancellationIn(innerDc.context.activity.text);
    if (callbackCancellation) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.handoff, { cancelCallback: callbackCancellation } satisfies HandoffOptions);
    }
    const { recognition, t } = turnServices(innerDc.context);
    if (!recognition || recognition.score < INTERRUPTION_MIN_SCORE || !INTERRUPTIONS.includes(recognition.intent)) {
      return undefined;
    }
    // A resident who types or taps an option of the open question ("Ja, bel mij terug") answers it.
    if (answersOpenQuestion(innerDc)) return undefined;
    switch (recognition.intent) {
      case 'help':
        await sendHelp(innerDc.context);
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(t('common:cancel.done'));
        return { status: DialogTurnStatus.complete };
      default:
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.handoff);
    }
  }
}
