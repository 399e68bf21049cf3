/**
 * Measures several bot configurations of one bench section in the same stretch of time, so that a
 * load or CPU-frequency change on the shared machine that comes and goes falls on every
 * configuration alike. The configurations are already running and warmed up; the measured turns
 * are cut into `rounds` slices, and each round gives every configuration the same slice (the same
 * turns of its conversations) in a rotating order: round r starts with configuration r. The
 * figures of a configuration are over all its rounds: turns/s the median of its rounds', p50 and
 * p99 over all its turns, CPU per turn from its CPU time between the first round and the last.
 */
import { percentile } from '../nlu/evaluation.js';

export interface TurnFigures {
  bot: string;
  turns: number;
  /** Rounds the turns were measured in, every configuration of the section taking its turn in each. */
  rounds: number;
  /** Median over the rounds of each round's turns per second. */
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time the configuration's server processes spent per measured turn (Linux /proc; null
   * elsewhere). Under a loaded machine turns/s fall with the time slices the server gets; this much less so.
   */
  cpuMsPerTurn: number | null;
}

/** How much load one configuration gets; `npm run bench -- --turns=N` makes a quick run. */
export interface TurnLoad {
  conversations: number;
  /** Measured turns of every conversation, spread over the rounds. */
  turnsPerConversation: number;
  warmupTurnsPerConversation: number;
  rounds: number;
}

export const DEFAULT_TURN_LOAD: TurnLoad = { conversations: 50, turnsPerConversation: 40, warmupTurnsPerConversation: 5, rounds: 4 };

/** A configuration under measurement, started and warmed up. */
export interface RoundTarget {
  label: string;
  /** Sends turns `firstTurn` … `firstTurn + turns - 1` of every conversation; resolves with each turn's latency in ms. */
  run(firstTurn: number, turns: number): Promise<number[]>;
  /** CPU time its processes have used so far, in ms, or null where that cannot be told. */
  cpuMs(): number | null;
}

/** What one round gives each configuration: the same turns of every conversation. */
export interface RoundSlice {
  firstTurn: number;
  turns: number;
}

/** `turnsPerConversation` split into `rounds` consecutive slices of (nearly) equal size, none empty. */
export function roundSlices(turnsPerConversation: number, rounds: number): RoundSlice[] {
  if (!Number.isInteger(turnsPerConversation) || turnsPerConversation < 1)
    throw new RangeError('bench: at least one turn per conversation');
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError('bench: at least one round');
  const count = Math.min(rounds, turnsPerConversation);
  const end = (round: number) => Math.floor((round * turnsPerConversation) / count);
  return Array.from({ length: count }, (_, round) => ({ firstTurn: end(round), turns: end(round + 1) - end(round) }));
}

/** One configuration's share of one round. */
export interface MeasuredSlice {
  latencies: readonly number[];
  seconds: number;
}

export async function measureInRounds(targets: readonly RoundTarget[], turnLoad: TurnLoad): Promise<TurnFigures[]> {
  const slices = roundSlices(turnLoad.turnsPerConversation, turnLoad.rounds);
  const measured = targets.map(() => [] as MeasuredSlice[]);
  const cpuBefore = targets.map((target) => target.cpuMs());
  for (const [round, slice] of slices.entries()) {
    for (let step = 0; step < targets.length; step += 1) {
      const index = (round + step) % targets.length;
      const started = performance.now();
      const latencies = await targets[index]!.run(slice.firstTurn, slice.turns);
      measured[index]!.push({ latencies, seconds: (performance.now() - started) / 1000 });
    }
  }
  return targets.map((target, index) => {
    const before = cpuBefore[index] ?? null;
    const after = target.cpuMs();
    return summariseRounds(target.label, measured[index]!, before === null || after === null ? null : after - before);
  });
}

/** A configuration's figures from its rounds and the CPU time it used over them (null: unknown). */
export function summariseRounds(label: string, slices: readonly MeasuredSlice[], cpuMs: number | null): TurnFigures {
  const latencies = slices.flatMap((slice) => slice.latencies);
  return {
    bot: label,
    turns: latencies.length,
    rounds: slices.length,
    turnsPerSecond: Math.round(median(slices.map((slice) => slice.latencies.length / slice.seconds))),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    cpuMsPerTurn: cpuMs === null || latencies.length === 0 ? null : round(cpuMs / latencies.length),
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
