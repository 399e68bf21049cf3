/**
 * Turns per second over real HTTP on loopback: a bare echo bot and the assistant on the same
 * adapter, `deliveryMode: "expectReplies"`, 50 conversations at once, each sending its messages
 * one after another as a resident would. Each server runs in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { percentile } from '../nlu/evaluation.js';
import { createBenchDatabase } from './benchDatabase.js';

export interface TurnFigures {
  bot: string;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time the server processes spent per measured turn (Linux /proc; null elsewhere). Under a
   * loaded machine turns/s fall with the time slices the server gets; this much less so.
   */
  cpuMsPerTurn: number | null;
}

/** How much load one measurement puts on a server; `npm run bench -- --turns=N` makes a quick run. */
export interface TurnLoad {
  conversations: number;
  turnsPerConversation: number;
  warmupTurnsPerConversation: number;
}

export const DEFAULT_TURN_LOAD: TurnLoad = { conversations: 50, turnsPerConversation: 40, warmupTurnsPerConversation: 5 };

/** What one bench conversation says, turn after turn (repeating). */
export const BENCH_MESSAGES = ['hallo', 'wat zijn de openingsuren', 'ik wil iemand spreken', 'stop'];

export async function benchHttpTurns(kinds = ['echo', 'assistant'], turnLoad: TurnLoad = DEFAULT_TURN_LOAD): Promise<TurnFigures[]> {
  const figures: TurnFigures[] = [];
  for (const kind of kinds) figures.push(await measureInstances(kind, kind, 1, {}, turnLoad));
  return figures;
}

/**
 * The assistant on PostgreSQL (a bench database created and dropped here): one instance, then two
 * instances on the same database with every conversation's turns alternating between them, as a
 * load balancer without sticky sessions does. On this machine the load generator, the instances
 * and PostgreSQL share the same cores, so two instances show the cost of sharing, not a scale-out.
 */
export async function benchPostgresTurns(turnLoad: TurnLoad = DEFAULT_TURN_LOAD): Promise<TurnFigures[] | { skipped: string }> {
  const bench = await createBenchDatabase();
  if ('skipped' in bench) return bench;
  try {
    return [
      await measureInstances('assistant-postgres', 'assistant-postgres ×1', 1, { DATABASE_URL: bench.url }, turnLoad),
      await measureInstances('assistant-postgres', 'assistant-postgres ×2', 2, { DATABASE_URL: bench.url }, turnLoad),
    ];
  } finally {
    await bench.drop();
  }
}

/**
 * Starts `instances` servers of `kind` (bench/turnServer.ts) with `env` added to their environment,
 * warms them up, then measures. `BENCH_DATA_DIR` in `env` runs the assistant on that data directory.
 */
export async function measureInstances(
  kind: string,
  label: string,
  instances: number,
  env: Record<string, string> = {},
  turnLoad: TurnLoad = DEFAULT_TURN_LOAD,
): Promise<TurnFigures> {
  const servers: Array<{ child: ChildProcess; port: number }> = [];
  try {
    // One after the other: instances started together would only wait for each other's migrations.
    for (let index = 0; index < instances; index += 1) servers.push(await startServer(kind, env));
    const ports = servers.map((server) => server.port);
    const tag = label.replace(/[^a-z0-9]+/gi, '-');
    await load(ports, `warmup-${tag}`, turnLoad.conversations, turnLoad.warmupTurnsPerConversation);
    const cpuBefore = servers.map((server) => cpuMsOf(server.child.pid));
    const { latencies, seconds } = await load(ports, tag, turnLoad.conversations, turnLoad.turnsPerConversation);
    const cpuAfter = servers.map((server) => cpuMsOf(server.child.pid));
    const cpuMs = cpuAfter.reduce<number | null>((sum, after, index) => {
      const before = cpuBefore[index];
      return sum === null || after === null || before === null || before === undefined ? null : sum + after - before;
    }, 0);
    return {
      bot: label,
      turns: latencies.length,
      turnsPerSecond: Math.round(latencies.length / seconds),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      cpuMsPerTurn: cpuMs === null ? null : round(cpuMs / latencies.length),
    };
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)));
  }
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = once(child, 'exit');
  child.kill('SIGTERM');
  await ended;
}

export async function startServer(kind: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
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

/**
 * `conversations` residents at once, each sending `turnsPerConversation` messages one after another;
 * conversation c is `${label}-conversation-${c}` from `${label}-user-${c}` on webchat.
 * Turn t of conversation c goes to ports[(c + t) % ports.length].
 */
export async function load(ports: readonly number[], label: string, conversations: number, turnsPerConversation: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: conversations });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, conversation) => {
      for (let turn = 0; turn < turnsPerConversation; turn++) {
        const activity = {
          type: 'message',
          id: `${label}-${conversation}-${turn}`,
          text: BENCH_MESSAGES[turn % BENCH_MESSAGES.length],
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

/**
 * Posts one activity. A keep-alive socket that the server closed just as the request went out
 * fails with ECONNRESET before any answer: that request is sent once more (the bot answers a
 * resent activity id with its first answer, so a turn never runs twice).
 */
async function post(agent: Agent, port: number, body: unknown): Promise<void> {
  try {
    await postOnce(agent, port, body);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    await postOnce(agent, port, body);
  }
}

function postOnce(agent: Agent, port: number, body: unknown): Promise<void> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
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

/** Linux reports a process's user and system time in /proc/<pid>/stat, in clock ticks (100 per second). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process so far, in ms, or null where /proc cannot tell. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
