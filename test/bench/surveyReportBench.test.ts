import { describe, expect, it } from 'vitest';
import { benchSurveyReport } from '../../bench/surveyReportBench.js';
import { postgresUnavailable } from '../support/postgres.js';

describe.skipIf(postgresUnavailable !== null)('benchSurveyReport', () => {
  it('loads rows into a database of its own, times both report paths and checks they make the same figures', async () => {
    const result = await benchSurveyReport({ rows: 2_000, runs: 1 });
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result).toMatchObject({ rows: 2_000, sameFigures: true });
    expect(result.sqlReportMs).toBeGreaterThan(0);
    expect(result.inMemoryReportMs).toBeGreaterThan(0);
  }, 60_000);
});
