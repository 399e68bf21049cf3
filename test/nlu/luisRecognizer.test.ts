import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../bot/logger.js';
import { createLuisRecognizer, recognitionFromLuis } from '../../nlu/luisRecognizer.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';

const APP_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const API_KEY = 'test-key';

/** A v3 slot prediction answer as LUIS sends it (showAllIntents, list entity with verbose off). */
function predictionBody(query: string) {
  return {
    query,
    prediction: {
      topIntent: 'appointment.book',
      intents: { 'appointment.book': { score: 0.91 }, 'document.request': { score: 0.07 }, None: { score: 0.02 } },
      entities: { document: [['reispas']] },
    },
  };
}

type Mode = { kind: 'ok' } | { kind: 'status'; status: number } | { kind: 'slow'; delayMs: number } | { kind: 'garbage' };

let server: Server;
let endpoint: string;
let mode: Mode = { kind: 'ok' };
const requests: Array<{ url: string; key: string | undefined; body: unknown }> = [];

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = (await readBody(request)) as { query: string };
    const key = request.headers['ocp-apim-subscription-key'] as string | undefined;
    requests.push({ url: request.url ?? '', key, body });
    if (mode.kind === 'status') {
      const code = mode.status === 429 ? '429' : mode.status === 401 ? '401' : 'InternalServerError';
      return answer(response, mode.status, { error: { code, message: 'refused by the fake endpoint' } });
    }
    if (mode.kind === 'slow') {
      const { delayMs } = mode;
      setTimeout(() => {
        if (!response.destroyed) answer(response, 200, predictionBody(body.query));
      }, delayMs);
      return;
    }
    if (mode.kind === 'garbage') return answer(response, 200, { hello: 'world' });
    if (key !== API_KEY) return answer(response, 401, { error: { code: '401', message: 'Access denied' } });
    answer(response, 200, predictionBody(body.query));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mode = { kind: 'ok' };
  requests.length = 0;
});

const FALLBACK_ANSWER: Recognition = { intent: 'help', score: 0.42, entities: {} };

function fallbackRecognizer(): Recognizer & { calls: number } {
  const fake = {
    calls: 0,
    async recognize(): Promise<Recognition> {
      fake.calls += 1;
      return FALLBACK_ANSWER;
    },
  };
  return fake;
}

// Generous by default: on two busy shared cores a loopback answer can take longer than production's timeout.
function setup(timeoutMs = 5_000) {
  const logger = createMemoryLogger();
  const fallback = fallbackRecognizer();
  const recognizer = createLuisRecognizer({ appId: APP_ID, apiKey: API_KEY, endpoint, fallback, logger, timeoutMs });
  const events = () => logger.lines.map((line) => (JSON.parse(line) as { event: string }).event);
  return { recognizer, fallback, logger, events };
}

