import { describe, expect, it } from 'vitest';
import { measureInRounds, roundSlices, summariseRounds, type RoundTarget, type TurnLoad } from '../../bench/turnRounds.js';

const CONVERSATIONS = 3;
const load = (turnsPerConversation: number, rounds: number): TurnLoad => ({
  conversations: CONVERSATIONS,
  turnsPerConversation,
  warmupTurnsPerConversation: 1,
  rounds,
});

interface Sent {
  label: string;
  firstTurn: number;
  turns: number;
}

/** Targets that log what they are sent and use `cpuMsPerTurn` of CPU per turn, after `startCpuMs` of start-up and warm-up. */
function fakeTargets(labels: readonly string[], sent: Sent[], cpu: { startCpuMs: number; cpuMsPerTurn: number } | null): RoundTarget[] {
  return labels.map((label) => {
    let cpuMs = cpu?.startCpuMs ?? 0;
    return {
      label,
      async run(firstTurn, turns) {
        sent.push({ label, firstTurn, turns });
        cpuMs += turns * CONVERSATIONS * (cpu?.cpuMsPerTurn ?? 0);
        return Array.from({ length: turns * CONVERSATIONS }, () => 5);
      },
      cpuMs: () => (cpu ? cpuMs : null),
    };
  });
}

describe('roundSlices', () => {
  it('splits the turns of a conversation into consecutive slices of nearly equal size', () => {
    expect(roundSlices(40, 4)).toEqual([
      { firstTurn: 0, turns: 10 },
      { firstTurn: 10, turns: 10 },
      { firstTurn: 20, turns: 10 },
      { firstTurn: 30, turns: 10 },
    ]);
    expect(roundSlices(10, 4)).toEqual([
      { firstTurn: 0, turns: 2 },
      { firstTurn: 2, turns: 3 },
      { firstTurn: 5, turns: 2 },
      { firstTurn: 7, turns: 3 },
    ]);
  });

  it('never makes an empty round, and refuses no turns or no rounds', () => {
    expect(roundSlices(2, 5)).toEqual([
      { firstTurn: 0, turns: 1 },
      { firstTurn: 1, turns: 1 },
    ]);
    expect(() => roundSlices(0, 4)).toThrow(RangeError);
    expect(() => roundSlices(10, 0)).toThrow(RangeError);
  });
});

describe('measureInRounds', () => {
  it('gives every configuration the same turns in every round, in a rotating order', async () => {
    const sent: Sent[] = [];
    const figures = await measureInRounds(fakeTargets(['a', 'b', 'c'], sent, null), load(10, 4));
    expect(sent.map((slice) => slice.label)).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b', 'a', 'b', 'c']);
    for (let round = 0; round < 4; round += 1) {
      const slices = sent.slice(round * 3, round * 3 + 3).map(({ firstTurn, turns }) => ({ firstTurn, turns }));
      expect(slices).toEqual([slices[0], slices[0], slices[0]]);
    }
    for (const label of ['a', 'b', 'c']) {
      // Every conversation goes on where the last round left it, through all its turns once.
      expect(sent.filter((slice) => slice.label === label).map((slice) => [slice.firstTurn, slice.turns])).toEqual([
        [0, 2],
        [2, 3],
        [5, 2],
        [7, 3],
      ]);
    }
    expect(figures.map((row) => [row.bot, row.turns, row.rounds])).toEqual([
      ['a', 30, 4],
      ['b', 30, 4],
      ['c', 30, 4],
    ]);
  });

  it('counts only the CPU time used over the rounds, not start-up and warm-up', async () => {
    const figures = await measureInRounds(fakeTargets(['a', 'b'], [], { startCpuMs: 90_000, cpuMsPerTurn: 2.5 }), load(8, 4));
    expect(figures.map((row) => row.cpuMsPerTurn)).toEqual([2.5, 2.5]);
  });

  it('says null where the CPU time cannot be told', async () => {
    const figures = await measureInRounds(fakeTargets(['a'], [], null), load(4, 2));
    expect(figures[0]!.cpuMsPerTurn).toBeNull();
  });
});

describe('summariseRounds', () => {
  const latencies = Array.from({ length: 100 }, (_, index) => index + 1);
  // 25 turns in each round, in 0.25, 0.0625, 0.125 and 0.1 seconds: 100, 400, 200 and 250 turns/s.
  const slices = [0.25, 0.0625, 0.125, 0.1].map((seconds, round) => ({ latencies: latencies.slice(round * 25, round * 25 + 25), seconds }));

  it('takes the median of the rounds’ turns per second, and p50 and p99 over all turns', () => {
    expect(summariseRounds('bot', slices, 250)).toEqual({
      bot: 'bot',
      turns: 100,
      rounds: 4,
      turnsPerSecond: 225,
      p50Ms: 50,
      p99Ms: 99,
      cpuMsPerTurn: 2.5,
    });
  });

  it('takes the middle round of an odd number', () => {
    expect(summariseRounds('bot', slices.slice(0, 3), null).turnsPerSecond).toBe(200);
  });
});
