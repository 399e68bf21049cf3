import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnBot } from '../support/botProcess.js';

const running: ChildProcess[] = [];
const sockets: net.Socket[] = [];
let dataDir: string | undefined;
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** `npm start` as a child process on its own port and data directory; resolves once it listens. */
async function startBot(directory: string, port: number) {
  const bot = spawnBot(port, { DATA_DIR: directory });
  running.push(bot.child);
  await bot.listening;
  return bot;
}

/** A client that sends a POST's headers and then one byte of its body a second, as a slow or hostile client would. */
function drippingPost(port: number): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
  const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 1000);
  socket.on('close', () => clearInterval(drip));
  return socket;
}

describe('shutdown', () => {
  it('ends within a few seconds of SIGTERM despite a client that drips its body, and releases DATA_DIR for the next process', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'assistent-shutdown-'));
    const port = await freePort();
    const first = await startBot(dataDir, port);
    // An idle keep-alive connection too, which must not hold the process either.
    const idle = net.connect(port, '127.0.0.1');
    sockets.push(idle);
    idle.on('error', () => undefined);
    idle.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    drippingPost(port);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sentAt = Date.now();
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 8000))]);
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(8000);
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);

    const second = await startBot(dataDir, port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }, 60_000);
});
