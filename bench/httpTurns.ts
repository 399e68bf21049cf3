/**
 * Turns per second over real HTTP on loopback: a bare echo bot and the assistant on the same
 * adapter, `deliveryMode: "expectReplies"`, 50 conversations at once, each sending its messages
 * one after another as a resident would. Each server runs in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { once } from 'node:events';
import { percentile } from '../nlu/evaluation.js';

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
  for (const kind of kinds) {
    const server = await startServer(kind);
    try {
      await load(server.port, `warmup-${kind}`, WARMUP_TURNS_PER_CONVERSATION);
      const { latencies, seconds } = await load(server.port, kind, TURNS_PER_CONVERSATION);
      figures.push({
        bot: kind,
        turns: latencies.length,
        turnsPerSecond: Math.round(latencies.length / seconds),
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
      });
    } finally {
      server.child.kill();
    }
  }
  return figures;
}

async function startServer(kind: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./turnServer.ts', import.meta.url).pathname, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await Promise.race([
    once(child.stdout!, 'data'),
    once(child, 'exit').then(() => {
      throw new Error(`bench server ${kind} exited before listening`);
    }),
  ])) as [Buffer];
  return { child, port: Number(chunk.toString().trim()) };
}

async function load(port: number, label: string, turnsPerConversation: number) {
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
        await post(agent, port, activity);
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
