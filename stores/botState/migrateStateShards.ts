/**
 * Moves bot state from the first embedded format, sixteen whole-state files
 * `DATA_DIR/botState-00.json` … `botState-15.json` (`{ items, savedAt }`), into the keyed
 * documents of `DATA_DIR/botState/`. Runs at start-up, before the bot serves a turn. Each old
 * file is removed only once all its items are durable in the new tree, so a crash at any moment
 * leaves the old file to migrate again (overwriting the same items with the same contents).
 * An old file that cannot be read stops the start with STORE_FILE_CORRUPT and is left untouched.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { DurableJsonFileAdapter, nodeStoreFileSystem, syncDirectory } from '../embedded/durableFiles.js';
import type { KeyedEntry } from '../embedded/keyedDocuments.js';
import { stateCollectionOf, type StateCollections, type StateItem } from './embeddedStateStorage.js';

/** The first format's document. */
interface StateShardDocument {
  items: Record<string, unknown>;
  savedAt?: Record<string, string>;
}

const SHARD_FILE = /^botState-\d{2}\.json$/;
const SHARD_TEMP_FILE = /^\.botState-\d{2}\.json\..*\.tmp$/;

/** Returns how many items were moved. */
export async function migrateStateShards(
  dataDir: string,
  collections: StateCollections,
  options: { now?: () => Date; logger?: Logger } = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  let moved = 0;
  const names = await fs.readdir(dataDir);
  for (const name of names) {
    // Half-written temp files of the old format: the shard they belong to is intact.
    if (SHARD_TEMP_FILE.test(name)) await fs.unlink(path.join(dataDir, name)).catch(() => undefined);
  }
  for (const name of names.filter((candidate) => SHARD_FILE.test(candidate)).sort()) {
    const file = path.join(dataDir, name);
    const adapter = new DurableJsonFileAdapter<StateShardDocument>(file, { items: {} }, nodeStoreFileSystem);
    const shard = await adapter.read();
    if (shard === null) continue;
    const savedAt = shard.savedAt ?? {};
    const byCollection = new Map<ReturnType<typeof stateCollectionOf>, KeyedEntry<StateItem>[]>();
    for (const [key, item] of Object.entries(shard.items)) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      const collection = stateCollectionOf(collections, key);
      const saved = Date.parse(savedAt[key] ?? '');
      // Items saved before expiry existed have no date: they count from now, as the old store did.
      const entry = { key, savedAt: Number.isNaN(saved) ? now().toISOString() : new Date(saved).toISOString(), value: item as StateItem };
      byCollection.set(collection, [...(byCollection.get(collection) ?? []), entry]);
    }
    for (const [collection, entries] of byCollection) await collection.importEntries(entries);
    await fs.unlink(file);
    await syncDirectory(dataDir, nodeStoreFileSystem);
    const items = Object.keys(shard.items).length;
    moved += items;
    options.logger?.info('store_migrated', { from: file, to: path.join(dataDir, 'botState'), items });
  }
  return moved;
}
