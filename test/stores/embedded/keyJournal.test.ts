import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { hashedLayout, openKeyedDocuments, type KeyedDocuments } from '../../../stores/embedded/keyedDocuments.js';
import { nodeStoreFileSystem, type StoreFileSystem } from '../../../stores/embedded/durableFiles.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { makeTempDir, startFixture, waitForExit, waitForLine } from './storeTestSupport.js';

type Value = { turn: number };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tree(): Promise<string> {
  const { dir, remove } = await makeTempDir();
  cleanups.push(remove);
  return path.join(dir, 'conversations');
}

async function open(root: string, options: Partial<Parameters<typeof openKeyedDocuments>[1]> = {}): Promise<KeyedDocuments<Value>> {
  const documents = await openKeyedDocuments<Value>(root, { layout: hashedLayout, ...options });
  cleanups.unshift(() => documents.close());
  return documents;
}

const set = (documents: KeyedDocuments<Value>, key: string, turn: number) =>
  documents.update([key], (values) => void values.set(key, { turn }));

const journalDirectory = (root: string) => path.join(root, '.journal');

async function journalFiles(root: string): Promise<string[]> {
  return (await readdir(journalDirectory(root))).map((name) => path.join(journalDirectory(root), name)).sort();
}

async function keyFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const group of await readdir(root)) {
    if (group.startsWith('.')) continue;
    found.push(...(await readdir(path.join(root, group))));
  }
  return found;
}

/**
 * A file system whose journal fdatasyncs wait until the test releases them; records what happened
 * in order, so a test can tell that no caller heard back before its bytes were synced.
 */
function gatedJournal(base: StoreFileSystem = nodeStoreFileSystem) {
  const events: string[] = [];
  const held: Array<() => void> = [];
  const watchers: Array<() => void> = [];
  let appends = 0;
  let failNextSync = false;
  const fileSystem: StoreFileSystem = {
    ...base,
    async openAppend(file) {
      const handle = await base.openAppend(file);
      return {
        async append(text) {
          appends += 1;
          events.push(`append ${JSON.stringify([...text.matchAll(/"(k-\d+)"/g)].map((match) => match[1]))}`);
          await handle.append(text);
        },
        async datasync() {
          await new Promise<void>((resolve) => {
            held.push(resolve);
            watchers.splice(0).forEach((notify) => notify());
          });
          if (failNextSync) {
            failNextSync = false;
            throw Object.assign(new Error('input/output error'), { code: 'EIO' });
          }
          await handle.datasync();
          events.push('synced');
        },
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
      };
    },
  };
  return {
    fileSystem,
    events,
    get appends() {
      return appends;
    },
    syncWaiting: () => (held.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => watchers.push(resolve))),
    release() {
      const next = held.shift();
      if (!next) throw new Error('no sync is waiting');
      next();
    },
    failNextSync() {
      failNextSync = true;
    },
  };
}

