import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { DurableDocument } from '../embedded/durableDocument.js';
import { etagConflict } from '../storeErrors.js';

/** The document behind EmbeddedStateStorage: bot state items by storage key, and when each was saved. */
export interface StateItemsDocument {
  items: Record<string, unknown>;
  savedAt?: Record<string, string>;
}

/**
 * How long unused state is kept. Conversation state (dialog position, the scrubbed recent messages)
 * is dropped a day after its last turn; user state (language, last survey) after three months, so
 * the survey's 30-day rule still holds. Without this the document would grow with every resident.
 */
export interface StateExpiry {
  now: () => Date;
  conversationDays: number;
  userDays: number;
}

export const DEFAULT_STATE_EXPIRY: StateExpiry = { now: () => new Date(), conversationDays: 1, userDays: 92 };

/** Expired items are looked for at most this often per document, on a write. */
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function emptyStateItems(): StateItemsDocument {
  return { items: {} };
}

/**
 * botbuilder Storage (conversation and user state) on a DurableDocument, with eTags:
 * every write stores a new eTag, and a write carrying an eTag other than '*' must match the stored one
 * (a missing item matches nothing), else the whole batch fails with ETAG_CONFLICT and nothing is written.
 * Items are copied in and out as JSON, so callers never share objects with the store.
 * On a group-committing document (jsonFileDocument) the eTag check of a write runs against what the
 * writes before it in the same batch left, in arrival order: the serial semantics hold within a batch,
 * and the conversation state and user state saved at the end of a turn share one file write.
 */
export class EmbeddedStateStorage implements Storage {
  private lastPruned = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly document: DurableDocument<StateItemsDocument>,
    private readonly newETag: () => string = randomUUID,
    private readonly expiry: StateExpiry = DEFAULT_STATE_EXPIRY,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('EmbeddedStateStorage.read: keys must be an array');
    const { items } = this.document.read();
    const found: StoreItems = {};
    for (const key of keys) {
      if (Object.hasOwn(items, key)) setOwn(found, key, copyJson(items[key]));
    }
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
      return [key, copyJson(item) as Record<string, unknown>] as const;
    });
    if (entries.length === 0) return;

    const now = this.expiry.now();
    await this.document.update((document) => {
      const { items } = document;
      // Check the whole batch before changing anything: all items are written, or none.
      for (const [key, item] of entries) {
        const expected = item.eTag;
        if (expected === undefined || expected === '*') continue;
        const stored = Object.hasOwn(items, key) ? (items[key] as { eTag?: unknown }).eTag : undefined;
        if (stored !== expected) throw etagConflict();
      }
      const savedAt = (document.savedAt ??= {});
      for (const [key, item] of entries) {
        setOwn(items, key, { ...item, eTag: this.newETag() });
        setOwn(savedAt, key, now.toISOString());
      }
      this.pruneExpired(document, now);
    });
  }

  /** Drops state nobody used for its expiry time; at most every PRUNE_INTERVAL_MS. Runs inside an update. */
  private pruneExpired(document: StateItemsDocument, now: Date): void {
    if (now.getTime() - this.lastPruned < PRUNE_INTERVAL_MS) return;
    this.lastPruned = now.getTime();
    const savedAt = document.savedAt ?? {};
    for (const key of Object.keys(document.items)) {
      const days = key.includes('/users/') ? this.expiry.userDays : this.expiry.conversationDays;
      const saved = Date.parse(savedAt[key] ?? '');
      // Items saved before expiry existed have no date: they get one now and expire in their turn.
      if (Number.isNaN(saved)) setOwn(savedAt, key, now.toISOString());
      else if (now.getTime() - saved > days * DAY_MS) {
        delete document.items[key];
        delete savedAt[key];
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('EmbeddedStateStorage.delete: keys must be an array');
    if (keys.length === 0) return;
    await this.document.update(({ items, savedAt }) => {
      for (const key of keys) {
        if (Object.hasOwn(items, key)) delete items[key];
        if (savedAt && Object.hasOwn(savedAt, key)) delete savedAt[key];
      }
    });
  }
}

/** A deep copy as the file will hold it (dates become strings, undefined fields disappear). */
function copyJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Sets an own property even for keys such as "__proto__", which plain assignment would not store. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Bot state spread over several documents by key, so that a turn copies and rewrites only the
 * share of the residents' state its conversation lives in. A write of keys in several documents
 * checks every eTag before it writes any: only a concurrent writer slipping in between the check and
 * the writes could leave such a batch half written (botbuilder writes conversation and user state
 * separately, one key at a time, so it never sends such batches).
 */
export class ShardedStateStorage implements Storage {
  constructor(private readonly shards: readonly Storage[]) {
    if (shards.length === 0) throw new RangeError('ShardedStateStorage needs at least one shard');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const parts = await Promise.all([...this.byShard(keys)].map(([shard, shardKeys]) => shard.read(shardKeys)));
    const found: StoreItems = {};
    for (const part of parts) for (const [key, item] of Object.entries(part)) setOwn(found, key, item);
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const groups = this.byShard(Object.keys(changes));
    if (groups.size > 1) await this.checkETags(changes);
    await Promise.all(
      [...groups].map(([shard, keys]) => {
        const part: StoreItems = {};
        for (const key of keys) setOwn(part, key, changes[key]);
        return shard.write(part);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all([...this.byShard(keys)].map(([shard, shardKeys]) => shard.delete(shardKeys)));
  }

  private async checkETags(changes: StoreItems): Promise<void> {
    const guarded = Object.keys(changes).filter((key) => {
      const eTag = (changes[key] as { eTag?: unknown } | undefined)?.eTag;
      return eTag !== undefined && eTag !== '*';
    });
    if (guarded.length === 0) return;
    const stored = await this.read(guarded);
    for (const key of guarded) {
      if ((stored[key] as { eTag?: unknown } | undefined)?.eTag !== (changes[key] as { eTag?: unknown }).eTag) throw etagConflict();
    }
  }

  private byShard(keys: readonly string[]): Map<Storage, string[]> {
    const groups = new Map<Storage, string[]>();
    for (const key of keys) {
      const shard = this.shards[shardIndex(key, this.shards.length)]!;
      groups.set(shard, [...(groups.get(shard) ?? []), key]);
    }
    return groups;
  }
}

/** FNV-1a: a stable, well-spread hash of a storage key. */
export function shardIndex(key: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}
