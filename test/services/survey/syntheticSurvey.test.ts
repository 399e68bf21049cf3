import { describe, expect, it } from 'vitest';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { buildSurveyReport } from '../../../services/survey/surveyReport.js';
import { toSurveyResponse } from '../../../services/survey/surveyResponse.js';
import { baseline } from './surveyFixtures.js';

const ROW_FIELDS = ['id', 'day', 'questionnaireVersion', 'channel', 'outcome', 'answers', 'synthetic'];
const year = generateSyntheticSurveyRows({ count: 6000, from: '2026-01-01', seed: 2026 });

describe('generateSyntheticSurveyRows', () => {
  it('makes the requested number of rows, all marked synthetic and all valid', () => {
    expect(year).toHaveLength(6000);
    expect(year.every((row) => row.synthetic === true)).toBe(true);
    // The validator throws on unknown fields and codes, and its copy keeps only known fields.
    expect(year.map((row) => toSurveyResponse(row))).toEqual(year);
  });

  it('carries no identifiers: only the row fields, unique random-shaped ids', () => {
    const shapes = new Set(year.map((row) => Object.keys(row).sort().join(',')));
    expect([...shapes]).toEqual([[...ROW_FIELDS].sort().join(',')]);
    expect(new Set(year.map((row) => row.id)).size).toBe(year.length);
  });

  it('spreads the rows over one year from the start day, in day order', () => {
    const days = year.map((row) => row.day);
    expect(days).toEqual([...days].sort());
    expect(days[0]! >= '2026-01-01').toBe(true);
    expect(days[days.length - 1]! <= '2026-12-31').toBe(true);
    expect(new Set(days.map((day) => day.slice(0, 7))).size).toBe(12);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { count: 200, from: '2026-01-01', seed: 7 };
    expect(generateSyntheticSurveyRows(options)).toEqual(generateSyntheticSurveyRows(options));
    expect(generateSyntheticSurveyRows({ ...options, seed: 8 })).not.toEqual(generateSyntheticSurveyRows(options));
  });

  it('asks one rotating question per row (age may come with the booking channel)', () => {
    for (const row of year) {
      const rotating = [row.answers.appointmentPreference, row.answers.bookingChannel].filter((answer) => answer !== undefined);
      expect(rotating.length).toBeLessThanOrEqual(1);
      if (row.answers.appointmentPreference !== undefined) expect(row.answers.ageBracket).toBeUndefined();
    }
  });

  it('looks like the panel: drifting awareness, satisfied residents, age shapes the booking channel', () => {
    const firstQuarter = buildSurveyReport(year, { from: '2026-01-01', to: '2026-03-31' }, baseline);
    const lastQuarter = buildSurveyReport(year, { from: '2026-10-01', to: '2026-12-31' }, baseline);
    const whole = buildSurveyReport(year, { from: '2026-01-01', to: '2026-12-31' }, baseline);
    expect(lastQuarter.awareness.used!).toBeGreaterThan(firstQuarter.awareness.used!);
    expect(lastQuarter.awareness.unaware!).toBeLessThan(firstQuarter.awareness.unaware!);
    expect(Math.abs(firstQuarter.awareness.used! - 0.23)).toBeLessThan(0.04);
    expect(whole.satisfaction.satisfied!).toBeGreaterThan(0.7);
    const { byAge } = whole.bookingChannel;
    expect(byAge['18-34'].online!).toBeGreaterThan(byAge['65+'].online!);
    expect(byAge['65+'].phone!).toBeGreaterThan(byAge['18-34'].phone!);
    expect(whole.appointmentPreference.n).toBeGreaterThan(1000);
    expect(whole.synthetic).toBe(whole.responses);
  });

  it('refuses bad options', () => {
    expect(() => generateSyntheticSurveyRows({ count: -1, from: '2026-01-01', seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticSurveyRows({ count: 1.5, from: '2026-01-01', seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticSurveyRows({ count: 10, from: '2026-13-01', seed: 1 })).toThrow(RangeError);
    expect(generateSyntheticSurveyRows({ count: 0, from: '2026-01-01', seed: 1 })).toEqual([]);
  });
});
