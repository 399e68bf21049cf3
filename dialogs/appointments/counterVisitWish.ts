import type { TurnContext } from 'botbuilder';
import { readYesNo } from '../../bot/channels/yesNoAnswer.js';
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
    const { recognition, language } = turnServices(context);
    // "laat maar, ik kom liever langs", "nee merci, ik kom wel naar het loket": the stop or goodbye is the leading no, the rest
    // says where the resident goes instead; a stop the recognizer is unsure of is no stop either.
    const stopSaidFirst =
      (recognition?.intent === 'cancel' || recognition?.intent === 'goodbye') && readYesNo(text ?? '', language)?.meaning === 'no';
    const unsureStop = recognition?.intent === 'cancel' && recognition.score < INTERRUPTION_MIN_SCORE;
    return !recognition || stopSaidFirst || unsureStop || READ_AS_OTHER.includes(recognition.intent);
  };
}
