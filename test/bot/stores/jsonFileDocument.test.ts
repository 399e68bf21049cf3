import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import {
  nodeStoreFileSystem,
  openJsonFileDocument,
  type StoreFileHandle,
  type StoreFileSystem,
} from '../../../bot/stores/jsonFileDocument.js';
import { isStoreError, StoreError } from '../../../bot/stores/storeErrors.js';
import { makeTempDir, startFixture, waitForExit } from './storeTestSupport.js';

type Counter = { count: number; names: string[] };
const defaults: Counter = { count: 0, names: [] };

let dir: string;
let removeDir: () => Promise<void>;
let file: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
  file = path.join(dir, 'counter.json');
});
afterEach(() => removeDir());

/** A file system that records every call the document makes, in order. */
function recordingFileSystem(): { fileSystem: StoreFileSystem; calls: string[] } {
  const calls: string[] = [];
  const label = (target: string) => (target === dir ? 'dir' : target === file ? 'file' : `temp:${path.basename(target)}`);
  const fileSystem: StoreFileSystem = {
    ...nodeStoreFileSystem,
    async open(target, flags) {
      calls.push(`open ${label(target)} ${flags}`);
      const handle = await nodeStoreFileSystem.open(target, flags);
      const wrapped: StoreFileHandle = {
        writeFile: (text) => (calls.push(`write ${label(target)}`), handle.writeFile(text)),
        sync: () => (calls.push(`fsync ${label(target)}`), handle.sync()),
        close: () => (calls.push(`close ${label(target)}`), handle.close()),
      };
      return wrapped;
    },
    rename: (from, to) => (calls.push(`rename ${label(from)} -> ${label(to)}`), nodeStoreFileSystem.rename(from, to)),
  };
  return { fileSystem, calls };
}

