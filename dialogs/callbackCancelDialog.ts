import type { StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { turnServices } from '../bot/turnState.js';
import type { Logger } from '../bot/logger.js';
import type { CallbackStore } from '../stores/callbacks/callbackStore.js';
import { parseCallbackReference } from '../services/callback/callbackReference.js';
import { DialogIds } from './dialogIds.js';
import type { PhoneLine } from '../services/municipality/phoneLine.js';

/** What a conversation remembers of its own callback request: no phone number, only what the resident was told. */
export interface RequestedCallback {
  reference: string;
  moment: { day: string; partOfDay: 'morning' | 'afternoon' };
}

/** Begin options: the reference the resident already gave, or null to ask for it. */
export interface CallbackCancelOptions {
  reference: string | null;
}

const MAX_ATTEMPTS = 3;

/**
 * A resident withdraws a callback request with its reference ("annuleer terugbelverzoek KDR-482").
 * Shows nothing of the request itself: whoever knows a reference learns no phone number or question.
 */
export class CallbackCancelDialog extends ComponentDialog {
  constructor(
    private readonly phone: PhoneLine,
    private readonly deps: {
      callbacks: CallbackStore;
      logger: Logger;
      now: () => Date;
      /** The conversation's own request: forgotten once it is cancelled. */
      requested?: StatePropertyAccessor<RequestedCallback | undefined>;
    },
  ) {
    super(DialogIds.callbackCancel);
    this.addDialog(new TextPrompt(DialogIds.callbackReference, referenceValidator));
    this.addDialog(
      new WaterfallDialog<CallbackCancelOptions>(`${DialogIds.callbackCancel}.steps`, [
        this.askReferenceStep.bind(this),
        this.cancelStep.bind(this),
      ]),
    );
    this.initialDialogId = `${DialogIds.callbackCancel}.steps`;
  }

  private async askReferenceStep(step: WaterfallStepContext<CallbackCancelOptions>): Promise<DialogTurnResult> {
    const { reference }: CallbackCancelOptions = step.options ?? { reference: null };
    if (reference) return step.next(reference);
    const { t } = turnServices(step.context);
    return step.prompt(DialogIds.callbackReference, {
      prompt: t('handoff:cancel.referenceQuestion'),
      retryPrompt: t('handoff:cancel.referenceRetry'),
    });
  }

  private async cancelStep(step: WaterfallStepContext<CallbackCancelOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const reference = typeof step.result === 'string' ? parseCallbackReference(step.result) : undefined;
    if (!reference) {
      await step.context.sendActivity(t('handoff:cancel.giveUp', { phone: this.phone.display }));
      return step.endDialog();
    }
    const outcome = await this.deps.callbacks.cancelByResident(reference, this.deps.now());
    this.deps.logger.info('callback.residentCancel', { reference, outcome });
    if ((await this.deps.requested?.get(step.context))?.reference === reference) await this.deps.requested?.delete(step.context);
    await step.context.sendActivity(
      outcome === 'cancelled'
        ? t('handoff:cancel.done', { reference })
        : t('handoff:cancel.notFound', { reference, phone: this.phone.display }),
    );
    return step.endDialog();
  }
}

/** Accepts an answer holding a reference; after a few tries, lets the step give the phone number instead. */
async function referenceValidator(prompt: PromptValidatorContext<string>): Promise<boolean> {
  if (prompt.recognized.succeeded && parseCallbackReference(prompt.recognized.value ?? '')) return true;
  return prompt.attemptCount >= MAX_ATTEMPTS;
}
