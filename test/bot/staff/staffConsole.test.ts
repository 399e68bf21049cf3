import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS } from '../../../services/callback/callbackStatus.js';
import type { CallbackStore } from '../../../stores/callbacks/callbackStore.js';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../../stores/callbacks/embeddedCallbackStore.js';
import { login, send, startStaffServer, STAFF_PASSWORD } from './staffFixtures.js';

const NOW = new Date('2026-03-02T13:15:00Z');
let callbacks: CallbackStore;
let server: Awaited<ReturnType<typeof startStaffServer>>;

beforeEach(async () => {
  const references = ['KDR-482', 'MNP-234'];
  callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT), { newReference: () => references.shift()! });
  for (const [requestId, day, subject] of [
    ['later', '2026-03-03', null],
    ['sooner', '2026-03-02', 'Een reispas voor mijn zoon van 8'],
  ] as const) {
    await callbacks.create({
      requestId,
      phone: '+32470123456',
      preferredMoment: { day, partOfDay: 'morning' },
      topic: { intent: 'document.request', document: 'reispas' },
      excerpt: ['ik wil een reispas'],
      subject,
      language: 'nl',
      at: new Date('2026-03-02T09:00:00Z'),
    });
  }
  server = await startStaffServer(callbacks, { now: () => NOW });
});
afterEach(() => server.close());

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } }).error?.code;
}