describe('the keyed documents journal', () => {
  it('writes each change as one journal line and no key file until a checkpoint, then the key files and no journal', async () => {
    const root = await tree();
    const documents = await open(root);
    for (let turn = 0; turn < 5; turn++) await set(documents, 'k-1', turn);
    await set(documents, 'k-2', 0);
    const [journal, ...more] = await journalFiles(root);
    expect(more).toEqual([]);
    expect((await readFile(journal!, 'utf8')).trimEnd().split('\n')).toHaveLength(6);
    expect(await keyFiles(root)).toEqual([]);
    expect(await documents.get('k-1')).toEqual({ turn: 4 });

    await documents.checkpoint();
    expect(await journalFiles(root)).toEqual([]);
    expect((await keyFiles(root)).sort()).toEqual(
      [path.basename(hashedLayout.fileOf('k-1')), path.basename(hashedLayout.fileOf('k-2'))].sort(),
    );
    const stored = JSON.parse(await readFile(path.join(root, hashedLayout.fileOf('k-1')), 'utf8'));
    expect(stored).toMatchObject({ key: 'k-1', value: { turn: 4 } });
    expect(await documents.get('k-1')).toEqual({ turn: 4 });
  });

  it('replace shows the stored values themselves, writes copies of what it returns, and hands back what it stored', async () => {
    const root = await tree();
    const documents = await open(root);
    await set(documents, 'k-1', 1);
    const stored = await documents.get('k-1');
    const given = { turn: 2 };
    const held = await documents.replace(['k-1', 'k-2'], (current) => {
      expect(current.get('k-1')).toBe(stored);
      expect(current.has('k-2')).toBe(false);
      return new Map([['k-1', given]]);
    });
    given.turn = 3;
    expect(held.get('k-1')).toEqual({ turn: 2 });
    expect(held.get('k-1')).toBe(await documents.get('k-1'));
    expect(held.has('k-2')).toBe(false);
    expect(stored).toEqual({ turn: 1 });

    expect(await documents.replace(['k-1'], () => new Map([['k-1', null]]))).toEqual(new Map([['k-1', null]]));
    expect(await documents.get('k-1')).toBeUndefined();
    const [journal] = await journalFiles(root);
    expect((await readFile(journal!, 'utf8')).trimEnd().split('\n')).toHaveLength(3);
  });

  it('checkpoints by itself once the journal holds checkpointBytes, writing a key rewritten many times once', async () => {
    const root = await tree();
    let keyFileWrites = 0;
    const fileSystem: StoreFileSystem = {
      ...nodeStoreFileSystem,
      open: (file, flags) => {
        if (flags === 'wx') keyFileWrites += 1;
        return nodeStoreFileSystem.open(file, flags);
      },
    };
    const documents = await open(root, { fileSystem, checkpointBytes: 2_000 });
    await Promise.all(Array.from({ length: 60 }, (_, turn) => set(documents, `k-${turn % 2}`, turn)));
    for (let turn = 0; turn < 60; turn++) await set(documents, 'k-1', turn);
    await documents.close();
    // 120 writes of two keys; a few checkpoints, each writing each key back at most once.
    expect(keyFileWrites).toBeGreaterThanOrEqual(2);
    expect(keyFileWrites).toBeLessThan(30);
    const reopened = await open(root);
    expect(await reopened.get('k-1')).toEqual({ turn: 59 });
    expect(await reopened.get('k-0')).toEqual({ turn: 58 });
  });

  it('a checkpoint removes the file of an entry that expired in the journal instead of writing it', async () => {
    const root = await tree();
    let now = Date.parse('2026-03-02T10:00:00Z');
    const documents = await open(root, { maxAgeMs: 60_000, now: () => new Date(now) });
    await set(documents, 'k-old', 1);
    await documents.checkpoint();
    await set(documents, 'k-old', 2);
    await set(documents, 'k-new', 1);
    now += 50_000;
    await set(documents, 'k-new', 2);
    now += 20_000;
    await documents.checkpoint();
    expect(await keyFiles(root)).toEqual([path.basename(hashedLayout.fileOf('k-new'))]);
    expect(await documents.get('k-old')).toBeUndefined();
    expect(await documents.get('k-new')).toEqual({ turn: 2 });
  });

  it('group commit: writes that arrive while a sync is in flight share the next append, and none hears back before its sync', async () => {
    const root = await tree();
    const gate = gatedJournal();
    const documents = await open(root, { fileSystem: gate.fileSystem });
    const heard: string[] = [];
    const write = (key: string) =>
      set(documents, key, 1).then(() => {
        gate.events.push(`done ${key}`);
        heard.push(key);
      });

    const first = write('k-1');
    await gate.syncWaiting();
    const later = [write('k-2'), write('k-3'), write('k-4')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([]);
    expect(gate.appends).toBe(1);

    gate.release();
    await first;
    expect(heard).toEqual(['k-1']);
    await gate.syncWaiting();
    expect(heard).toEqual(['k-1']);
    gate.release();
    await Promise.all(later);

    expect(gate.appends).toBe(2);
    // Writes to different keys promise no order among themselves (each may first read its own file): the three share
    // the second append, and each hears back only after its sync.
    expect(gate.events.slice(0, 3)).toEqual(['append ["k-1"]', 'synced', 'done k-1']);
    const secondAppend = gate.events[3]!;
    expect(secondAppend.startsWith('append ')).toBe(true);
    expect((JSON.parse(secondAppend.slice('append '.length)) as string[]).sort()).toEqual(['k-2', 'k-3', 'k-4']);
    expect(gate.events[4]).toBe('synced');
    expect(gate.events.slice(5).sort()).toEqual(['done k-2', 'done k-3', 'done k-4']);
  });

  it('a failed sync fails its writes with STORE_WRITE_FAILED, cuts the journal back, and the next writes go on', async () => {
    const root = await tree();
    const gate = gatedJournal();
    const documents = await open(root, { fileSystem: gate.fileSystem });
    const kept = set(documents, 'k-1', 1);
    await gate.syncWaiting();
    gate.release();
    await kept;
    const [journal] = await journalFiles(root);
    const length = (await stat(journal!)).size;

    gate.failNextSync();
    const failing = set(documents, 'k-1', 2).catch((error: unknown) => error);
    await gate.syncWaiting();
    gate.release();
    // The sync after cutting the failed append off.
    await gate.syncWaiting();
    gate.release();
    expect(isStoreError(await failing, 'STORE_WRITE_FAILED')).toBe(true);
    expect((await stat(journal!)).size).toBe(length);
    expect(await documents.get('k-1')).toEqual({ turn: 1 });

    const next = set(documents, 'k-2', 3);
    await gate.syncWaiting();
    gate.release();
    await next;
    await documents.close();
    const reopened = await open(root);
    expect(await reopened.get('k-1')).toEqual({ turn: 1 });
    expect(await reopened.get('k-2')).toEqual({ turn: 3 });
  });
});

describe('keyed documents without a journal', () => {
  it('write each change straight to its key file, after writing back what an earlier journalled run left', async () => {
    const root = await tree();
    const journalled = await openKeyedDocuments<Value>(root, { layout: hashedLayout });
    await set(journalled, 'k-1', 1);
    // Not closed: the entry is in the journal only, as after a crash.
    expect(await keyFiles(root)).toEqual([]);

    const direct = await open(root, { journal: false });
    expect(await journalFiles(root)).toEqual([]);
    expect(JSON.parse(await readFile(path.join(root, hashedLayout.fileOf('k-1')), 'utf8'))).toMatchObject({ value: { turn: 1 } });
    await set(direct, 'k-2', 2);
    expect(await journalFiles(root)).toEqual([]);
    expect(JSON.parse(await readFile(path.join(root, hashedLayout.fileOf('k-2')), 'utf8'))).toMatchObject({ value: { turn: 2 } });
    expect(await direct.get('k-1')).toEqual({ turn: 1 });
  });
});

describe('the journal after a crash', () => {
  /** Runs the writer fixture until it acknowledged `turns` writes, then kills it. */
  async function crashedWriter(root: string, turns: number): Promise<number> {
    const child = startFixture('crashAfterJournalWrites.ts', [root]);
    const exited = waitForExit(child);
    await waitForLine(child, `done ${turns - 1}`);
    child.kill('SIGKILL');
    const { stdout, signal } = await exited;
    expect(signal).toBe('SIGKILL');
    return Math.max(...[...stdout.matchAll(/done (\d+)/g)].map((match) => Number(match[1])));
  }

  /** A fresh tree whose journal holds the writes of k-1 (turn 1) and k-2 (turn 2), and that journal's lines. */
  async function journalOfTwoTurns() {
    const root = await tree();
    const documents = await open(root);
    await set(documents, 'k-1', 1);
    await set(documents, 'k-2', 2);
    const [journal] = await journalFiles(root);
    return { root, journal: journal!, lines: (await readFile(journal!, 'utf8')).split('\n') };
  }

  it('keeps every acknowledged write of a killed process (replayed from the journal at start-up)', async () => {
    const root = await tree();
    const acknowledged = await crashedWriter(root, 30);
    expect(await keyFiles(root)).toEqual([]);

    const documents = await open(root);
    for (let turn = 0; turn <= acknowledged; turn++) expect(await documents.get(`turn-${turn}`)).toEqual({ turn });
    // The write after the last acknowledged one may have made it too; both keys of a change come back together.
    let last = acknowledged;
    while (await documents.get(`turn-${last + 1}`)) last += 1;
    expect(last - acknowledged).toBeLessThanOrEqual(1);
    expect(await documents.get(`conversation-${last % 7}`)).toEqual({ turn: last });
  });

  it('cuts off a torn last line with a warning, and keeps everything before it', async () => {
    const root = await tree();
    const acknowledged = await crashedWriter(root, 10);
    const [journal] = (await journalFiles(root)).slice(-1);
    const whole = await readFile(journal!);
    // An append cut short by the crash: part of a line, no newline.
    await appendFile(journal!, '0badcafe [["turn-99999","2026-01-01T00:00:00.000Z",{"tu');

    const logger = createMemoryLogger();
    const documents = await open(root, { logger });
    expect(logger.lines.some((line) => line.includes('store_journal_torn_tail_removed'))).toBe(true);
    expect(await readFile(journal!)).toEqual(whole);
    for (let turn = 0; turn <= acknowledged; turn++) expect(await documents.get(`turn-${turn}`)).toEqual({ turn });
    expect(await documents.get('turn-99999')).toBeUndefined();

    // Writing on and restarting again finds no damage.
    await set(documents, 'after', 1);
    await documents.close();
    expect(await (await open(root)).get('after')).toEqual({ turn: 1 });
  });

  it('cuts off a complete last line whose checksum does not match (torn inside), too', async () => {
    const { root, journal, lines } = await journalOfTwoTurns();
    await writeFile(journal, `${lines[0]}\n${lines[1]!.replace('"turn":2', '"turn":7')}\n`);

    const reopened = await open(root);
    expect(await reopened.get('k-1')).toEqual({ turn: 1 });
    expect(await reopened.get('k-2')).toBeUndefined();
    expect(await readFile(journal, 'utf8')).toBe(`${lines[0]}\n`);
  });

  it('refuses to start on a damaged line before the last one with STORE_FILE_CORRUPT, naming the journal, and leaves it as it was', async () => {
    const { root, journal, lines } = await journalOfTwoTurns();
    const damaged = `${lines[0]!.replace('"turn":1', '"turn":5')}\n${lines[1]}\n`;
    await writeFile(journal, damaged);

    const error = await openKeyedDocuments<Value>(root, { layout: hashedLayout }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORE_FILE_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain(journal);
    expect(await readFile(journal, 'utf8')).toBe(damaged);
  });
});
