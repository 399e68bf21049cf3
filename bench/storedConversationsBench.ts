/**
 * Turns per second and p99 of the assistant on an embedded store that already holds many
 * conversations (default 0, 10,000 and 50,000), with the echo baseline: every store is filled first,
 * then one server per size and the echo are measured in the same rotating rounds (turnRounds.ts),
 * so a load that comes and goes falls on every size alike. The store is filled directly through its
 * botbuilder `Storage`, not by running the turns over HTTP: every stored conversation is a copy
 * (under its own keys) of the conversation and user state one real bench conversation left, so
 * the items have the size and shape the bot really writes. Filling goes through the interface,
 * so the same bench measures any embedded format.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { openStores } from '../stores/openStores.js';
import { silentLogger } from '../bot/logger.js';
import { BENCH_MESSAGES, ECHO, load, measureConfigurations, startServer, stopServer, type WithEcho } from './httpTurns.js';
import { DEFAULT_TURN_LOAD, type TurnFigures, type TurnLoad } from './turnRounds.js';

export interface StoredConversationFigures extends TurnFigures {
  storedConversations: number;
  /** Time to fill the store directly, not part of the measurement. */
  fillSeconds: number;
}

/** The state items one real conversation leaves: what every pre-filled conversation is a copy of. */
export interface StateTemplate {
  conversation: Record<string, unknown>;
  /** Absent when the conversation set nothing in user state (language, survey). */
  user?: Record<string, unknown>;
}

/** Conversations written per `Storage.write` call while filling. */
const FILL_CHUNK = 1_000;

export const conversationKey = (index: number) => `webchat/conversations/stored-conversation-${index}/`;
export const userKey = (index: number) => `webchat/users/stored-user-${index}/`;

/** Runs one bench conversation on a fresh assistant and reads back the state items it left. */
export async function captureStateTemplate(): Promise<StateTemplate> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-template-'));
  try {
    const server = await startServer('assistant', { BENCH_DATA_DIR: dataDir });
    try {
      await load([server.port], 'template', 1, BENCH_MESSAGES.length);
    } finally {
      await stopServer(server.child);
    }
    const stores = await openStores({ storage: 'lowdb', dataDir }, silentLogger);
    try {
      const conversation = 'webchat/conversations/template-conversation-0/';
      const user = 'webchat/users/template-user-0/';
      const items = await stores.state.read([conversation, user]);
      if (!items[conversation]) throw new Error('bench: the template conversation left no state');
      return { conversation: withoutETag(items[conversation]), ...(items[user] ? { user: withoutETag(items[user]) } : {}) };
    } finally {
      await stores.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function withoutETag(item: unknown): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
  return rest;
}

/** Writes `count` conversations (conversation and user state each) into the embedded store in `dataDir`. */
export async function fillStoredConversations(dataDir: string, count: number, template: StateTemplate): Promise<void> {
  const stores = await openStores({ storage: 'lowdb', dataDir }, silentLogger);
  try {
    for (let first = 0; first < count; first += FILL_CHUNK) {
      const items: StoreItems = {};
      for (let index = first; index < Math.min(count, first + FILL_CHUNK); index += 1) {
        items[conversationKey(index)] = { ...template.conversation, eTag: '*' };
        if (template.user) items[userKey(index)] = { ...template.user, eTag: '*' };
      }
      await stores.state.write(items);
    }
  } finally {
    await stores.close();
  }
}

export async function benchStoredConversations(
  counts: readonly number[] = [0, 10_000, 50_000],
  turnLoad: TurnLoad = DEFAULT_TURN_LOAD,
): Promise<WithEcho<StoredConversationFigures>> {
  const template = await captureStateTemplate();
  const dataDirs = await Promise.all(counts.map(() => mkdtemp(join(tmpdir(), 'bench-stored-'))));
  try {
    const fillSeconds: number[] = [];
    for (const [index, count] of counts.entries()) {
      const started = performance.now();
      await fillStoredConversations(dataDirs[index]!, count, template);
      fillSeconds.push(Math.round((performance.now() - started) / 100) / 10);
    }
    const [echo, ...stored] = await measureConfigurations(
      [
        ECHO,
        ...counts.map((count, index) => ({
          kind: 'assistant',
          label: `assistant, ${count} stored`,
          env: { BENCH_DATA_DIR: dataDirs[index]! },
        })),
      ],
      turnLoad,
    );
    return {
      echo: echo!,
      figures: stored.map((turns, index) => ({ storedConversations: counts[index]!, fillSeconds: fillSeconds[index]!, ...turns })),
    };
  } finally {
    await Promise.all(dataDirs.map((dataDir) => rm(dataDir, { recursive: true, force: true })));
  }
}
