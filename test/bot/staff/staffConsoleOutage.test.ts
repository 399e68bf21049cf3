import { afterEach, describe, expect, it } from 'vitest';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../../stores/callbacks/embeddedCallbackStore.js';
import { storageUnavailable } from '../../../stores/storeErrors.js';
import { login, send, startStaffServer } from './staffFixtures.js';

let server: Awaited<ReturnType<typeof startStaffServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the staff console while the database is down', () => {
  it('answers the list with one JSON error body: 503 storage_unavailable with Retry-After', async () => {
    const callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT));
    callbacks.listOpen = async () => {
      throw storageUnavailable('assistent', 'ECONNREFUSED');
    };
    server = await startStaffServer(callbacks);
    const cookie = await login(server.baseUrl);
    const answer = await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({ error: { code: 'storage_unavailable', message: expect.any(String) } });
    expect(JSON.stringify(answer.body)).not.toContain('ECONNREFUSED');
  });

  it('answers a status change with 503 storage_unavailable too, and changes nothing', async () => {
    const callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT));
    callbacks.setStatus = async () => {
      throw storageUnavailable('assistent', 'ECONNREFUSED');
    };
    server = await startStaffServer(callbacks);
    const cookie = await login(server.baseUrl);
    const answer = await send(server.baseUrl, 'POST', '/api/staff/callbacks/KDR-482/status', { json: { status: 'done' }, cookie });
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: { code: 'storage_unavailable', message: expect.any(String) } });
  });

  it('answers any other failure with one JSON 500 body that shows nothing of the error', async () => {
    const callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT));
    callbacks.listOpen = async () => {
      throw new Error('relation "callback_requests" does not exist');
    };
    server = await startStaffServer(callbacks);
    const cookie = await login(server.baseUrl);
    const answer = await send(server.baseUrl, 'GET', '/api/staff/callbacks', { cookie });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
});
