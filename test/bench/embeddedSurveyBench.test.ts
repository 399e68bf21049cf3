import { describe, expect, it } from 'vitest';
import { benchEmbeddedSurvey } from '../../bench/embeddedSurveyBench.js';

describe('benchEmbeddedSurvey', () => {
  it('fills each size in its own process, then measures every size in fresh processes, survey by survey', async () => {
    const figures = await benchEmbeddedSurvey([0, 700], { rounds: 2, warmUpSurveys: 1, surveys: 3, reportRuns: 1 });
    expect(figures.map((row) => row.storedRows)).toEqual([0, 700]);
    // The last report counts the stored rows plus both rounds' surveys of today, warm-up ones too
    // (one row each, however many answers): the rounds share the size's DATA_DIR.
    expect(figures.map((row) => row.reportResponses)).toEqual([8, 708]);
    for (const row of figures) {
      // Each measured survey is saved once per answer given: more saves than the 2 × 3 measured surveys.
      expect(row.answers).toBeGreaterThan(6);
      expect(row.answerP99Ms).toBeGreaterThanOrEqual(row.answerP50Ms);
      expect(row.answerCpuMs).toBeGreaterThan(0);
      expect(row.heapUsedMb).toBeGreaterThan(0);
    }
  }, 120_000);
});
