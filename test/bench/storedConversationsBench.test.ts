import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureStateTemplate, conversationKey, fillStoredConversations, userKey } from '../../bench/storedConversationsBench.js';
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
});