describe('createLuisRecognizer against a local v3 endpoint', () => {
  it('asks the production slot with the key and maps intent, runner-up and document', async () => {
    const { recognizer, fallback } = setup();
    const result = await recognizer.recognize('afspraak voor mijn reispas', 'nl');
    expect(result).toEqual({
      intent: 'appointment.book',
      score: 0.91,
      runnerUp: { intent: 'document.request', score: 0.07 },
      entities: { document: 'reispas' },
    });
    expect(fallback.calls).toBe(0);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toMatch(new RegExp(`^/luis/prediction/v3.0/apps/${APP_ID}/slots/production/predict\\?`));
    expect(requests[0]?.url).toContain('show-all-intents=true');
    expect(requests[0]?.key).toBe(API_KEY);
    expect(requests[0]?.body).toEqual({ query: 'afspraak voor mijn reispas' });
  });

  it.each([401, 429, 500])('answers with the fallback on HTTP %i without retrying', async (status) => {
    mode = { kind: 'status', status };
    const { recognizer, fallback, logger } = setup();
    expect(await recognizer.recognize('openingsuren', 'nl')).toEqual(FALLBACK_ANSWER);
    expect(fallback.calls).toBe(1);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(logger.lines[0] ?? '{}')).toMatchObject({ event: 'luis.unavailable', reason: 'http', status });
  });

  it('answers with the fallback when LUIS is slower than the timeout', async () => {
    mode = { kind: 'slow', delayMs: 2_000 };
    const { recognizer, fallback, logger } = setup(100);
    expect(await recognizer.recognize('openingsuren', 'nl')).toEqual(FALLBACK_ANSWER);
    expect(fallback.calls).toBe(1);
    expect(JSON.parse(logger.lines[0] ?? '{}')).toMatchObject({ event: 'luis.unavailable', reason: 'timeout' });
  });

  it('answers with the fallback when nothing listens', async () => {
    const logger = createMemoryLogger();
    const fallback = fallbackRecognizer();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const recognizer = createLuisRecognizer({
      appId: APP_ID,
      apiKey: API_KEY,
      endpoint: `http://127.0.0.1:${port}`,
      fallback,
      logger,
      timeoutMs: 500,
    });
    expect(await recognizer.recognize('hallo', 'nl')).toEqual(FALLBACK_ANSWER);
    expect(JSON.parse(logger.lines[0] ?? '{}')).toMatchObject({ event: 'luis.unavailable', reason: 'network' });
  });

  it('answers with the fallback when the answer is not a prediction', async () => {
    mode = { kind: 'garbage' };
    const { recognizer, fallback, events } = setup();
    expect(await recognizer.recognize('hallo', 'nl')).toEqual(FALLBACK_ANSWER);
    expect(fallback.calls).toBe(1);
    expect(events()).toEqual(['luis.unavailable']);
  });

  it('logs an outage once, its end once, and a new outage again', async () => {
    const { recognizer, fallback, events } = setup();
    await recognizer.recognize('hallo', 'nl');
    mode = { kind: 'status', status: 500 };
    await recognizer.recognize('hallo', 'nl');
    await recognizer.recognize('hallo', 'nl');
    await recognizer.recognize('hallo', 'nl');
    expect(events()).toEqual(['luis.unavailable']);
    mode = { kind: 'ok' };
    expect((await recognizer.recognize('afspraak voor mijn reispas', 'nl')).intent).toBe('appointment.book');
    await recognizer.recognize('hallo', 'nl');
    mode = { kind: 'status', status: 429 };
    await recognizer.recognize('hallo', 'nl');
    expect(events()).toEqual(['luis.unavailable', 'luis.recovered', 'luis.unavailable']);
    expect(fallback.calls).toBe(4);
  });

  it('never logs what the resident wrote', async () => {
    mode = { kind: 'status', status: 500 };
    const { recognizer, logger } = setup();
    await recognizer.recognize('mijn nummer is 0470 12 34 56', 'nl');
    expect(logger.lines.join('\n')).not.toContain('0470');
  });
});

describe('recognitionFromLuis', () => {
  const prediction = (topIntent: string, intents: Record<string, number>, entities: Record<string, unknown> = {}) => ({
    topIntent,
    intents: Object.fromEntries(Object.entries(intents).map(([name, score]) => [name, { score }])),
    entities,
  });

  it('maps None and unknown intent names to none', () => {
    expect(recognitionFromLuis(prediction('None', { None: 0.8, greeting: 0.1 }))).toEqual({
      intent: 'none',
      score: 0.8,
      runnerUp: { intent: 'greeting', score: 0.1 },
      entities: {},
    });
    expect(recognitionFromLuis(prediction('Weather.GetForecast', { 'Weather.GetForecast': 0.9 })).intent).toBe('none');
  });

  it('reads differently spelled names and an explicit name table', () => {
    expect(recognitionFromLuis(prediction('Appointment_Cancel', { Appointment_Cancel: 0.7 })).intent).toBe('appointment.cancel');
    const mapped = recognitionFromLuis(prediction('Afspraak', { Afspraak: 0.6, Uren: 0.3 }), {
      Afspraak: 'appointment.book',
      Uren: 'info.hours',
    });
    expect(mapped).toMatchObject({ intent: 'appointment.book', score: 0.6, runnerUp: { intent: 'info.hours', score: 0.3 } });
  });

  it('takes the document from the list entity and ignores ids outside the contract', () => {
    expect(recognitionFromLuis(prediction('document.request', { 'document.request': 0.9 }, { document: [['kids-id']] })).entities).toEqual({
      document: 'kids-id',
    });
    expect(recognitionFromLuis(prediction('document.request', { 'document.request': 0.9 }, { document: ['rijbewijs'] })).entities).toEqual({
      document: 'rijbewijs',
    });
    expect(
      recognitionFromLuis(prediction('document.request', { 'document.request': 0.9 }, { document: [['bouwvergunning']] })).entities,
    ).toEqual({});
  });
});
