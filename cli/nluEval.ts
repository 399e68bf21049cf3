/**
 * Scores the offline recognizer on a test set in the NLU contract's JSON Lines format.
 *   tsx cli/nluEval.ts <file.jsonl> [--json]
 * Exit codes: 0 done, 2 bad usage, missing file or bad line.
 */
import { readFile } from 'node:fs/promises';
import { evaluate, type EvaluationReport } from '../nlu/evaluation.js';
import { LabeledUtteranceError, parseLabeledUtterances } from '../nlu/labeledUtterances.js';
import { createOfflineRecognizer } from '../nlu/offlineRecognizer.js';

const USAGE = 'usage: tsx cli/nluEval.ts <file.jsonl> [--json]';

async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  if (files.length !== 1 || files[0]?.startsWith('-')) return fail(USAGE);
  const file = files[0] as string;

  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `nluEval: ${file}: no such file` : `nluEval: ${file}: cannot read (${code ?? 'error'})`);
  }
  let examples;
  try {
    examples = parseLabeledUtterances(content);
  } catch (error) {
    if (error instanceof LabeledUtteranceError) return fail(`nluEval: ${file}: ${error.message}`);
    throw error;
  }
  if (examples.length === 0) return fail(`nluEval: ${file}: no utterances`);

  const recognizer = await createOfflineRecognizer();
  const report = await evaluate(recognizer, examples);
  process.stdout.write(summary(file, report));
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

function summary(file: string, report: EvaluationReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `NLU evaluation of ${file}`,
    `  utterances        ${report.n}`,
    `  intent accuracy   ${percent(report.intentAccuracy)}`,
    `  document accuracy ${percent(report.entityAccuracy)}`,
    `  macro F1          ${report.macroF1.toFixed(3)}`,
    `  latency           p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms`,
  ];
  if (report.confusions.length > 0) {
    lines.push('  confusions (expected -> predicted: count)');
    for (const { expected, predicted, count } of report.confusions) lines.push(`    ${expected} -> ${predicted}: ${count}`);
  }
  return `${lines.join('\n')}\n`;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
