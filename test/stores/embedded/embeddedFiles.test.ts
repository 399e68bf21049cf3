import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { openEmbeddedFiles } from '../../../stores/embedded/embeddedFiles.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { makeTempDir } from './storeTestSupport.js';

let root: string;
let removeRoot: () => Promise<void>;
let dataDir: string;

beforeEach(async () => {
  ({ dir: root, remove: removeRoot } = await makeTempDir());
  dataDir = path.join(root, 'var', 'nested');
});
afterEach(() => removeRoot());

describe('openEmbeddedFiles', () => {
  it('creates the data directory, holds its lock, and releases it on close', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    expect(files.dataDir).toBe(dataDir);
    expect((await readFile(path.join(dataDir, '.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await files.close();
    expect(existsSync(path.join(dataDir, '.lock'))).toBe(false);
  });

  it('refuses a second opening of the same data directory', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const error = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'DATA_DIR_LOCKED')).toBe(true);
    await files.close();
  });

  it('opens DATA_DIR/<name>.json once: a second open of the same name gives the same instance', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const [first, second] = await Promise.all([
      files.document('callbacks', { requests: [] as string[] }),
      files.document('callbacks', { requests: [] as string[] }),
    ]);
    expect(second).toBe(first);
    expect(await files.document('callbacks', { requests: [] as string[] })).toBe(first);
    expect(await files.document('surveys', { answers: 0 })).not.toBe(first);

    await first.update((draft) => void draft.requests.push('cb-1'));
    expect(JSON.parse(await readFile(path.join(dataDir, 'callbacks.json'), 'utf8'))).toEqual({ requests: ['cb-1'] });
    await files.close();

    const reopened = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    expect((await reopened.document('callbacks', { requests: [] as string[] })).read()).toEqual({ requests: ['cb-1'] });
    await reopened.close();
  });

  it('waits for pending writes on close, then refuses updates and new documents', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const document = await files.document('counter', { count: 0 });
    const pending = Promise.all(Array.from({ length: 20 }, () => document.update((draft) => void draft.count++)));
    await files.close();
    expect(JSON.parse(await readFile(path.join(dataDir, 'counter.json'), 'utf8')).count).toBe(20);
    await pending;

    expect(isStoreError(await document.update((draft) => draft).catch((caught: unknown) => caught), 'STORE_CLOSED')).toBe(true);
    expect(isStoreError(await files.document('other', {}).catch((caught: unknown) => caught), 'STORE_CLOSED')).toBe(true);
  });

  it.each(['../escape', 'a/b', 'with.dot', '', '.lock'])('refuses the document name %j', async (name) => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    await expect(files.document(name, {})).rejects.toThrow(RangeError);
    await files.close();
  });

  it('lets a corrupt document be opened again once an administrator fixed it', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const file = path.join(dataDir, 'bookings.json');
    await writeFile(file, '{"bookings": [');
    const error = await files.document('bookings', { bookings: [] }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORE_FILE_CORRUPT')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('{"bookings": [');

    await writeFile(file, '{"bookings": ["b-1"]}');
    expect((await files.document('bookings', { bookings: [] as string[] })).read()).toEqual({ bookings: ['b-1'] });
    await files.close();
  });

  it('fails with DATA_DIR_UNUSABLE when the data directory cannot be created', async () => {
    const blocker = path.join(root, 'a-file');
    await writeFile(blocker, '');
    const error = await openEmbeddedFiles(path.join(blocker, 'var'), { logger: createMemoryLogger() }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'DATA_DIR_UNUSABLE')).toBe(true);
    expect((error as Error).message).toContain(path.join(blocker, 'var'));
  });
});
