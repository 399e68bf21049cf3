/**
 * Resident conversations kept as data (`test/conversations/*.json`): what a resident types or
 * taps, turn by turn, and the locale keys the replies must (and must not) carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../services/errorCatalogue.js';

/** One resident turn: typed text, or a tap on a button (by its locale key, or its position counted from 1). */
export interface ResidentTurn {
  /** What the resident types; `{{bookingCode}}` stands for the booking code the assistant gave last. */
  say?: string;
  click?: string | number;
  /** Locale keys ("namespace:key", or a prefix ending in "*") every one of which the replies carry. */
  expect?: string[];
  /** Locale keys none of which the replies may carry. */
  not?: string[];
}

export interface ResidentConversation {
  id: string;
  /** Who is typing and what they want, in one line. */
  about: string;
  channel: 'webchat' | 'sms';
  /** The channel's locale (default nl-BE). */
  locale?: string;
  turns: ResidentTurn[];
  /** Set while the assistant still gets this conversation wrong: why, in one line. */
  knownFailure?: string;
}

const CONVERSATIONS_DIR = new URL('../../test/conversations/', import.meta.url).pathname;

/** A conversation file that does not say what a conversation needs. */
class ConversationScriptError extends CodedError {
  constructor(message: string) {
    super('CONVERSATION_SCRIPT_INVALID', message);
  }
}

/** Every conversation in the directory's JSON files, checked for shape and unique ids. */
export function loadConversations(dir = CONVERSATIONS_DIR): ResidentConversation[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const all = files.flatMap((file) => parseConversations(readFileSync(join(dir, file), 'utf8'), file));
  const seen = new Set<string>();
  for (const conversation of all) {
    if (seen.has(conversation.id)) throw new ConversationScriptError(`conversation id ${conversation.id} is used twice`);
    seen.add(conversation.id);
  }
  return all;
}

export function parseConversations(json: string, source: string): ResidentConversation[] {
  const parsed = JSON.parse(json) as { conversations?: unknown };
  if (!Array.isArray(parsed.conversations)) throw new ConversationScriptError(`${source}: no "conversations" array`);
  return parsed.conversations.map((raw, index) => checkConversation(raw, `${source} #${index + 1}`));
}

function checkConversation(raw: unknown, where: string): ResidentConversation {
  const conversation = raw as ResidentConversation;
  const fail = (reason: string): never => {
    throw new ConversationScriptError(`${where}: ${reason}`);
  };
  if (typeof conversation?.id !== 'string' || !conversation.id) fail('no id');
  if (typeof conversation.about !== 'string') fail('no "about"');
  if (conversation.channel !== 'webchat' && conversation.channel !== 'sms') fail('channel must be webchat or sms');
  if (!Array.isArray(conversation.turns) || conversation.turns.length === 0) fail('no turns');
  conversation.turns.forEach((turn, index) => {
    const says = typeof turn.say === 'string';
    const clicks = typeof turn.click === 'string' || typeof turn.click === 'number';
    if (says === clicks) fail(`turn ${index + 1}: exactly one of "say" and "click"`);
    for (const list of [turn.expect, turn.not]) {
      if (list !== undefined && (!Array.isArray(list) || list.some((key) => typeof key !== 'string' || !key.includes(':')))) {
        fail(`turn ${index + 1}: keys are "namespace:key" strings`);
      }
    }
  });
  return conversation;
}
