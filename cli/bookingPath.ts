/**
 * How far one booking reads through the code: `npm run booking-path [-- --json]`.
 * Builds the whole app as `npm start` does (fresh embedded data directory, the offline recognizer,
 * the real texts), lets it listen on loopback, and plays one booking over `POST /api/messages`
 * (webchat, expectReplies): greeting → appointment → service → slot → name → e-mail → yes.
 * V8 precise coverage (node:inspector) is reset once the app listens, so the files listed are
 * those of the application's source folders whose functions ran during the booking's turns, not at
 * start-up. The measuring driver's own files (this one and cli/residentMessage.ts, which builds the
 * posted activity on the client's side) are left out: they run in the same process but are not on
 * a resident's path, and before cli/residentMessage.ts existed the driver built the activity in
 * this file, which was never counted either. Then the longest
 * functions of the source tree and the import cycles dependency-cruiser finds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { createApp } from '../bot/app.js';
import { readConfig } from '../bot/config.js';
import { createI18n } from '../bot/i18n.js';
import { silentLogger } from '../bot/logger.js';
import { BOOKING_CODE_PATTERN } from '../services/appointments/bookingCode.js';
import { residentMessage } from './residentMessage.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The folders of the application's own code (tests, benchmarks and CLIs are not on a resident's path). */
const SOURCE_FOLDERS = ['bot', 'domain', 'dialogs', 'services', 'stores', 'nlu', 'teams', 'types'];

/** One resident turn: what is typed, and the text (a locale key in Dutch) the answer must contain. */
const BOOKING: ReadonlyArray<{ text: string; expect: string }> = [
  { text: 'hallo', expect: '' },
  { text: 'ik wil een afspraak maken', expect: 'appointments:service.question' },
  { text: 'rijbewijs', expect: '' },
  { text: '1', expect: 'appointments:name.question' },
  { text: 'An Peeters', expect: 'appointments:contact.question' },
  { text: 'an.peeters@voorbeeld.be', expect: 'appointments:confirm.question' },
  { text: 'ja', expect: 'appointments:booked.title' },
];

interface ScriptCoverage {
  url: string;
  functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
}

/** The repository files whose functions ran during one booking, relative to the root, sorted. */
async function bookingFiles(): Promise<string[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'booking-path-'));
  const app = await createApp(readConfig({ DATA_DIR: dataDir }), silentLogger);
  try {
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const { port } = app.server.address() as AddressInfo;
    // With callCount, taking the coverage resets the counts: what follows counts the booking only.
    await session.post('Profiler.takePreciseCoverage');
    await playBooking(`http://127.0.0.1:${port}/api/messages`);
    const { result } = (await session.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
    // Only the application's own folders count: the driver's files run too (this one, and
    // cli/residentMessage.ts building the activity the client posts), but no resident's turn runs them.
    return result
      .filter((script) => script.url.startsWith('file://') && script.functions.some((fn) => fn.ranges[0]!.count > 0))
      .map((script) => relative(ROOT, fileURLToPath(script.url)))
      .filter((path) => SOURCE_FOLDERS.some((folder) => path.startsWith(`${folder}/`)))
      .sort();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    session.disconnect();
  }
}

/** Plays BOOKING; throws when an answer lacks its expected text, or the last one has no booking code. */
async function playBooking(url: string): Promise<void> {
  const i18n = createI18n();
  let last = '';
  for (const [index, turn] of BOOKING.entries()) {
    const activity = residentMessage({
      id: `booking-path-${index}`,
      text: turn.text,
      from: 'booking-path-resident',
      conversation: 'booking-path',
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status !== 200) throw new Error(`turn ${index}: status ${response.status}`);
    last = await response.text();
    const expected = turn.expect && i18n.t(turn.expect, { lng: 'nl' });
    if (expected && !last.includes(JSON.stringify(expected).slice(1, -1)))
      throw new Error(`turn ${index} ("${turn.text}"): no ${turn.expect}`);
  }
  if (!new RegExp(BOOKING_CODE_PATTERN).test(last)) throw new Error('the last answer has no booking code');
}

interface FunctionLength {
  name: string;
  file: string;
  line: number;
  lines: number;
}

/** Every function, method and arrow function in the source folders with its length in lines, longest first. */
function functionLengths(): FunctionLength[] {
  const files = spawnSync('git', ['ls-files', '--', ...SOURCE_FOLDERS.map((folder) => `${folder}/*.ts`)], { cwd: ROOT, encoding: 'utf8' })
    .stdout.split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const lengths: FunctionLength[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        lengths.push({ name: functionName(node), file, line: start + 1, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return lengths.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

/** A function's own name, or the name of what it is assigned to. */
function functionName(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText();
  if (ts.isConstructorDeclaration(node)) return `${functionName(node.parent)}.constructor`;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  return '(anonymous)';
}

/** The import cycles dependency-cruiser reports (its no-circular rule), one line each. */
function importCycles(): string[] {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/depcruise'), [...SOURCE_FOLDERS, 'cli', 'bench', 'test', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = JSON.parse(run.stdout) as {
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }> };
  };
  return report.summary.violations
    .filter((violation) => violation.rule.name === 'no-circular')
    .map((violation) => [violation.from, ...(violation.cycle ?? []).map((step) => step.name)].join(' → '));
}

const files = await bookingFiles();
const byFolder = new Map<string, string[]>();
for (const file of files) {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
}
const longest = functionLengths().slice(0, 10);
const cycles = importCycles();

if (process.argv.includes('--json')) {
  const folders = Object.fromEntries([...byFolder].map(([folder, inFolder]) => [folder, inFolder.length]));
  console.log(JSON.stringify({ bookingFiles: files.length, folders, files, longestFunctions: longest, importCycles: cycles }));
} else {
  console.log(`Files run during one booking over HTTP: ${files.length}`);
  for (const [folder, inFolder] of byFolder) {
    console.log(`  ${folder}/ (${inFolder.length}): ${inFolder.map((file) => file.slice(folder.length + 1)).join(', ')}`);
  }
  console.log('\nLongest functions:');
  for (const fn of longest) console.log(`  ${String(fn.lines).padStart(4)}  ${fn.name}  ${fn.file}:${fn.line}`);
  console.log(`\nImport cycles: ${cycles.length}`);
  for (const cycle of cycles) console.log(`  ${cycle}`);
}
