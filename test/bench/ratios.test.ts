import { describe, expect, it } from 'vitest';
import { ratio, turnRatios } from '../../bench/ratios.js';
import type { TurnFigures } from '../../bench/turnRounds.js';

const figures = (turnsPerSecond: number, cpuMsPerTurn: number | null): TurnFigures => ({
  bot: 'bot',
  turns: 100,
  rounds: 4,
  turnsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  cpuMsPerTurn,
});

describe('the bench ratios', () => {
  it('rounds a ratio to two decimals', () => {
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(900, 300)).toBe(3);
  });

  it('puts turns/s over the baseline’s, and the baseline’s CPU per turn over the row’s: both higher when the row does better', () => {
    expect(turnRatios(figures(300, 4), figures(900, 1.2))).toEqual({ turns: 0.33, cpu: 0.3 });
    expect(turnRatios(figures(900, 1.2), figures(900, 1.2))).toEqual({ turns: 1, cpu: 1 });
  });

  it('has no CPU ratio where either CPU time is unknown', () => {
    expect(turnRatios(figures(300, null), figures(900, 1.2)).cpu).toBeNull();
    expect(turnRatios(figures(300, 4), figures(900, null)).cpu).toBeNull();
  });
});
