import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A port nothing listens on right now (main.ts logs the configured port, so port 0 will not do). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` (bot/main.ts) as a child process on 127.0.0.1:`port`, with `env` on top of this
 * process's environment. `listening` resolves once it says so, and fails when it ends before.
 */
export function spawnBot(port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('"event":"server.listening"')) resolve();
    });
    child.once('close', (code) => reject(new Error(`bot ended (${code}) before listening: ${output}`)));
  });
  return { child, listening, output: () => output };
}
