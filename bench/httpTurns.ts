/**
 * Turns per second over real HTTP on loopback: a bare echo bot and the assistant on the same
 * adapter, `deliveryMode: "expectReplies"`, 50 conversations at once, each sending its messages
 * one after another as a resident would. Each server runs in its own process. The configurations
 * of a section are all started and warmed up first, then measured in rotating rounds (turnRounds.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBenchDatabase } from './benchDatabase.js';
import { DEFAULT_TURN_LOAD, measureInRounds, type RoundTarget, type TurnFigures, type TurnLoad } from './turnRounds.js';

/** What one bench conversation says, turn after turn (repeating). */
export const BENCH_MESSAGES = ['hallo', 'wat zijn de openingsuren', 'ik wil iemand spreken', 'stop'];

/** One configuration of a section: `instances` servers of `kind` (bench/turnServer.ts) with `env` added to their environment. */
export interface TurnConfiguration {
  kind: string;
  label: string;
  /** Servers of the configuration; turn t of conversation c goes to server (c + t) % instances. Default 1. */
  instances?: number;
  /** `BENCH_DATA_DIR` runs the assistant on that data directory. */
  env?: Record<string, string>;
}

/** The baseline every section measures in its own rounds: a bot that only echoes, on the same adapter. */
export const ECHO: TurnConfiguration = { kind: 'echo', label: 'echo' };

/** A section's figures with the echo measured in the same rounds. */
export interface WithEcho<Figures extends TurnFigures = TurnFigures> {
  echo: TurnFigures;
  figures: Figures[];
}

/** Echo and the assistant on a fresh embedded store, echo first. */
export async function benchHttpTurns(turnLoad: TurnLoad = DEFAULT_TURN_LOAD): Promise<TurnFigures[]> {
  return measureConfigurations([ECHO, { kind: 'assistant', label: 'assistant' }], turnLoad);
}

/**
 * The assistant on PostgreSQL (a bench database created and dropped here): one instance, and two
 * instances on the same database with every conversation's turns alternating between them, as a
 * load balancer without sticky sessions does. On this machine the load generator, the instances
 * and PostgreSQL share the same cores, so two instances show the cost of sharing, not a scale-out.
 */
export async function benchPostgresTurns(turnLoad: TurnLoad = DEFAULT_TURN_LOAD): Promise<WithEcho | { skipped: string }> {
  const bench = await createBenchDatabase();
  if ('skipped' in bench) return bench;
  try {
    const env = { DATABASE_URL: bench.url };
    const [echo, ...figures] = await measureConfigurations(
      [
        ECHO,
        { kind: 'assistant-postgres', label: 'assistant-postgres ×1', env },
        { kind: 'assistant-postgres', label: 'assistant-postgres ×2', instances: 2, env },
      ],
      turnLoad,
    );
    return { echo: echo!, figures };
  } finally {
    await bench.drop();
  }
}

/**
 * Starts every configuration's servers (one after the other: servers started together would only
 * wait for each other's migrations), warms each configuration up, waits until the servers are idle,
 * then measures all of them in rotating rounds. Figures in the order of `configurations`.
 */
export async function measureConfigurations(configurations: readonly TurnConfiguration[], turnLoad: TurnLoad): Promise<TurnFigures[]> {
  const servers: ChildProcess[] = [];
  const agents: Agent[] = [];
  try {
    const targets: Array<RoundTarget & { warmUp(): Promise<unknown> }> = [];
    for (const configuration of configurations) {
      const own: Array<{ child: ChildProcess; port: number }> = [];
      for (let index = 0; index < (configuration.instances ?? 1); index += 1) {
        const server = await startServer(configuration.kind, configuration.env);
        servers.push(server.child);
        own.push(server);
      }
      // One agent per configuration for all its rounds: the conversations keep their connections, as between turns.
      const agent = new Agent({ keepAlive: true, maxSockets: turnLoad.conversations });
      agents.push(agent);
      const ports = own.map((server) => server.port);
      const tag = configuration.label.replace(/[^a-z0-9]+/gi, '-');
      targets.push({
        label: configuration.label,
        warmUp: () => load(ports, `warmup-${tag}`, turnLoad.conversations, turnLoad.warmupTurnsPerConversation, { agent }),
        run: async (firstTurn, turns) => (await load(ports, tag, turnLoad.conversations, turns, { firstTurn, agent })).latencies,
        cpuMs: () => totalCpuMs(own.map((server) => server.child)),
      });
    }
    for (const target of targets) await target.warmUp();
    await untilIdle(servers);
    return await measureInRounds(targets, turnLoad);
  } finally {
    for (const agent of agents) agent.destroy();
    await Promise.all(servers.map((child) => stopServer(child)));
  }
}

/** Longest wait for the servers to go idle before the rounds. */
const IDLE_WAIT_MS = 20_000;
const IDLE_POLL_MS = 250;
/** CPU time of all servers together in one poll below which they count as idle: one /proc clock tick. */
const IDLE_CPU_MS = 10;

/**
 * Waits until the servers together use at most one clock tick of CPU in a quarter second (or for
 * IDLE_WAIT_MS at most), so work left over from start-up and warm-up, such as a store's first
 * sweep over the stored conversations, does not fall into the first round.
 */
async function untilIdle(servers: readonly ChildProcess[]): Promise<void> {
  const deadline = performance.now() + IDLE_WAIT_MS;
  let before = totalCpuMs(servers);
  while (before !== null && performance.now() < deadline) {
    await sleep(IDLE_POLL_MS);
    const now = totalCpuMs(servers);
    if (now === null || now - before <= IDLE_CPU_MS) return;
    before = now;
  }
}

function totalCpuMs(servers: readonly ChildProcess[]): number | null {
  let total = 0;
  for (const child of servers) {
    const cpuMs = cpuMsOf(child.pid);
    if (cpuMs === null) return null;
    total += cpuMs;
  }
  return total;
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
 * `conversations` residents at once, each sending `turnsPerConversation` messages one after another:
 * turns `firstTurn` … `firstTurn + turnsPerConversation - 1` (default from the first), so a later
 * call with the same label goes on with the same conversations. Conversation c is
 * `${label}-conversation-${c}` from `${label}-user-${c}` on webchat; turn t of conversation c goes to
 * ports[(c + t) % ports.length]. Without an `agent` of the caller's, one is made and closed here.
 */
export async function load(
  ports: readonly number[],
  label: string,
  conversations: number,
  turnsPerConversation: number,
  options: { firstTurn?: number; agent?: Agent } = {},
) {
  const { firstTurn = 0 } = options;
  const agent = options.agent ?? new Agent({ keepAlive: true, maxSockets: conversations });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, conversation) => {
      for (let turn = firstTurn; turn < firstTurn + turnsPerConversation; turn++) {
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
  if (!options.agent) agent.destroy();
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
