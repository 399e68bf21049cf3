import type { TurnContext } from 'botbuilder';
import { turnServices } from '../../bot/turnState.js';
import type { Intent } from '../../domain/nluContract.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import { mentions, type QuestionCues } from '../../services/municipality/questionCues.js';

/** What a wish to come to the counter is often read as: where we are, the online counter, or nothing. */
const READ_AS_OTHER: readonly Intent[] = ['info.contact', 'thuisloket.info', 'none'];

/**
 * "kan ik dan niet gewoon naar het gemeentehuis komen?", "ik kom liever langs aan het loket": the
 * resident would rather come to the counter, which is a booking request, not a question where we are
 * (the address asked, "waar is het gemeentehuis", stays the contact answer).
 */
export function counterVisitWish(cues: QuestionCues): (context: TurnContext) => boolean {
  return (context) => {
    const text = context.activity.text;
    if (!mentions(text, cues.counterVisit) || mentions(text, cues.contact.address)) return false;
    const recognition = turnServices(context).recognition;
    // "laat maar, ik kom liever langs": not sure enough to stop, and it says where the resident goes instead.
    const unsureStop = recognition?.intent === 'cancel' && recognition.score < INTERRUPTION_MIN_SCORE;
    return !recognition || unsureStop || READ_AS_OTHER.includes(recognition.intent);
  };
}
