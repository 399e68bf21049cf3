import { describe, expect, it } from 'vitest';
import { SUBJECT_CHARACTERS } from '../../../services/callback/callbackSubject.js';
import { UNDO_WINDOW_MS } from '../../../services/callback/callbackStatus.js';
import type { CallbackStore, NewCallbackRequest } from '../../../stores/callbacks/callbackStore.js';

const AT = new Date('2026-03-02T09:00:00Z');

export function callbackRequest(requestId: string, overrides: Partial<NewCallbackRequest> = {}): NewCallbackRequest {
  return {
    requestId,
    phone: '+32470123456',
    preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' },
    topic: { intent: 'document.request', document: 'reispas' },
    excerpt: ['ik wil een reispas'],
    subject: 'Een reispas voor mijn zoon',
    language: 'nl',
    at: AT,
    ...overrides,
  };
}

export interface CallbackStores {
  store: CallbackStore;
  /** A second instance on the same data (another process on the same database, or the same document). */
  twin: CallbackStore;
}

/**
 * The CallbackStore contract, run against every implementation. `make` returns stores on fresh,
 * empty data; `references` (when given) are the references they hand out, in order.
 */
export function describeCallbackStore(name: string, make: (options: { references?: string[] }) => Promise<CallbackStores>): void {
  const store = async (references?: string[]) => (await make(references ? { references } : {})).store;

  describe(`${name} (CallbackStore contract)`, () => {
    it('creates a request once per requestId, with an open status in its history', async () => {
      const callbacks = await store();
      const first = await callbacks.create(callbackRequest('webchat:c1:a1'));
      const again = await callbacks.create(callbackRequest('webchat:c1:a1', { phone: '+3250123456' }));
      expect(first.created).toBe(true);
      expect(again).toEqual({ request: first.request, created: false });
      // What was asked is kept as it was asked; the moment it was asked becomes createdAt.
      const { at, ...asked } = callbackRequest('webchat:c1:a1');
      expect(first.request).toMatchObject({
        ...asked,
        createdAt: at.toISOString(),
        status: 'open',
        closedAt: null,
        history: [{ status: 'open', at: at.toISOString(), staffMember: 'assistant' }],
      });
      expect(await callbacks.listOpen()).toEqual([first.request]);
      expect(await callbacks.get(first.request.reference)).toEqual(first.request);
    });

    it('stores one request when the same requestId arrives at both instances at once', async () => {
      const { store: first, twin } = await make({});
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : twin).create(callbackRequest('webchat:c1:retried'))),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.request.reference)).size).toBe(1);
      expect(await first.listOpen()).toHaveLength(1);
    });

    it('keeps topics without intent or document', async () => {
      const callbacks = await store();
      const { request } = await callbacks.create(callbackRequest('a', { topic: { intent: null, document: null }, excerpt: [] }));
      expect(await callbacks.get(request.reference)).toMatchObject({ topic: { intent: null, document: null }, excerpt: [] });
    });

    it('gives every request a reference no other request has', async () => {
      const callbacks = await store(['KDR-482', 'KDR-482', 'KDR-482', 'MNP-234']);
      expect((await callbacks.create(callbackRequest('a'))).request.reference).toBe('KDR-482');
      expect((await callbacks.create(callbackRequest('b'))).request.reference).toBe('MNP-234');
    });

    it('lists open requests by preferred day, morning before afternoon, then the oldest first', async () => {
      const callbacks = await store(['CCC-222', 'AAA-222', 'BBB-222', 'DDD-222']);
      await callbacks.create(callbackRequest('1', { preferredMoment: { day: '2026-03-03', partOfDay: 'morning' } }));
      await callbacks.create(
        callbackRequest('2', { preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' }, at: new Date('2026-03-02T08:00:00Z') }),
      );
      await callbacks.create(callbackRequest('3', { preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' } }));
      await callbacks.create(callbackRequest('4', { preferredMoment: { day: '2026-03-02', partOfDay: 'morning' } }));
      expect((await callbacks.listOpen()).map((r) => r.reference)).toEqual(['DDD-222', 'AAA-222', 'BBB-222', 'CCC-222']);
    });

    it('records every status change with time and staff member; notReached stays open, reached and done close', async () => {
      const callbacks = await store(['KDR-482', 'MNP-234']);
      await callbacks.create(callbackRequest('a'));
      await callbacks.create(callbackRequest('b'));
      const notReached = await callbacks.setStatus('KDR-482', 'notReached', { at: new Date('2026-03-02T13:00:00Z'), staffMember: 'an' });
      expect(notReached).toMatchObject({ status: 'notReached', closedAt: null });
      expect((await callbacks.listOpen()).map((r) => r.reference)).toEqual(['KDR-482', 'MNP-234']);
      const reached = await callbacks.setStatus('KDR-482', 'reached', { at: new Date('2026-03-02T14:00:00Z'), staffMember: 'bo' });
      expect(reached.history).toEqual([
        { status: 'open', at: AT.toISOString(), staffMember: 'assistant' },
        { status: 'notReached', at: '2026-03-02T13:00:00.000Z', staffMember: 'an' },
        { status: 'reached', at: '2026-03-02T14:00:00.000Z', staffMember: 'bo' },
      ]);
      expect(reached.closedAt).toBe('2026-03-02T14:00:00.000Z');
      expect(await callbacks.get('KDR-482')).toEqual(reached);
      await callbacks.setStatus('MNP-234', 'done', { at: AT, staffMember: 'an' });
      expect(await callbacks.listOpen()).toEqual([]);
    });

    it('refuses a status change for an unknown or closed request', async () => {
      const callbacks = await store(['KDR-482']);
      await callbacks.create(callbackRequest('a'));
      await expect(callbacks.setStatus('XXX-999', 'done', { at: AT, staffMember: 'an' })).rejects.toMatchObject({
        code: 'CALLBACK_NOT_FOUND',
      });
      await callbacks.setStatus('KDR-482', 'done', { at: AT, staffMember: 'an' });
      await expect(callbacks.setStatus('KDR-482', 'reached', { at: AT, staffMember: 'an' })).rejects.toMatchObject({
        code: 'CALLBACK_CLOSED',
      });
      expect((await callbacks.get('KDR-482'))?.history.map((change) => change.status)).toEqual(['open', 'done']);
    });

    it('takes back a reached or done within the undo window: open again with the earlier status, and in the list', async () => {
      const callbacks = await store(['KDR-482', 'MNP-234']);
      await callbacks.create(callbackRequest('a'));
      await callbacks.create(callbackRequest('b'));
      await callbacks.setStatus('KDR-482', 'notReached', { at: new Date('2026-03-02T13:00:00Z'), staffMember: 'an' });
      await callbacks.setStatus('KDR-482', 'reached', { at: new Date('2026-03-02T14:00:00Z'), staffMember: 'an' });
      const undone = await callbacks.undoClose('KDR-482', { at: new Date('2026-03-02T14:00:08Z'), staffMember: 'an' });
      expect(undone).toMatchObject({ status: 'notReached', closedAt: null });
      expect(undone.history.at(-1)).toEqual({ status: 'notReached', at: '2026-03-02T14:00:08.000Z', staffMember: 'an' });
      expect(await callbacks.get('KDR-482')).toEqual(undone);
      await callbacks.setStatus('MNP-234', 'done', { at: AT, staffMember: 'bo' });
      expect((await callbacks.undoClose('MNP-234', { at: AT, staffMember: 'bo' })).status).toBe('open');
      expect((await callbacks.listOpen()).map((r) => r.reference).sort()).toEqual(['KDR-482', 'MNP-234']);
    });

    it('refuses to take back an open request, a cancelled one, one closed too long ago, or an unknown one', async () => {
      const callbacks = await store(['KDR-482', 'MNP-234', 'RTV-679']);
      await callbacks.create(callbackRequest('a'));
      await callbacks.create(callbackRequest('b'));
      await callbacks.create(callbackRequest('c'));
      const change = { at: AT, staffMember: 'an' };
      await expect(callbacks.undoClose('KDR-482', change)).rejects.toMatchObject({ code: 'CALLBACK_NOT_UNDOABLE' });
      await callbacks.cancelByResident('MNP-234', AT);
      await expect(callbacks.undoClose('MNP-234', change)).rejects.toMatchObject({ code: 'CALLBACK_NOT_UNDOABLE' });
      await callbacks.setStatus('RTV-679', 'done', change);
      const later = new Date(AT.getTime() + UNDO_WINDOW_MS + 1000);
      await expect(callbacks.undoClose('RTV-679', { at: later, staffMember: 'an' })).rejects.toMatchObject({
        code: 'CALLBACK_NOT_UNDOABLE',
      });
      expect((await callbacks.get('RTV-679'))?.status).toBe('done');
      await expect(callbacks.undoClose('XXX-999', change)).rejects.toMatchObject({ code: 'CALLBACK_NOT_FOUND' });
    });

    it('lets only one of two staff members at two instances close a request at the same moment', async () => {
      const { store: first, twin } = await make({ references: ['KDR-482'] });
      await first.create(callbackRequest('a'));
      const results = await Promise.allSettled([
        first.setStatus('KDR-482', 'reached', { at: AT, staffMember: 'an' }),
        twin.setStatus('KDR-482', 'done', { at: AT, staffMember: 'bo' }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CALLBACK_CLOSED' } });
      expect((await twin.get('KDR-482'))?.history).toHaveLength(2);
    });

    it('lets the resident cancel an open request once', async () => {
      const callbacks = await store(['KDR-482']);
      await callbacks.create(callbackRequest('a'));
      expect(await callbacks.cancelByResident('KDR-482', AT)).toBe('cancelled');
      expect(await callbacks.cancelByResident('KDR-482', AT)).toBe('alreadyClosed');
      expect(await callbacks.cancelByResident('MNP-234', AT)).toBe('notFound');
      expect(await callbacks.get('KDR-482')).toMatchObject({
        status: 'cancelledByResident',
        closedAt: AT.toISOString(),
        history: [
          { status: 'open', at: AT.toISOString(), staffMember: 'assistant' },
          { status: 'cancelledByResident', at: AT.toISOString(), staffMember: 'resident' },
        ],
      });
    });

    it('deletes requests retentionDays after they were closed, and never open ones', async () => {
      const callbacks = await store(['OPN-222', 'DNE-222', 'RCN-222', 'CNL-222']);
      for (const id of ['open', 'done', 'recent', 'cancelled']) await callbacks.create(callbackRequest(id));
      await callbacks.setStatus('DNE-222', 'done', { at: new Date('2026-03-02T10:00:00Z'), staffMember: 'an' });
      await callbacks.cancelByResident('CNL-222', new Date('2026-03-02T10:00:00Z'));
      await callbacks.setStatus('RCN-222', 'reached', { at: new Date('2026-03-20T10:00:00Z'), staffMember: 'an' });
      expect(await callbacks.deleteExpired(new Date('2026-04-01T09:59:00Z'), 30)).toBe(0);
      expect(await callbacks.deleteExpired(new Date('2026-04-01T10:00:00Z'), 30)).toBe(2);
      expect(await callbacks.get('DNE-222')).toBeUndefined();
      expect(await callbacks.get('CNL-222')).toBeUndefined();
      expect(await callbacks.get('RCN-222')).toBeDefined();
      expect(await callbacks.get('OPN-222')).toBeDefined();
      expect(await callbacks.deleteExpired(new Date('2027-01-01T00:00:00Z'), 30)).toBe(1);
      expect(await callbacks.get('OPN-222')).toMatchObject({ status: 'open' });
    });

    it('keeps of the conversation only what staff need: the last three lines, scrubbed and cut short', async () => {
      const callbacks = await store(['XRP-100']);
      const excerpt = ['hallo', 'ik wil een reispas', `mijn nummer is 0470 12 34 56, ${'ik heb haast en '.repeat(20)}`, '', 'dank u'];
      const { request } = await callbacks.create(callbackRequest('long', { excerpt }));
      const kept = (await callbacks.get('XRP-100'))!.excerpt;
      expect(request.excerpt).toEqual(kept);
      expect(kept).toHaveLength(3);
      expect(kept[0]).toBe('ik wil een reispas');
      expect(kept[1]).toMatch(/^mijn nummer is \[verwijderd\], ik heb haast/);
      expect(kept[1]!.length).toBeLessThanOrEqual(160);
      expect(kept[2]).toBe('dank u');
      expect(JSON.stringify(kept)).not.toContain('0470');
    });

    it('deletes the excerpt with its request', async () => {
      const callbacks = await store(['XRP-200']);
      await callbacks.create(callbackRequest('gone', { excerpt: ['mijn vraag over de afvalkalender'] }));
      await callbacks.setStatus('XRP-200', 'done', { at: AT, staffMember: 'an' });
      expect(await callbacks.deleteExpired(new Date(AT.getTime() + 30 * 24 * 60 * 60 * 1000), 30)).toBe(1);
      expect(await callbacks.get('XRP-200')).toBeUndefined();
      expect(JSON.stringify(await callbacks.listOpen())).not.toContain('afvalkalender');
    });

    it('keeps a request without a subject (the resident would rather say it on the phone) with subject null', async () => {
      const callbacks = await store(['SBJ-100', 'SBJ-200']);
      await callbacks.create(callbackRequest('skipped', { subject: null }));
      await callbacks.create(callbackRequest('blank', { subject: '   ' }));
      expect(await callbacks.get('SBJ-100')).toMatchObject({ subject: null });
      expect(await callbacks.get('SBJ-200')).toMatchObject({ subject: null });
      expect((await callbacks.listOpen()).map((request) => request.subject)).toEqual([null, null]);
    });

    it('keeps the subject short and scrubbed of personal data, whatever the caller passes', async () => {
      const callbacks = await store(['SBJ-300']);
      const subject = `mijn rijksregisternummer is 85.07.30-033.28 en  ${'ik heb een vraag over mijn verhuis '.repeat(10)}`;
      const { request } = await callbacks.create(callbackRequest('long', { subject }));
      const kept = (await callbacks.get('SBJ-300'))!.subject!;
      expect(request.subject).toBe(kept);
      expect(kept.length).toBeLessThanOrEqual(SUBJECT_CHARACTERS);
      expect(kept).toMatch(/^mijn rijksregisternummer is \[verwijderd\] en ik heb een vraag over mijn verhuis/);
      expect(kept.endsWith('…')).toBe(true);
      expect(kept).not.toContain('85.07');
    });

    it('deletes the subject with its request', async () => {
      const callbacks = await store(['SBJ-400']);
      await callbacks.create(callbackRequest('gone', { subject: 'vraag over de afvalkalender' }));
      await callbacks.cancelByResident('SBJ-400', AT);
      expect(await callbacks.deleteExpired(new Date(AT.getTime() + 30 * 24 * 60 * 60 * 1000), 30)).toBe(1);
      expect(await callbacks.get('SBJ-400')).toBeUndefined();
    });

    it('shares no objects with callers', async () => {
      const callbacks = await store(['KDR-482']);
      const { request } = await callbacks.create(callbackRequest('a'));
      request.excerpt.push('changed by caller');
      request.history.push({ status: 'done', at: AT.toISOString(), staffMember: 'x' });
      expect(await callbacks.get('KDR-482')).toMatchObject({ excerpt: ['ik wil een reispas'], history: [{ status: 'open' }] });
    });
  });
}