function failing(call: 'rename' | 'sync' | 'writeFile'): StoreFileSystem {
  const diskError = () => Object.assign(new Error('input/output error'), { code: 'EIO' });
  return {
    ...nodeStoreFileSystem,
    rename: call === 'rename' ? () => Promise.reject(diskError()) : nodeStoreFileSystem.rename,
    async open(target, flags) {
      const handle = await nodeStoreFileSystem.open(target, flags);
      if (flags !== 'wx') return handle;
      return {
        writeFile: call === 'writeFile' ? () => Promise.reject(diskError()) : (text) => handle.writeFile(text),
        sync: call === 'sync' ? () => Promise.reject(diskError()) : () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('openJsonFileDocument', () => {
  it('creates a missing file with the defaults, and reads back what was written after reopening', async () => {
    const document = await openJsonFileDocument(file, defaults);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaults);

    const result = await document.update((draft) => {
      draft.count = 7;
      draft.names.push('balie');
      return 'done';
    });
    expect(result).toBe('done');
    expect(document.read()).toEqual({ count: 7, names: ['balie'] });
    await document.close();

    const reopened = await openJsonFileDocument(file, defaults);
    expect(reopened.read()).toEqual({ count: 7, names: ['balie'] });
  });

  it('does not hand the defaults object itself to the document', async () => {
    const ownDefaults: Counter = { count: 0, names: [] };
    const document = await openJsonFileDocument(file, ownDefaults);
    await document.update((draft) => void draft.names.push('x'));
    expect(ownDefaults.names).toEqual([]);
  });

  it('writes a unique temp file in the same directory, fsyncs it, renames it over the file, then fsyncs the directory', async () => {
    const { fileSystem, calls } = recordingFileSystem();
    const document = await openJsonFileDocument(file, defaults, { fileSystem });
    calls.length = 0;

    await document.update((draft) => void (draft.count = 1));
    await document.update((draft) => void (draft.count = 2));

    const temps = calls.filter((call) => call.startsWith('open temp:')).map((call) => call.split(' ')[1]);
    expect(temps).toHaveLength(2);
    expect(temps[0]).not.toBe(temps[1]);
    const temp = temps[0] as string;
    expect(calls.slice(0, 8)).toEqual([
      `open ${temp} wx`,
      `write ${temp}`,
      `fsync ${temp}`,
      `close ${temp}`,
      `rename ${temp} -> file`,
      'open dir r',
      'fsync dir',
      'close dir',
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2, names: [] });
  });

  it('creates the file the same durable way', async () => {
    const { fileSystem, calls } = recordingFileSystem();
    await openJsonFileDocument(file, defaults, { fileSystem });
    expect(calls).toContain('fsync dir');
    expect(calls.some((call) => /^fsync temp:/.test(call))).toBe(true);
  });

  it('serialises concurrent updates: 100 parallel increments give 100, in memory and on disk', async () => {
    const document = await openJsonFileDocument(file, defaults);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => document.update((draft) => ++draft.count)),
    );
    expect(document.read().count).toBe(100);
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(100);
  });

  it('leaves memory and disk unchanged when the change throws, and rethrows its error', async () => {
    const { fileSystem, calls } = recordingFileSystem();
    const document = await openJsonFileDocument(file, defaults, { fileSystem });
    await document.update((draft) => void (draft.count = 5));
    const before = await readFile(file);
    calls.length = 0;

    const failure = new Error('not allowed');
    await expect(
      document.update((draft) => {
        draft.count = 6;
        draft.names.push('half-done');
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(document.read()).toEqual({ count: 5, names: [] });
    expect(await readFile(file)).toEqual(before);
    expect(calls).toEqual([]);
    await document.update((draft) => void draft.count++);
    expect(document.read().count).toBe(6);
  });

  it('refuses an asynchronous change without writing anything', async () => {
    const document = await openJsonFileDocument(file, defaults);
    const before = await readFile(file, 'utf8');
    await expect(
      document.update(async (draft) => {
        draft.count = 9;
      }),
    ).rejects.toThrow(TypeError);
    expect(document.read().count).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('does not let a caller who mutates a read() result change the file', async () => {
    const document = await openJsonFileDocument(file, defaults);
    (document.read() as Counter).names.push('sneaky');
    await document.update((draft) => void (draft.count = 1));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 1, names: [] });
  });

  describe.each([
    ['empty', ''],
    ['only whitespace', '  \n'],
    ['cut off mid-write', '{"count": 4, "names": ['],
    ['not JSON at all', 'count=4'],
    ['JSON of the wrong kind', '[1, 2, 3]'],
  ])('a file that is %s', (_label, content) => {
    it('stops the open with STORE_FILE_CORRUPT naming the file, and leaves it byte for byte', async () => {
      await writeFile(file, content);
      const before = await readFile(file);
      const logger = createMemoryLogger();

      const opening = openJsonFileDocument(file, defaults, { logger });
      await expect(opening).rejects.toBeInstanceOf(StoreError);
      const error = await opening.catch((caught: unknown) => caught);
      expect(isStoreError(error, 'STORE_FILE_CORRUPT')).toBe(true);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain('left untouched');
      expect((error as Error).message).not.toContain('\n');

      expect(await readFile(file)).toEqual(before);
      expect(await readdir(dir)).toEqual(['counter.json']);
    });
  });

  it.each(['rename', 'sync', 'writeFile'] as const)(
    'rejects with STORE_WRITE_FAILED when %s fails, keeping the old state in memory and on disk',
    async (call) => {
      const good = await openJsonFileDocument(file, defaults);
      await good.update((draft) => void (draft.count = 3));
      await good.close();
      const before = await readFile(file);
      const logger = createMemoryLogger();

      const document = await openJsonFileDocument(file, defaults, { fileSystem: failing(call), logger });
      const error = await document.update((draft) => void (draft.count = 4)).catch((caught: unknown) => caught);

      expect(isStoreError(error, 'STORE_WRITE_FAILED')).toBe(true);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain('EIO');
      expect(document.read().count).toBe(3);
      expect(await readFile(file)).toEqual(before);
      expect(await readdir(dir)).toEqual(['counter.json']); // the temp file was removed
      expect(logger.lines.some((line) => line.includes('store_write_failed'))).toBe(true);

      // The queue goes on: the next update starts from the state on disk.
      await expect(document.update((draft) => draft.count)).resolves.toBe(3);
    },
  );

  it('keeps the previous file when the process is killed between the temp write and the rename', async () => {
    const first = await openJsonFileDocument(file, defaults);
    await first.update((draft) => void (draft.count = 41));
    await first.close();
    const before = await readFile(file);

    const outcome = await waitForExit(startFixture('crashMidWrite.ts', [file]));
    expect(outcome.signal).toBe('SIGKILL');
    expect(outcome.stdout).not.toContain('rename was not reached');

    expect(await readFile(file)).toEqual(before);
    const leftovers = (await readdir(dir)).filter((name) => name !== 'counter.json');
    expect(leftovers).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dir, leftovers[0] as string), 'utf8')).count).toBe(999);

    const logger = createMemoryLogger();
    const reopened = await openJsonFileDocument(file, defaults, { logger });
    expect(reopened.read().count).toBe(41);
    expect(await readdir(dir)).toEqual(['counter.json']);
    expect(logger.lines.some((line) => line.includes('store_leftover_temp_file_removed'))).toBe(true);
  });

  it('adds top-level collections that the defaults have and the file lacks', async () => {
    await writeFile(file, JSON.stringify({ count: 2 }));
    const document = await openJsonFileDocument(file, defaults);
    expect(document.read()).toEqual({ count: 2, names: [] });
    await document.update((draft) => void draft.names.push('nieuw'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2, names: ['nieuw'] });
  });

  it('waits for queued writes on close and refuses updates afterwards', async () => {
    const document = await openJsonFileDocument(file, defaults);
    const pending = document.update((draft) => void (draft.count = 8));
    await document.close();
    await pending;
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(8);
    const error = await document.update((draft) => void draft.count++).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORE_CLOSED')).toBe(true);
  });

  it('fails with STORE_WRITE_FAILED when the file cannot be created', async () => {
    const missing = path.join(dir, 'no-such-dir', 'counter.json');
    const error = await openJsonFileDocument(missing, defaults).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORE_WRITE_FAILED')).toBe(true);
    expect(existsSync(missing)).toBe(false);
  });
});
