/**
 * A CPU profile of the assistant's turns under the bench load: `tsx bench/profileTurns.ts [dir]`.
 * Starts bench/turnServer.ts with `node --cpu-prof`, sends the bench conversations (warm-up, then
 * the measured turns), stops the server and prints the functions with the most self time.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, stopServer } from './httpTurns.js';
import { DEFAULT_TURN_LOAD } from './turnRounds.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const directory = resolve(process.argv[2] ?? 'var/profiles');
mkdirSync(directory, { recursive: true });
const before = new Set(readdirSync(directory));
const child = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${directory}`, '--import', 'tsx', new URL('./turnServer.ts', import.meta.url).pathname, 'assistant'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
const port = Number(chunk.toString().trim());
const { conversations, turnsPerConversation, warmupTurnsPerConversation } = DEFAULT_TURN_LOAD;
await load([port], 'profile-warmup', conversations, warmupTurnsPerConversation);
// The profile's clock is the monotonic one hrtime reads: samples before this are start-up and warm-up.
const measuredFrom = Number(process.hrtime.bigint() / 1000n);
const { latencies, seconds } = await load([port], 'profile', conversations, turnsPerConversation);
const measuredTo = Number(process.hrtime.bigint() / 1000n);
await stopServer(child);
console.log(`${latencies.length} turns, ${Math.round(latencies.length / seconds)} turns/s while profiled`);

const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile') && !before.has(name));
if (!file) throw new Error(`no .cpuprofile appeared in ${directory}`);
const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const nameOf = (node: ProfileNode) => {
  const { functionName, url } = node.callFrame;
  const where = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(bot|dialogs|nlu|stores|services|bench)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where}`;
};
/** Where a function lives: its package, our source file, or the runtime's own name. */
const placeOf = (node: ProfileNode) => {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName || '(native)';
  const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  if (url.startsWith('node:')) return 'node (runtime)';
  return url.replace(/^file:\/\/.*?\/(bot|dialogs|nlu|stores|services|bench)\//, '$1/');
};
const selfByPlace = new Map<string, number>();
const selfTime = new Map<string, number>();
const totalTime = new Map<string, number>();
let counted = 0;
let at = profile.startTime;
profile.samples.forEach((id, index) => {
  at += profile.timeDeltas[index]!;
  if (at < measuredFrom || at > measuredTo) return;
  counted += 1;
  const leaf = byId.get(id)!;
  selfTime.set(nameOf(leaf), (selfTime.get(nameOf(leaf)) ?? 0) + 1);
  selfByPlace.set(placeOf(leaf), (selfByPlace.get(placeOf(leaf)) ?? 0) + 1);
  const onStack = new Set<string>();
  for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parentOf.get(node.id) ?? -1)) onStack.add(nameOf(node));
  for (const name of onStack) totalTime.set(name, (totalTime.get(name) ?? 0) + 1);
});
const top = (times: Map<string, number>, count: number) =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => `${((hits / counted) * 100).toFixed(1).padStart(5)}%  ${name}`);
console.log(`profile: ${join(directory, file)} (${counted} samples while measured)`);
console.log(`self time by package or source file, top 25:\n${top(selfByPlace, 25).join('\n')}`);
console.log(`self time, top 30:\n${top(selfTime, 30).join('\n')}`);
console.log(`total time (on the stack), top 60:\n${top(totalTime, 60).join('\n')}`);
