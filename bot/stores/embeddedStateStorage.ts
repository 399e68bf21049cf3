import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { DurableDocument } from './durableDocument.js';
import { etagConflict } from './storeErrors.js';

/** The document behind EmbeddedStateStorage: bot state items by storage key. */
export interface StateItemsDocument {
  items: Record<string, unknown>;
}

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
  constructor(
    private readonly document: DurableDocument<StateItemsDocument>,
    private readonly newETag: () => string = randomUUID,
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

    await this.document.update(({ items }) => {
      // Check the whole batch before changing anything: all items are written, or none.
      for (const [key, item] of entries) {
        const expected = item.eTag;
        if (expected === undefined || expected === '*') continue;
        const stored = Object.hasOwn(items, key) ? (items[key] as { eTag?: unknown }).eTag : undefined;
        if (stored !== expected) throw etagConflict();
      }
      for (const [key, item] of entries) {
        setOwn(items, key, { ...item, eTag: this.newETag() });
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('EmbeddedStateStorage.delete: keys must be an array');
    if (keys.length === 0) return;
    await this.document.update(({ items }) => {
      for (const key of keys) {
        if (Object.hasOwn(items, key)) delete items[key];
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
