/**
 * The ratio columns of `npm run bench`: a figure against a baseline measured in the same run (and,
 * for the HTTP sections, in the same rounds), rounded to two decimals.
 */
import type { TurnFigures } from './turnRounds.js';

export const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;

/**
 * `row` against `base`, both higher when `row` does better: turns/s (row's ÷ base's) and CPU
 * (base's CPU ms per turn ÷ row's, which a loaded machine distorts less; null where either is unknown).
 */
export function turnRatios(row: TurnFigures, base: TurnFigures): { turns: number; cpu: number | null } {
  return {
    turns: ratio(row.turnsPerSecond, base.turnsPerSecond),
    cpu: row.cpuMsPerTurn && base.cpuMsPerTurn ? ratio(base.cpuMsPerTurn, row.cpuMsPerTurn) : null,
  };
}
