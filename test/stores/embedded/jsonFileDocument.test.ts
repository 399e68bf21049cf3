import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { openJsonFileDocument } from '../../../stores/embedded/jsonFileDocument.js';
import { nodeStoreFileSystem, type StoreFileHandle, type StoreFileSystem } from '../../../stores/embedded/durableFiles.js';
import { isStoreError, StoreError } from '../../../stores/storeErrors.js';
import { gatedFileSystem, makeTempDir, startFixture, waitForExit } from './storeTestSupport.js';

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
    const results = await Promise.all(Array.from({ length: 100 }, () => document.update((draft) => ++draft.count)));
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

describe('openJsonFileDocument group commit', () => {
  /** Opens an existing document (count 0) on a gated file system, so no write happens at open. */
  async function openGated(base?: StoreFileSystem) {
    await writeFile(file, JSON.stringify(defaults));
    const gate = gatedFileSystem(base);
    const logger = createMemoryLogger();
    const document = await openJsonFileDocument(file, defaults, { fileSystem: gate.fileSystem, logger });
    return { gate, document, logger };
  }

  /** Settles to its value, or to the error it was rejected with, without an unhandled rejection. */
  const settled = <R>(promise: Promise<R>): Promise<{ value?: R; error?: unknown }> =>
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

  it('writes 100 parallel updates in far fewer than 100 writes, and applies all 100', async () => {
    const { fileSystem, calls } = recordingFileSystem();
    const document = await openJsonFileDocument(file, defaults, { fileSystem });
    calls.length = 0;

    const results = await Promise.all(Array.from({ length: 100 }, () => document.update((draft) => ++draft.count)));

    expect(results).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(document.read().count).toBe(100);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(100);
    const writes = calls.filter((call) => call.startsWith('write temp:')).length;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(2);
    expect(calls.filter((call) => call === 'fsync dir').length).toBe(writes);
  });

  it('puts the updates that arrive during a write into the next write, and answers each only once its write is durable', async () => {
    const { gate, document } = await openGated();
    const fsyncsWhenAnswered: number[] = [];
    const answered = (index: number) => (value: number) => {
      fsyncsWhenAnswered[index] = gate.directoryFsyncs;
      return value;
    };

    const first = document.update((draft) => ++draft.count).then(answered(0));
    await gate.writeWaiting();
    const later = Array.from({ length: 50 }, (_, index) => document.update((draft) => ++draft.count).then(answered(index + 1)));
    // The 50 wait for the write in flight: none of them ran yet.
    expect(document.read().count).toBe(0);

    gate.release();
    await gate.writeWaiting();
    expect(await first).toBe(1);
    expect(document.read().count).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(1);

    gate.release();
    expect(await Promise.all(later)).toEqual(Array.from({ length: 50 }, (_, index) => index + 2));
    expect(gate.writes).toBe(2);
    expect(document.read().count).toBe(51);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(51);
    expect(fsyncsWhenAnswered[0]).toBe(1);
    expect(fsyncsWhenAnswered.slice(1)).toEqual(Array.from({ length: 50 }, () => 2));
  });

  it('applies the changes of a batch in arrival order and answers the callers in that order', async () => {
    const { gate, document } = await openGated();
    gate.openGate();
    const answers: number[] = [];
    const updates: Promise<number>[] = [];
    for (let burst = 0; burst < 5; burst++) {
      for (let index = burst * 10; index < burst * 10 + 10; index++) {
        updates.push(
          document
            .update((draft) => {
              draft.names.push(String(index));
              return draft.names.length;
            })
            .then((length) => (answers.push(index), length)),
        );
      }
      await Promise.resolve(); // the next burst arrives while this one is being written
    }
    const lengths = await Promise.all(updates);

    const inOrder = Array.from({ length: 50 }, (_, index) => index);
    expect(lengths).toEqual(inOrder.map((index) => index + 1));
    expect(answers).toEqual(inOrder);
    expect(document.read().names).toEqual(inOrder.map(String));
    expect(JSON.parse(await readFile(file, 'utf8')).names).toEqual(inOrder.map(String));
    expect(gate.writes).toBeLessThan(50);
  });

  it('rejects a change that throws alone: the changes before and after it in the batch are written, its half-done edits are not', async () => {
    const { gate, document } = await openGated();
    const head = document.update((draft) => void (draft.count = 1));
    await gate.writeWaiting();

    const failure = new Error('not allowed');
    const before = settled(document.update((draft) => (draft.names.push('before'), draft.names.length)));
    const throwing = settled(
      document.update((draft) => {
        draft.count = 666;
        draft.names.splice(0, draft.names.length, 'half-done');
        throw failure;
      }),
    );
    const asynchronous = settled(
      document.update(async (draft) => {
        draft.names.push('async');
      }),
    );
    const unwritable = settled(
      document.update((draft) => {
        (draft as unknown as { big: bigint }).big = 10n;
        draft.names.push('bigint');
      }),
    );
    const after = settled(document.update((draft) => (draft.names.push('after'), draft.names.length)));
    gate.openGate();
    await head;

    expect(await before).toEqual({ value: 1 });
    expect((await throwing).error).toBe(failure);
    expect((await asynchronous).error).toBeInstanceOf(TypeError);
    expect((await unwritable).error).toBeInstanceOf(TypeError);
    expect(await after).toEqual({ value: 2 });
    expect(gate.writes).toBe(2);
    const expected = { count: 1, names: ['before', 'after'] };
    expect(document.read()).toEqual(expected);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(expected);
  });

  it('rejects every change of a batch whose write fails, keeps memory at the last durable state, and goes on', async () => {
    let failRename = false;
    const { gate, document, logger } = await openGated({
      ...nodeStoreFileSystem,
      rename: (from, to) =>
        failRename ? Promise.reject(Object.assign(new Error('input/output error'), { code: 'EIO' })) : nodeStoreFileSystem.rename(from, to),
    });
    const head = document.update((draft) => void (draft.count = 1));
    await gate.writeWaiting();

    const failure = new Error('own error');
    const batch = [
      settled(document.update((draft) => ++draft.count)),
      settled(
        document.update(() => {
          throw failure;
        }),
      ),
      settled(document.update((draft) => void draft.names.push('lost'))),
    ];
    gate.release();
    await head;
    const durable = await readFile(file);
    failRename = true;
    gate.openGate();
    const [increment, throwing, push] = await Promise.all(batch);

    expect(isStoreError(increment?.error, 'STORE_WRITE_FAILED')).toBe(true);
    expect(isStoreError(push?.error, 'STORE_WRITE_FAILED')).toBe(true);
    expect(increment?.error).not.toBe(push?.error);
    expect(throwing?.error).toBe(failure);
    expect(document.read()).toEqual({ count: 1, names: [] });
    expect(await readFile(file)).toEqual(durable);
    expect(await readdir(dir)).toEqual(['counter.json']);
    expect(logger.lines.filter((line) => line.includes('store_write_failed'))).toHaveLength(1);

    failRename = false;
    await expect(document.update((draft) => ++draft.count)).resolves.toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2, names: [] });
  });

  it('gives each change a result that shows the state its own change left, not later changes of the batch', async () => {
    const { gate, document } = await openGated();
    gate.openGate();
    const [first, second] = await Promise.all([
      document.update((draft) => {
        draft.names.push('a');
        return draft.names;
      }),
      document.update((draft) => {
        draft.names.push('b');
        return draft.names;
      }),
    ]);
    expect(first).toEqual(['a']);
    expect(second).toEqual(['a', 'b']);
  });

  it('shows each change the state as a restart would read it, also in the middle of a batch', async () => {
    const { gate, document } = await openGated();
    gate.openGate();
    type Loose = Counter & { when?: unknown; gone?: unknown };
    const [, seen] = await Promise.all([
      document.update((draft) => {
        (draft as Loose).when = new Date('2026-03-02T09:00:00.000Z');
        (draft as Loose).gone = undefined;
      }),
      document.update((draft) => ({ when: (draft as Loose).when, hasGone: Object.hasOwn(draft, 'gone') })),
    ]);
    expect(seen).toEqual({ when: '2026-03-02T09:00:00.000Z', hasGone: false });
  });

  it('writes nothing for a batch that changes nothing', async () => {
    const { gate, document } = await openGated();
    gate.openGate();
    const results = await Promise.all([
      document.update((draft) => draft.count),
      document.update((draft) => void (draft.count = 5)),
      document.update((draft) => void (draft.count = 0)),
    ]);
    expect(results).toEqual([0, undefined, undefined]);
    expect(gate.writes).toBe(0);
  });

  it('on close, waits for the write in flight and the updates queued behind it', async () => {
    const { gate, document } = await openGated();
    const head = document.update((draft) => ++draft.count);
    await gate.writeWaiting();
    const queued = [document.update((draft) => ++draft.count), document.update((draft) => ++draft.count)];
    const closing = document.close();
    expect(isStoreError(await document.update((draft) => draft.count).catch((caught: unknown) => caught), 'STORE_CLOSED')).toBe(true);
    gate.openGate();
    await closing;
    expect(await Promise.all([head, ...queued])).toEqual([1, 2, 3]);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(3);
  });
});
