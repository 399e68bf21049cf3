/**
 * Scores an offline recognizer on test sets in the NLU contract's JSON Lines format, or on its
 * own training data by K-fold cross-validation.
 *   tsx cli/nluEval.ts [options] <file.jsonl>...
 *   tsx cli/nluEval.ts [options] --cv K
 * Options:
 *   --recognizer NAME[,NAME]  which recognizers (default: the assistant's default), each on every set
 *   --errors                  list every utterance with a wrong intent or document
 *   --json                    after each summary, the contract's report object as one line
 * Every set is run once untimed before the timed pass (warm-up).
 * Exit codes: 0 done, 2 bad usage, missing file or bad line.
 */
import { readFile } from 'node:fs/promises';
import { crossValidate, evaluate, type EvaluationReport } from '../nlu/evaluation.js';
import { LabeledUtteranceError, parseLabeledUtterances, type LabeledUtterance } from '../nlu/labeledUtterances.js';
import {
  DEFAULT_OFFLINE_RECOGNIZER,
  isOfflineRecognizerName,
  OFFLINE_RECOGNIZERS,
  type OfflineRecognizerName,
} from '../nlu/offlineRecognizers.js';
import { loadIntentTrainingData } from '../nlu/trainingData.js';

const USAGE = `usage: tsx cli/nluEval.ts [--recognizer ${Object.keys(OFFLINE_RECOGNIZERS).join('|')}[,...]] [--errors] [--json] (<file.jsonl>... | --cv K)`;
const WARM_UP_ROUNDS = 1;

interface Options {
  files: string[];
  folds?: number;
  recognizers: OfflineRecognizerName[];
  errors: boolean;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { files: [], recognizers: [DEFAULT_OFFLINE_RECOGNIZER], errors: false, json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--errors') options.errors = true;
    else if (arg === '--cv') {
      const k = Number(args[(i += 1)]);
      if (!Number.isInteger(k) || k < 2 || k > 20) return `${USAGE}\n--cv needs a whole number of folds from 2 to 20`;
      options.folds = k;
    } else if (arg === '--recognizer') {
      const names = (args[(i += 1)] ?? '').split(',');
      if (!names.every(isOfflineRecognizerName)) return `${USAGE}\nunknown recognizer in ${JSON.stringify(args[i] ?? '')}`;
      options.recognizers = names;
    } else if (arg.startsWith('-')) return `${USAGE}\nunknown option ${arg}`;
    else options.files.push(arg);
  }
  if ((options.files.length === 0) === (options.folds === undefined)) return USAGE;
  return options;
}

async function readSet(file: string): Promise<LabeledUtterance[] | string> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `nluEval: ${file}: no such file` : `nluEval: ${file}: cannot read (${code ?? 'error'})`;
  }
  try {
    const examples = parseLabeledUtterances(content);
    return examples.length === 0 ? `nluEval: ${file}: no utterances` : examples;
  } catch (error) {
    if (error instanceof LabeledUtteranceError) return `nluEval: ${file}: ${error.message}`;
    throw error;
  }
}

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') return fail(options);
  const sets: Array<{ name: string; examples: LabeledUtterance[] }> = [];
  for (const file of options.files) {
    const examples = await readSet(file);
    if (typeof examples === 'string') return fail(examples);
    sets.push({ name: file, examples });
  }

  for (const name of options.recognizers) {
    const train = OFFLINE_RECOGNIZERS[name];
    if (options.folds !== undefined) {
      const report = await crossValidate(train, loadIntentTrainingData(), options.folds, { warmUpRounds: WARM_UP_ROUNDS });
      print(`${options.folds}-fold cross-validation on data/nlu/intents.json`, name, report, options, false);
      continue;
    }
    const recognizer = await train();
    for (const set of sets) {
      const report = await evaluate(recognizer, set.examples, { warmUpRounds: WARM_UP_ROUNDS });
      print(set.name, name, report, options, true);
    }
  }
  return 0;
}

/** `documentsScored` is false for cross-validation: training utterances carry no document labels. */
function print(
  title: string,
  recognizer: OfflineRecognizerName,
  report: EvaluationReport,
  options: Options,
  documentsScored: boolean,
): void {
  const { errors: _, ...figures } = report;
  process.stdout.write(summary(title, recognizer, report, options.errors, documentsScored));
  if (options.json) process.stdout.write(`${JSON.stringify(options.errors ? report : figures)}\n`);
}

function summary(
  title: string,
  recognizer: OfflineRecognizerName,
  report: EvaluationReport,
  withErrors: boolean,
  documentsScored: boolean,
): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `NLU evaluation of ${title} (recognizer ${recognizer})`,
    `  utterances        ${report.n}`,
    `  intent accuracy   ${percent(report.intentAccuracy)}`,
    `  document accuracy ${documentsScored ? percent(report.entityAccuracy) : 'not scored (no document labels)'}`,
    `  macro F1          ${report.macroF1.toFixed(3)}`,
    `  latency           p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms (after ${WARM_UP_ROUNDS} warm-up pass)`,
    '  per intent        precision recall f1 (support)',
  ];
  for (const [intent, s] of Object.entries(report.perIntent)) {
    lines.push(`    ${intent.padEnd(24)} ${s.precision.toFixed(3)} ${s.recall.toFixed(3)} ${s.f1.toFixed(3)} (${s.support})`);
  }
  if (report.confusions.length > 0) {
    lines.push('  confusions (expected -> predicted: count)');
    for (const { expected, predicted, count } of report.confusions) lines.push(`    ${expected} -> ${predicted}: ${count}`);
  }
  if (withErrors && report.errors.length > 0) {
    lines.push('  errors (expected -> predicted score | expected document -> predicted document)');
    for (const e of report.errors) {
      lines.push(
        `    ${JSON.stringify(e.text)}: ${e.expected} -> ${e.predicted} ${e.score} | ${e.expectedDocument ?? '-'} -> ${e.predictedDocument ?? '-'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
