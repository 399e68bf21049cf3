/** Hand-built survey rows for the report and CSV tests. */
import type { SurveyBaseline } from '../../../services/survey/surveyBaseline.js';
import type { SurveyAnswers, SurveyResponse } from '../../../services/survey/surveyResponse.js';

let serial = 0;

/** `count` identical rows on `day`; ids are valid v4 UUIDs from a counter. */
export function rows(count: number, day: string, answers: SurveyAnswers, extra: Partial<SurveyResponse> = {}): SurveyResponse[] {
  return Array.from({ length: count }, () => {
    serial += 1;
    return {
      id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
      day,
      questionnaireVersion: 1,
      channel: 'webchat',
      outcome: 'resolved',
      answers: { ...answers },
      ...extra,
    };
  });
}

export const baseline: SurveyBaseline = {
  source: 'inwonerspanel 2021/3',
  awareness: { used: 0.23, awareNotUsed: 0.55, unaware: 0.22 },
  appointmentPreference: { appointment: 0.52, indifferent: 0.17, walkIn: 0.31 },
  n: 500,
  nIsAssumption: true,
};

export const januaryAndFebruary = { from: '2026-01-01', to: '2026-02-28' };

/**
 * January (25 rows): 10 × used/5, 8 × awareNotUsed/4, 4 × unaware/2, 3 skipped everything
 * (those 3 are synthetic). February (10 rows): 5 × awareNotUsed/3/appointment,
 * 3 × unaware/walkIn, 2 × satisfaction 1/indifferent. Plus 5 rows just before and 5 just
 * after the range that must not count.
 */
export function januaryAndFebruaryRows(): SurveyResponse[] {
  return [
    ...rows(5, '2025-12-31', { awareness: 'unaware', satisfaction: 1 }),
    ...rows(10, '2026-01-15', { awareness: 'used', satisfaction: 5 }),
    ...rows(8, '2026-01-15', { awareness: 'awareNotUsed', satisfaction: 4 }),
    ...rows(4, '2026-01-20', { awareness: 'unaware', satisfaction: 2 }),
    ...rows(3, '2026-01-31', {}, { synthetic: true }),
    ...rows(5, '2026-02-01', { awareness: 'awareNotUsed', satisfaction: 3, appointmentPreference: 'appointment' }),
    ...rows(3, '2026-02-10', { awareness: 'unaware', appointmentPreference: 'walkIn' }),
    ...rows(2, '2026-02-28', { satisfaction: 1, appointmentPreference: 'indifferent' }),
    ...rows(5, '2026-03-01', { awareness: 'used', satisfaction: 5 }),
  ];
}
