import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import { hashedLayout, openKeyedDocuments, type KeyedDocuments } from '../embedded/keyedDocuments.js';
import { copyAsJson } from '../embedded/jsonValueCopy.js';
import { rememberSavedForm } from './changeTrackedState.js';
import { etagConflict } from '../storeErrors.js';
import { DEFAULT_STATE_EXPIRY, stateCollectionNameOf, stateMaxAgeMs, type StateCollectionName, type StateExpiry } from './stateExpiry.js';

/** One stored bot-state item: botbuilder's object, with the eTag we gave it. */
export type StateItem = Record<string, unknown>;

/** The two trees bot state lives in: user state (`…/users/…` keys) and everything else. */
export interface StateCollections {
  conversations: KeyedDocuments<StateItem>;
  users: KeyedDocuments<StateItem>;
}

/**
 * Opens `<dataDir>/botState/conversations/` and `…/users/`: one small file per key (hashed name),
 * expiring by key after `expiry`.
 */
export async function openStateCollections(
  dataDir: string,
  options: { now?: () => Date; expiry?: StateExpiry; logger?: Logger } = {},
): Promise<StateCollections> {
  const expiry = options.expiry ?? DEFAULT_STATE_EXPIRY;
  const open = (name: StateCollectionName) =>
    openKeyedDocuments<StateItem>(path.join(dataDir, 'botState', name), {
      layout: hashedLayout,
      maxAgeMs: stateMaxAgeMs(expiry, name),
      ...(options.now ? { now: options.now } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  return { conversations: await open('conversations'), users: await open('users') };
}

/**
 * botbuilder Storage (conversation and user state) on keyed documents, with eTags: every write
 * stores a new eTag, and a write carrying an eTag other than '*' must match the stored one (a
 * missing item matches nothing), else the whole call fails with ETAG_CONFLICT and nothing is
 * written. Items are copied in and out as JSON, so callers never share objects with the store;
 * the change trackers are told the stored form of each item (`rememberSavedForm`), so they need no copy of their own.
 * A write costs one small file per key, however many conversations are stored.
 * A call whose keys span both collections checks every eTag before it writes any: only a
 * concurrent writer slipping in between could leave it half written (botbuilder writes
 * conversation and user state separately, so it never sends such calls).
 */
export class EmbeddedStateStorage implements Storage {
  constructor(
    private readonly collections: StateCollections,
    private readonly newETag: () => string = randomUUID,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('EmbeddedStateStorage.read: keys must be an array');
    const found: StoreItems = {};
    const values = await Promise.all(keys.map((key) => this.collectionOf(key).get(key)));
    keys.forEach((key, index) => {
      const stored = values[index];
      if (stored === undefined) return;
      const item = copyAsJson(stored) as StateItem;
      rememberSavedForm(item, stored);
      setOwn(found, key, item);
    });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (typeof changes !== 'object' || changes === null) {
      throw new TypeError('EmbeddedStateStorage.write: changes must be an object');
    }
    const entries = Object.entries(changes).map(([key, item]) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new TypeError('EmbeddedStateStorage.write: every item must be an object');
      }
      // Not copied here: the stored value is copied from it (and checked) by KeyedDocuments.replace.
      return [key, item as StateItem] as const;
    });
    if (entries.length === 0) return;
    const groups = this.byCollection(entries.map(([key]) => key));
    if (groups.size > 1) {
      // Across collections: what JSON cannot hold is refused before either collection is written.
      for (const [, item] of entries) copyAsJson(item);
      await this.checkETags(entries);
    }
    await Promise.all(
      [...groups].map(async ([collection, keys]) => {
        const written = await collection.replace(keys, (stored) => {
          // Check every item of the call before changing anything: all are written, or none.
          for (const [key, item] of entries) {
            if (keys.includes(key) && !eTagMatches(item, stored.get(key))) throw etagConflict();
          }
          // The eTag first: the next write's "did anything change?" check stops at it at once.
          return new Map(
            entries.filter(([key]) => keys.includes(key)).map(([key, item]) => [key, { eTag: this.newETag(), ...withoutETag(item) }]),
          );
        });
        for (const [key, item] of entries) {
          const form = written.get(key);
          if (form) rememberSavedForm(item, form);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('EmbeddedStateStorage.delete: keys must be an array');
    await Promise.all(
      [...this.byCollection(keys)].map(([collection, group]) => collection.replace(group, () => new Map(group.map((key) => [key, null])))),
    );
  }

  private async checkETags(entries: ReadonlyArray<readonly [string, StateItem]>): Promise<void> {
    const stored = await this.read(entries.map(([key]) => key));
    for (const [key, item] of entries) if (!eTagMatches(item, stored[key] as StateItem | undefined)) throw etagConflict();
  }

  private collectionOf(key: string): KeyedDocuments<StateItem> {
    return stateCollectionOf(this.collections, key);
  }

  private byCollection(keys: readonly string[]): Map<KeyedDocuments<StateItem>, string[]> {
    const groups = new Map<KeyedDocuments<StateItem>, string[]>();
    for (const key of keys) {
      const collection = this.collectionOf(key);
      groups.set(collection, [...(groups.get(collection) ?? []), key]);
    }
    return groups;
  }
}

/** The collection a key's state lives in (stateExpiry.ts tells user state from conversation state). */
export function stateCollectionOf(collections: StateCollections, key: string): KeyedDocuments<StateItem> {
  return collections[stateCollectionNameOf(key)];
}

function withoutETag(item: StateItem): StateItem {
  const { eTag: _eTag, ...rest } = item;
  return rest;
}

function eTagMatches(item: StateItem, stored: StateItem | undefined): boolean {
  const expected = item.eTag;
  if (expected === undefined || expected === '*') return true;
  return stored !== undefined && stored.eTag === expected;
}

/** Sets an own property even for keys such as "__proto__", which plain assignment would not store. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
