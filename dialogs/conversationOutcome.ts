import type { TurnContext } from 'botbuilder';
import type { ConversationMark, OutcomeStore } from '../stores/survey/surveyStores.js';
import type { ConversationOutcome, SurveyedOutcome } from '../services/survey/surveyResponse.js';
import { brusselsDay } from '../services/brusselsTime.js';

/** What dialogs need of the outcome store. */
export type ConversationOutcomes = Pick<OutcomeStore, 'start' | 'record'>;

const CHANNEL_ID = /^[a-z][a-z0-9_.-]{0,31}$/;

/** The channel id as stored in survey rows and outcome counts: a kind of channel, never an address. */
export function channelKind(context: TurnContext): string {
  const channel = (context.activity.channelId ?? '').toLowerCase();
  return CHANNEL_ID.test(channel) ? channel : 'other';
}

/** This turn's conversation, for the outcome store (which keeps only a salted hash of the key). */
export function conversationMark(context: TurnContext, now: Date): ConversationMark {
  return {
    day: brusselsDay(now),
    channel: channelKind(context),
    conversationKey: `${context.activity.channelId ?? ''}|${context.activity.conversation?.id ?? ''}`,
  };
}

/** Records how this conversation ended and returns the outcome that stands (escalated wins over resolved). */
export async function recordConversationOutcome(
  context: TurnContext,
  outcomes: ConversationOutcomes,
  outcome: SurveyedOutcome,
  now: Date,
): Promise<ConversationOutcome> {
  return outcomes.record({ ...conversationMark(context, now), outcome });
}
