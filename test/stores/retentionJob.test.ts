import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../bot/logger.js';
import { startRetentionJob } from '../../stores/retentionJob.js';
import type { CallbackStore } from '../../stores/callbacks/callbackStore.js';
import { memoryDocument } from '../../stores/embedded/durableDocument.js';
import { createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../stores/callbacks/embeddedCallbackStore.js';

const DAY = 24 * 60 * 60 * 1000;
const CREATED = new Date('2026-03-02T09:00:00Z');

async function storeWithOpenAndDone() {
  const references = ['OPN-222', 'DNE-222'];
  const callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT), { newReference: () => references.shift()! });
  for (const requestId of ['open', 'done']) {
    await callbacks.create({
      requestId,
      phone: '+32470123456',
      preferredMoment: { day: '2026-03-02', partOfDay: 'morning' },
      topic: { intent: null, document: null },
      excerpt: ['mijn vraag'],
      subject: null,
      language: 'nl',
      at: CREATED,
    });
  }
  await callbacks.setStatus('DNE-222', 'done', { at: CREATED, staffMember: 'an' });
  return callbacks;
}

describe('callback retention job', () => {
  it('runs at start and deletes done requests after N days with a fixed clock, keeping open ones', async () => {
    const callbacks = await storeWithOpenAndDone();
    const logger = createMemoryLogger();
    let now = new Date(CREATED.getTime() + 6 * DAY);
    const job = startRetentionJob((at) => callbacks.deleteExpired(at, 7), {
      name: 'callback',
      retention: { retentionDays: 7 },
      now: () => now,
      logger,
      intervalMs: 60 * 60 * 1000,
    });
    try {
      expect(await job.firstRun).toBe(0);
      expect(await callbacks.get('DNE-222')).toBeDefined();
      now = new Date(CREATED.getTime() + 7 * DAY);
      expect(await job.runNow()).toBe(1);
      expect(await callbacks.get('DNE-222')).toBeUndefined();
      expect(await callbacks.get('OPN-222')).toMatchObject({ status: 'open', phone: '+32470123456' });
      expect(
        logger.lines
          .map((line) => JSON.parse(line))
          .filter((line) => line.event === 'callback.retention')
          .map((line) => line.deleted),
      ).toEqual([0, 1]);
      expect(logger.lines.join('\n')).not.toContain('470');
    } finally {
      await job.stop();
    }
  });

  it('logs a failing run with its code and keeps going', async () => {
    const failing = {
      deleteExpired: () => Promise.reject(Object.assign(new Error('disk full at /var/…'), { code: 'STORE_WRITE_FAILED' })),
    } as unknown as CallbackStore;
    const logger = createMemoryLogger();
    const job = startRetentionJob((at) => failing.deleteExpired(at, 30), {
      name: 'callback',
      retention: { retentionDays: 30 },
      logger,
      now: () => CREATED,
    });
    try {
      expect(await job.firstRun).toBe(0);
      const line = JSON.parse(logger.lines[0]!);
      expect(line).toMatchObject({ event: 'callback.retentionFailed', code: 'STORE_WRITE_FAILED' });
      expect(logger.lines[0]).not.toContain('disk full');
    } finally {
      await job.stop();
    }
  });

  it('retries a run that found the database out of reach, as a warning, and logs an error only at the third in a row', async () => {
    const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'STORAGE_UNAVAILABLE' });
    const outcomes: Array<number | Error> = [unreachable(), 2, unreachable(), unreachable(), unreachable()];
    const logger = createMemoryLogger();
    const retried = () => new Promise((resolve) => setTimeout(resolve, 40));
    const job = startRetentionJob(
      () => {
        const next = outcomes.shift() ?? 0;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      { name: 'botState', retention: { conversationDays: 1 }, logger, now: () => CREATED, retryMs: 10 },
    );
    const events = () => logger.lines.map((line) => JSON.parse(line) as { event: string; level: string; deleted?: number });
    try {
      await job.firstRun;
      await retried();
      expect(events().map(({ event, level }) => `${level} ${event}`)).toEqual([
        'warn botState.retentionDeferred',
        'info botState.retention',
      ]);
      expect(events()[1]!.deleted).toBe(2);
      // The success counted the unreachable runs from zero again: two more are warnings, the third in a row an error.
      await job.runNow();
      await retried();
      await retried();
      expect(
        events()
          .slice(2)
          .map(({ event, level }) => `${level} ${event}`),
      ).toEqual(['warn botState.retentionDeferred', 'warn botState.retentionDeferred', 'error botState.retentionFailed']);
      expect(logger.lines.join('\n')).not.toContain('ECONNREFUSED');
    } finally {
      await job.stop();
    }
  });
});