describe('staff console API', () => {
  it('answers 401 on every /api/staff route without a valid session', async () => {
    for (const [method, path] of [
      ['GET', '/api/staff/callbacks'],
      ['POST', '/api/staff/callbacks/KDR-482/status'],
      ['POST', '/api/staff/callbacks/KDR-482/undo'],
      ['POST', '/api/staff/logout'],
    ] as const) {
      const answer = await send(server.baseUrl, method, path, {
        json: method === 'POST' ? { status: 'done' } : undefined,
        cookie: 'staff_session=made-up',
      });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(errorCode(answer.body)).toBe('unauthorized');
    }
    expect((await callbacks.get('KDR-482'))?.status).toBe('open');
  });

  it('signs in with an http-only cookie and lists open requests by preferred moment, with phone and history', async () => {
    const answer = await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'An', password: STAFF_PASSWORD } });
    expect(answer.status).toBe(200);
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^staff_session=[\w-]{20,}; Path=\/api\/staff; HttpOnly; SameSite=Strict/);
    const list = await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie: cookie.split(';')[0] });
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const body = list.body as {
      staffMember: string;
      callbacks: { reference: string; phone: string; topic: unknown; excerpt: string[]; subject: string | null; history: unknown[] }[];
    };
    expect(body.staffMember).toBe('an');
    expect(body.callbacks.map((callback) => callback.reference)).toEqual(['MNP-234', 'KDR-482']);
    expect(body.callbacks[0]).toMatchObject({
      phone: '+32470123456',
      topic: { intent: 'document.request', document: 'reispas' },
      excerpt: ['ik wil een reispas'],
      subject: 'Een reispas voor mijn zoon van 8',
      status: 'open',
      attempts: 0,
      history: [{ status: 'open', staffMember: 'assistant' }],
    });
    // Staff read before they call what the resident said it is about; null when it was kept for the phone.
    expect(body.callbacks.map((callback) => callback.subject)).toEqual(['Een reispas voor mijn zoon van 8', null]);
  });

  it('records status changes with time and staff member: notReached stays flagged, reached leaves the list', async () => {
    const cookie = await login(server.baseUrl);
    const notReached = await send(server.baseUrl, 'POST', '/api/staff/callbacks/KDR-482/status', {
      json: { status: 'notReached' },
      cookie,
    });
    expect(notReached.status).toBe(200);
    // "Niet bereikt" closes nothing: there is nothing to take back.
    expect((notReached.body as { undoableForMs: number }).undoableForMs).toBe(0);
    let list = (await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie })).body as {
      callbacks: { reference: string; attempts: number }[];
    };
    expect(list.callbacks.find((callback) => callback.reference === 'KDR-482')?.attempts).toBe(1);
    const reached = await send(server.baseUrl, 'POST', '/api/staff/callbacks/kdr-482/status', { json: { status: 'reached' }, cookie });
    expect(reached.status).toBe(200);
    expect((reached.body as { callback: { history: unknown[] } }).callback.history).toEqual([
      { status: 'open', at: '2026-03-02T09:00:00.000Z', staffMember: 'assistant' },
      { status: 'notReached', at: NOW.toISOString(), staffMember: 'an' },
      { status: 'reached', at: NOW.toISOString(), staffMember: 'an' },
    ]);
    list = (await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie })).body as typeof list;
    expect(list.callbacks.map((callback) => callback.reference)).toEqual(['MNP-234']);
    const again = await send(server.baseUrl, 'POST', '/api/staff/callbacks/KDR-482/status', { json: { status: 'done' }, cookie });
    expect(again.status).toBe(409);
    const logs = server.logger.lines.join('\n');
    expect(logs).toContain('"reference":"KDR-482"');
    expect(logs).not.toContain('470');
  });

  it('takes back "Afgehandeld" on the server: the request is open and listed again; an open one cannot be taken back', async () => {
    const cookie = await login(server.baseUrl);
    expect((await send(server.baseUrl, 'POST', '/api/staff/callbacks/MNP-234/undo', { cookie })).status).toBe(409);
    const done = await send(server.baseUrl, 'POST', '/api/staff/callbacks/MNP-234/status', { json: { status: 'done' }, cookie });
    expect(done.status).toBe(200);
    // The page shows "Ongedaan maken" for the store's whole undo window, told by the server.
    expect((done.body as { undoableForMs: number }).undoableForMs).toBe(UNDO_WINDOW_MS);
    expect((await callbacks.get('MNP-234'))?.status).toBe('done');
    const undone = await send(server.baseUrl, 'POST', '/api/staff/callbacks/mnp-234/undo', { cookie });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ callback: { status: 'open' }, undoableForMs: 0 });
    expect((await callbacks.get('MNP-234'))?.closedAt).toBeNull();
    const list = (await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie })).body as { callbacks: { reference: string }[] };
    expect(list.callbacks.map((callback) => callback.reference)).toContain('MNP-234');
    const twice = await send(server.baseUrl, 'POST', '/api/staff/callbacks/MNP-234/undo', { cookie });
    expect(errorCode(twice.body)).toBe('callback_not_undoable');
    expect(errorCode((await send(server.baseUrl, 'POST', '/api/staff/callbacks/XXX-999/undo', { cookie })).body)).toBe(
      'callback_not_found',
    );
  });

  it('answers 400 with a short reason for bad input and 404 for an unknown reference', async () => {
    const cookie = await login(server.baseUrl);
    const path = '/api/staff/callbacks/KDR-482/status';
    const badStatus = await send(server.baseUrl, 'POST', path, { json: { status: 'open' }, cookie });
    expect(badStatus.status).toBe(400);
    expect(errorCode(badStatus.body)).toBe('status_invalid');
    const noJson = await send(server.baseUrl, 'POST', path, { json: { status: 'done' }, cookie, contentType: 'text/plain' });
    expect(noJson.status).toBe(415);
    const noPassword = await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an' } });
    expect(noPassword.status).toBe(400);
    expect(errorCode(noPassword.body)).toBe('credentials_missing');
    for (const reference of ['XXX-999', 'not-a-reference']) {
      const unknown = await send(server.baseUrl, 'POST', `/api/staff/callbacks/${reference}/status`, { json: { status: 'done' }, cookie });
      expect(unknown.status).toBe(404);
      expect(errorCode(unknown.body)).toBe('callback_not_found');
    }
    expect((await callbacks.get('KDR-482'))?.status).toBe('open');
  });

  it('limits failed logins of one account from one address with 429 and Retry-After, and lets it in again later', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an', password: 'fout' } })).status).toBe(401);
    }
    const limited = await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an', password: STAFF_PASSWORD } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorCode(limited.body)).toBe('too_many_attempts');
    // The same address may still sign in to another account, and another address to this one.
    expect((await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'bo', password: 'wachtwoord van bo' } })).status).toBe(
      200,
    );
    const elsewhere = await send(server.baseUrl, 'POST', '/api/staff/login', {
      json: { name: 'an', password: STAFF_PASSWORD },
      localAddress: '127.0.0.2',
    });
    expect(elsewhere.status).toBe(200);
    server.advanceLimiterClock(15 * 60 * 1000 + 1);
    expect((await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an', password: STAFF_PASSWORD } })).status).toBe(200);
  });

  it('cannot be used to lock a staff member out: failures count per address and account, so the real user gets in from elsewhere', async () => {
    // Someone who knows the name "an" keeps guessing from one address, again and again.
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await send(server.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an', password: 'fout' }, localAddress: '127.0.0.2' });
      }
      const guessing = await send(server.baseUrl, 'POST', '/api/staff/login', {
        json: { name: 'an', password: STAFF_PASSWORD },
        localAddress: '127.0.0.2',
      });
      expect(guessing.status).toBe(429);
      expect(guessing.headers['retry-after']).toBeDefined();
      // An herself, from her own desk, is never held up by it.
      const an = await send(server.baseUrl, 'POST', '/api/staff/login', {
        json: { name: 'an', password: STAFF_PASSWORD },
        localAddress: '127.0.0.5',
      });
      expect(an.status).toBe(200);
    }
    const logs = server.logger.lines.join('\n');
    expect(logs).not.toContain('fout');
    expect(logs).not.toContain(STAFF_PASSWORD);
  });

  it('limits one address that tries many accounts', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const name = `naam${attempt}`;
      const answer = await send(server.baseUrl, 'POST', '/api/staff/login', {
        json: { name, password: 'fout' },
        localAddress: '127.0.0.3',
      });
      expect(answer.status).toBe(attempt < 6 ? 401 : 429);
    }
    expect(
      (
        await send(server.baseUrl, 'POST', '/api/staff/login', {
          json: { name: 'bo', password: 'wachtwoord van bo' },
          localAddress: '127.0.0.3',
        })
      ).status,
    ).toBe(429);
    expect(
      (
        await send(server.baseUrl, 'POST', '/api/staff/login', {
          json: { name: 'bo', password: 'wachtwoord van bo' },
          localAddress: '127.0.0.4',
        })
      ).status,
    ).toBe(200);
  });

  it('logs out: the session no longer works', async () => {
    const cookie = await login(server.baseUrl);
    const logout = await send(server.baseUrl, 'POST', '/api/staff/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers['set-cookie']?.[0]).toContain('Max-Age=0');
    expect((await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie })).status).toBe(401);
  });

  it('serves the page in Dutch with a strict content security policy', async () => {
    const page = await send(server.baseUrl, 'GET', '/staff');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(page.body)).toContain('<html lang="nl" data-texts="{&quot;page&quot;');
    expect((await send(server.baseUrl, 'GET', '/staff/staff.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await send(server.baseUrl, 'GET', '/staff/staff.css')).headers['content-type']).toMatch(/^text\/css/);
  });
});
