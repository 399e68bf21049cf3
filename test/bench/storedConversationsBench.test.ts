import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benchStoredConversations,
  captureStateTemplate,
  conversationKey,
  fillStoredConversations,
  userKey,
} from '../../bench/storedConversationsBench.js';
import { openStores } from '../../stores/openStores.js';
import { createMemoryLogger } from '../../bot/logger.js';

describe('the stored-conversations bench', () => {
  it('copies the state one real conversation left under new keys, exactly as many as asked', async () => {
    const template = await captureStateTemplate();
    // A real conversation that went through the dialogs, not an empty object.
    expect(template.conversation).toHaveProperty('dialogState');
    expect(template.conversation).not.toHaveProperty('eTag');

    const dataDir = await mkdtemp(join(tmpdir(), 'bench-fill-test-'));
    try {
      await fillStoredConversations(dataDir, 25, template);
      const stores = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger());
      try {
        const keys = [conversationKey(0), conversationKey(24), conversationKey(25), userKey(0)];
        const items = await stores.state.read(keys);
        expect(Object.keys(items).sort()).toEqual([conversationKey(0), conversationKey(24), ...(template.user ? [userKey(0)] : [])].sort());
        const { eTag, ...stored } = items[conversationKey(24)] as Record<string, unknown>;
        expect(typeof eTag).toBe('string');
        expect(stored).toEqual(template.conversation);
      } finally {
        await stores.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('measures the echo and every filled store in the same rounds, each with the same turns', async () => {
    const { echo, figures } = await benchStoredConversations([0, 20], {
      conversations: 2,
      turnsPerConversation: 3,
      warmupTurnsPerConversation: 1,
      rounds: 2,
    });
    expect(figures.map((row) => [row.bot, row.storedConversations])).toEqual([
      ['assistant, 0 stored', 0],
      ['assistant, 20 stored', 20],
    ]);
    expect(echo.bot).toBe('echo');
    for (const row of [echo, ...figures]) {
      expect(row).toMatchObject({ turns: 6, rounds: 2 });
      expect(row.turnsPerSecond).toBeGreaterThan(0);
      expect(row.p99Ms).toBeGreaterThanOrEqual(row.p50Ms);
      // Linux /proc, in clock ticks of 10 ms: six echo turns may take less than one.
      expect(row.cpuMsPerTurn).not.toBeNull();
    }
    for (const row of figures) expect(row.cpuMsPerTurn).toBeGreaterThan(0);
    // Three servers to start (about 20 s each on a loaded machine) after the template's.
  }, 240_000);
});
