/**
 * How long unused bot state is kept, the same in both stores. Conversation state (dialog position,
 * the scrubbed recent messages) is gone a day after its last save; user state (language, last
 * survey) after three months, so the survey's 30-day rule still holds.
 */
export interface StateExpiry {
  conversationDays: number;
  userDays: number;
}

export const DEFAULT_STATE_EXPIRY: StateExpiry = { conversationDays: 1, userDays: 92 };

/** The two kinds of bot state, each with its own expiry. */
export type StateCollectionName = 'conversations' | 'users';

const DAY_MS = 24 * 60 * 60 * 1000;

/** User state (`…/users/…` keys, botbuilder's UserState) or the rest (conversation state). */
export function stateCollectionNameOf(key: string): StateCollectionName {
  return key.includes('/users/') ? 'users' : 'conversations';
}

/** How long state of `collection` lives after its last save, in milliseconds. */
export function stateMaxAgeMs(expiry: StateExpiry, collection: StateCollectionName): number {
  return (collection === 'users' ? expiry.userDays : expiry.conversationDays) * DAY_MS;
}
