import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSurveyBaseline } from '../../../services/survey/surveyBaseline.js';

const dataFile = new URL('../../../data/surveyBaseline.json', import.meta.url);
const raw = () => JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown>;

describe('data/surveyBaseline.json', () => {
  it('holds the 2021/3 panel figures and passes the check', () => {
    const baseline = toSurveyBaseline(raw());
    expect(baseline.source).toBe('inwonerspanel 2021/3');
    expect(baseline.awareness).toEqual({ used: 0.23, awareNotUsed: 0.55, unaware: 0.22 });
    expect(baseline.appointmentPreference).toEqual({ appointment: 0.52, indifferent: 0.17, walkIn: 0.31 });
  });

  it('marks its sample size as an assumption to check', () => {
    const baseline = toSurveyBaseline(raw());
    expect(baseline.n).toBeGreaterThan(0);
    expect(baseline.nIsAssumption).toBe(true);
    expect(baseline.nNote).toMatch(/assumption/i);
  });
});

describe('toSurveyBaseline', () => {
  it.each([
    ['shares that do not add up', { awareness: { used: 0.5, awareNotUsed: 0.55, unaware: 0.22 } }],
    ['a missing code', { awareness: { used: 0.45, awareNotUsed: 0.55 } }],
    ['an unknown field', { respondents: 812 }],
    ['no sample size', { n: 0 }],
    ['no source', { source: '' }],
  ])('rejects %s', (_label, change) => {
    expect(() => toSurveyBaseline({ ...raw(), ...change })).toThrow(RangeError);
  });
});
