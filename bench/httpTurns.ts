/**
 * Turns per second over real HTTP on loopback: a bare echo bot and the assistant on the same
 * adapter, `deliveryMode: "expectReplies"`, 50 conversations at once, each sending its messages
 * one after another as a resident would. Each server runs in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { once } from 'node:events';
import { percentile } from '../nlu/evaluation.js';
import { createBenchDatabase } from './benchDatabase.js';

export interface TurnFigures {
  bot: string;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const CONVERSATIONS = 50;
const TURNS_PER_CONVERSATION = 40;
const WARMUP_TURNS_PER_CONVERSATION = 5;
const MESSAGES = ['hallo', 'wat zijn de openingsuren', 'ik wil iemand spreken', 'stop'];

export async function benchHttpTurns(kinds = ['echo', 'assistant']): Promise<TurnFigures[]> {
  const figures: TurnFigures[] = [];
  for (const kind of kinds) figures.push(await measureInstances(kind, kind, 1));
  return figures;
}

/**
 * The assistant on PostgreSQL (a bench database created and dropped here): one instance, then two
 * instances on the same database with every conversation's turns alternating between them, as a
 * load balancer without sticky sessions does. On this machine the load generator, the instances
 * and PostgreSQL share the same cores, so two instances show the cost of sharing, not a scale-out.
 */
export async function benchPostgresTurns(): Promise<TurnFigures[] | { skipped: string }> {
  const bench = await createBenchDatabase();
  if ('skipped' in bench) return bench;
  try {
    return [
      await measureInstances('assistant-postgres', 'assistant-postgres ×1', 1, { DATABASE_URL: bench.url }),
      await measureInstances('assistant-postgres', 'assistant-postgres ×2', 2, { DATABASE_URL: bench.url }),
    ];
  } finally {
    await bench.drop();
  }
}

async function measureInstances(kind: string, label: string, instances: number, env: Record<string, string> = {}): Promise<TurnFigures> {
  const servers: Array<{ child: ChildProcess; port: number }> = [];
  try {
    // One after the other: instances started together would only wait for each other's migrations.
    for (let index = 0; index < instances; index += 1) servers.push(await startServer(kind, env));
    const ports = servers.map((server) => server.port);
    const tag = label.replace(/[^a-z0-9]+/gi, '-');
    await load(ports, `warmup-${tag}`, WARMUP_TURNS_PER_CONVERSATION);
    const { latencies, seconds } = await load(ports, tag, TURNS_PER_CONVERSATION);
    return {
      bot: label,
      turns: latencies.length,
      turnsPerSecond: Math.round(latencies.length / seconds),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
    };
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = once(child, 'exit');
  child.kill('SIGTERM');
  await ended;
}

async function startServer(kind: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./turnServer.ts', import.meta.url).pathname, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const [chunk] = (await Promise.race([
    once(child.stdout!, 'data'),
    once(child, 'exit').then(() => {
      throw new Error(`bench server ${kind} exited before listening`);
    }),
  ])) as [Buffer];
  return { child, port: Number(chunk.toString().trim()) };
}

/** Turn t of conversation c goes to ports[(c + t) % ports.length]. */
async function load(ports: readonly number[], label: string, turnsPerConversation: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONVERSATIONS });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
      for (let turn = 0; turn < turnsPerConversation; turn++) {
        const activity = {
          type: 'message',
          id: `${label}-${conversation}-${turn}`,
          text: MESSAGES[turn % MESSAGES.length],
          channelId: 'webchat',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          from: { id: `${label}-user-${conversation}`, role: 'user' },
          recipient: { id: 'bot', role: 'bot' },
          conversation: { id: `${label}-conversation-${conversation}` },
          locale: 'nl-BE',
        };
        const sent = performance.now();
        await post(agent, ports[(conversation + turn) % ports.length]!, activity);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  agent.destroy();
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

function post(agent: Agent, port: number, body: unknown): Promise<void> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
