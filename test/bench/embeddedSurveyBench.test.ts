import { describe, expect, it } from 'vitest';
import { benchEmbeddedSurvey } from '../../bench/embeddedSurveyBench.js';

describe('benchEmbeddedSurvey', () => {
  it('loads the asked number of rows, saves each survey answer by answer and reports over all of them', async () => {
    const figures = await benchEmbeddedSurvey([0, 700], { surveys: 3, reportRuns: 1 });
    expect(figures.map((row) => row.storedRows)).toEqual([0, 700]);
    // The report counts the stored rows plus today's three surveys (one row each, however many answers).
    expect(figures.map((row) => row.reportResponses)).toEqual([3, 703]);
    for (const row of figures) {
      // Each survey is saved once per answer given: more saves than surveys.
      expect(row.answers).toBeGreaterThan(3);
      expect(row.answerP99Ms).toBeGreaterThanOrEqual(row.answerP50Ms);
    }
  }, 60_000);
});
