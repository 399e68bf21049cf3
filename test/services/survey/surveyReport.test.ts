import { describe, expect, it } from 'vitest';
import type { ConversationOutcomeCount, SurveyAnswers, SurveyResponse } from '../../../services/survey/surveyResponse.js';
import { buildSurveyReport, roundTo, surveyReportFromCounts, type SurveyReport } from '../../../services/survey/surveyReport.js';
import { countSurveyRows } from '../../../services/survey/surveyCounts.js';
import { baseline, januaryAndFebruary, januaryAndFebruaryRows, rows } from './surveyFixtures.js';

describe('buildSurveyReport on the January-February fixture', () => {
  const report = buildSurveyReport(januaryAndFebruaryRows(), januaryAndFebruary, baseline);

  it('counts only the rows inside from..to, and says how many were synthetic', () => {
    expect(report.from).toBe('2026-01-01');
    expect(report.to).toBe('2026-02-28');
    expect(report.responses).toBe(35); // 25 + 10; not the 5 of 31 December nor the 5 of 1 March
    expect(report.synthetic).toBe(3);
  });

  it('awareness: shares of the 30 answers, skips left out', () => {
    // used 10/30, awareNotUsed 13/30, unaware 7/30
    expect(report.awareness).toMatchObject({ n: 30, suppressed: false, used: 0.3333, awareNotUsed: 0.4333, unaware: 0.2333 });
  });

  it('awareness: Wilson 95% intervals per code', () => {
    // 10/30: z²/n = 0.128053, centre = (0.333333 + 0.064027)/1.128053 = 0.352253,
    //        half = 1.737507 · √(0.222222/30 + 3.8416/3600) = 1.737507 · 0.092057 = 0.159950 → [0.1923, 0.5122]
    // 13/30: centre = (0.433333 + 0.064027)/1.128053 = 0.440902, half = 1.737507 · √(0.0081926 + 0.0010671) = 0.167128
    //        → [0.2738, 0.6080]
    // 7/30:  centre = (0.233333 + 0.064027)/1.128053 = 0.263605, half = 1.737507 · √(0.0059753 + 0.0010671) = 0.145682
    //        → [0.1179, 0.4093]
    expect(report.awareness.ci95).toEqual({ used: [0.1923, 0.5122], awareNotUsed: [0.2738, 0.608], unaware: [0.1179, 0.4093] });
  });

  it('awareness: compared with the panel (n = 500 assumed)', () => {
    // used: pooled = (10 + 115)/530 = 0.235849, se = √(0.235849·0.764151·(1/30 + 1/500)) = 0.079799,
    //       z = 0.103333/0.079799 = 1.2949, p = 0.1953
    expect(report.awareness.vsBaseline.used).toEqual({ difference: 0.1033, z: 1.2949, pValue: 0.1953, significant: false });
    expect(report.awareness.vsBaseline.awareNotUsed).toMatchObject({ difference: -0.1167, significant: false });
    expect(report.awareness.vsBaseline.unaware).toMatchObject({ difference: 0.0133, significant: false });
  });

  it('satisfaction: mean, share satisfied (4-5) and counts', () => {
    // answers: 1 ×2, 2 ×4, 3 ×5, 4 ×8, 5 ×10 = 29; sum 2 + 8 + 15 + 32 + 50 = 107; 107/29 = 3.6897; 18/29 = 0.6207
    expect(report.satisfaction).toEqual({
      n: 29,
      suppressed: false,
      mean: 3.69,
      satisfied: 0.6207,
      counts: { '1': 2, '2': 4, '3': 5, '4': 8, '5': 10 },
    });
  });

  it('appointmentPreference: exactly 10 answers are shown, with the baseline comparison', () => {
    expect(report.appointmentPreference).toMatchObject({ n: 10, suppressed: false, appointment: 0.5, indifferent: 0.2, walkIn: 0.3 });
    // appointment: 0.5 − 0.52 = −0.02; pooled = (5 + 260)/510 = 0.519608, se = √(0.519608·0.480392·0.102) = 0.159567,
    // z = −0.12534, p = 0.9003
    expect(report.appointmentPreference.vsBaseline.appointment).toEqual({
      difference: -0.02,
      z: -0.1253,
      pValue: 0.9003,
      significant: false,
    });
  });

  it('questions nobody answered are suppressed, not zero', () => {
    expect(report.bookingChannel).toMatchObject({ n: 0, suppressed: true, online: null, phone: null, counter: null, chat: null });
    expect(report.bookingChannel.byAge['18-34']).toEqual({ n: 0, suppressed: true, online: null, phone: null, counter: null, chat: null });
    expect(report.ageBracket).toEqual({ n: 0, suppressed: true, '18-34': null, '35-49': null, '50-64': null, '65+': null });
  });

  it('carries the baseline and its source', () => {
    expect(report.baseline).toEqual({
      source: 'inwonerspanel 2021/3',
      awareness: { used: 0.23, awareNotUsed: 0.55, unaware: 0.22 },
      appointmentPreference: { appointment: 0.52, indifferent: 0.17, walkIn: 0.31 },
      n: 500,
      nIsAssumption: true,
    });
  });

  it('monthly periods: January shown, February (8 and 7 answers) suppressed', () => {
    expect(report.periods.map((period) => period.period)).toEqual(['2026-01', '2026-02']);
    const [january, february] = report.periods as [SurveyReport['periods'][number], SurveyReport['periods'][number]];
    // January: awareness 10/22, 8/22, 4/22; satisfaction (50 + 32 + 8)/22 = 4.0909, satisfied 18/22
    expect(january).toEqual({
      period: '2026-01',
      responses: 25,
      synthetic: 3,
      awareness: { n: 22, suppressed: false, used: 0.4545, awareNotUsed: 0.3636, unaware: 0.1818 },
      satisfaction: { n: 22, suppressed: false, mean: 4.09, satisfied: 0.8182 },
    });
    expect(february).toEqual({
      period: '2026-02',
      responses: 10,
      synthetic: 0,
      awareness: { n: 8, suppressed: true, used: null, awareNotUsed: null, unaware: null },
      satisfaction: { n: 7, suppressed: true, mean: null, satisfied: null },
    });
  });

  it('has no outcomes block when no outcome counts are given', () => {
    expect(report.outcomes).toBeNull();
  });

  it('has every field of the contract shape (docs/contract/http.md)', () => {
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'responses',
        'awareness',
        'satisfaction',
        'appointmentPreference',
        'bookingChannel',
        'baseline',
        'periods',
      ]),
    );
    expect(Object.keys(report.awareness)).toEqual(expect.arrayContaining(['n', 'used', 'awareNotUsed', 'unaware', 'ci95']));
    expect(Object.keys(report.satisfaction)).toEqual(expect.arrayContaining(['n', 'mean', 'satisfied', 'counts']));
    expect(Object.keys(report.appointmentPreference)).toEqual(expect.arrayContaining(['n', 'appointment', 'indifferent', 'walkIn']));
    expect(Object.keys(report.bookingChannel)).toEqual(expect.arrayContaining(['n', 'online', 'phone', 'counter', 'byAge']));
    expect(Object.keys(report.baseline)).toEqual(expect.arrayContaining(['source', 'awareness']));
    expect(Object.keys(report.periods[0]!)).toEqual(expect.arrayContaining(['period', 'responses', 'awareness']));
  });

  it('is plain JSON (what the HTTP route will send)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('date filtering', () => {
  it('includes the first and last day and nothing outside them', () => {
    const input = [
      ...rows(1, '2026-05-31', { awareness: 'unaware' }),
      ...rows(10, '2026-06-01', { awareness: 'used' }),
      ...rows(10, '2026-06-30', { awareness: 'awareNotUsed' }),
      ...rows(1, '2026-07-01', { awareness: 'unaware' }),
    ];
    const report = buildSurveyReport(input, { from: '2026-06-01', to: '2026-06-30' }, baseline);
    expect(report.responses).toBe(20);
    expect(report.awareness).toMatchObject({ n: 20, used: 0.5, awareNotUsed: 0.5, unaware: 0 });
  });

  it('a one-day range works', () => {
    const input = [...rows(12, '2026-06-01', { satisfaction: 5 }), ...rows(3, '2026-06-02', { satisfaction: 1 })];
    const report = buildSurveyReport(input, { from: '2026-06-01', to: '2026-06-01' }, baseline);
    expect(report.satisfaction).toMatchObject({ n: 12, mean: 5, satisfied: 1 });
    expect(report.periods.map((period) => period.period)).toEqual(['2026-06']);
  });

  it('refuses a reversed or malformed range', () => {
    expect(() => buildSurveyReport([], { from: '2026-02-01', to: '2026-01-31' }, baseline)).toThrow(RangeError);
    expect(() => buildSurveyReport([], { from: '2026-02-30', to: '2026-03-31' }, baseline)).toThrow(RangeError);
    expect(() => buildSurveyReport([], { from: '1/1/2026', to: '2026-03-31' }, baseline)).toThrow(RangeError);
  });
});

describe('monthly periods', () => {
  it('lists every month the range touches, empty ones too, across a year end', () => {
    const input = [...rows(10, '2025-12-20', { awareness: 'used' }), ...rows(2, '2026-02-03', { awareness: 'used' })];
    const report = buildSurveyReport(input, { from: '2025-12-15', to: '2026-02-05' }, baseline);
    expect(report.periods.map((period) => [period.period, period.responses])).toEqual([
      ['2025-12', 10],
      ['2026-01', 0],
      ['2026-02', 2],
    ]);
    expect(report.periods[0]?.awareness).toMatchObject({ suppressed: false, used: 1 });
    expect(report.periods[1]?.awareness).toEqual({ n: 0, suppressed: true, used: null, awareNotUsed: null, unaware: null });
  });

  it('a partial first month only counts the days inside the range', () => {
    const input = [...rows(4, '2026-03-10', { awareness: 'unaware' }), ...rows(10, '2026-03-20', { awareness: 'used' })];
    const report = buildSurveyReport(input, { from: '2026-03-15', to: '2026-03-31' }, baseline);
    expect(report.periods).toHaveLength(1);
    expect(report.periods[0]).toMatchObject({ period: '2026-03', responses: 10, awareness: { n: 10, used: 1, unaware: 0 } });
  });
});

describe('conversation outcomes', () => {
  const counts: ConversationOutcomeCount[] = [
    { day: '2026-01-15', channel: 'webchat', outcome: 'resolved', count: 7 },
    { day: '2026-01-15', channel: 'sms', outcome: 'resolved', count: 3 },
    { day: '2026-01-15', channel: 'webchat', outcome: 'escalated', count: 2 },
    { day: '2026-01-15', channel: 'webchat', outcome: 'abandoned', count: 4 },
    { day: '2026-01-16', channel: 'webchat', outcome: 'resolved', count: 5 },
    { day: '2026-03-01', channel: 'webchat', outcome: 'abandoned', count: 100 },
  ];

  it('shares over the range and per-day counts over all channels, small days suppressed', () => {
    const report = buildSurveyReport([], januaryAndFebruary, baseline, counts);
    // 21 conversations in range: resolved 15/21, escalated 2/21, abandoned 4/21
    expect(report.outcomes).toEqual({
      n: 21,
      suppressed: false,
      resolved: 0.7143,
      escalated: 0.0952,
      abandoned: 0.1905,
      days: [
        { day: '2026-01-15', n: 16, suppressed: false, resolved: 10, escalated: 2, abandoned: 4 },
        { day: '2026-01-16', n: 5, suppressed: true, resolved: null, escalated: null, abandoned: null },
      ],
      // None of these counts says when its conversations started: unknown, not inside.
      outsideOpeningHours: { n: 0, unknown: 21, suppressed: true, outside: null },
    });
  });

  it('gives the share that started outside the opening hours of those whose start is known, over the shown days only', () => {
    const flagged: ConversationOutcomeCount[] = [
      { day: '2026-01-15', channel: 'webchat', outcome: 'resolved', count: 6, openingHours: 'inside' },
      { day: '2026-01-15', channel: 'webchat', outcome: 'abandoned', count: 3, openingHours: 'outside' },
      { day: '2026-01-15', channel: 'sms', outcome: 'resolved', count: 2, openingHours: 'outside' },
      { day: '2026-01-15', channel: 'webchat', outcome: 'escalated', count: 4 }, // before the flag existed
      { day: '2026-01-16', channel: 'webchat', outcome: 'resolved', count: 5, openingHours: 'outside' }, // a small day
    ];
    const offered = surveyReportFromCounts(countSurveyRows([], januaryAndFebruary), januaryAndFebruary, baseline, flagged, {
      totalsOfShownDaysOnly: true,
    });
    // 15 conversations on the shown day: 11 with a known start, 5 of them outside (0.4545).
    expect(offered.outcomes!.outsideOpeningHours).toEqual({ n: 11, unknown: 4, suppressed: false, outside: 0.4545 });
    // Counting every day, the small day's 5 outside come in: 10 of 16.
    expect(buildSurveyReport([], januaryAndFebruary, baseline, flagged).outcomes!.outsideOpeningHours).toEqual({
      n: 16,
      unknown: 4,
      suppressed: false,
      outside: 0.625,
    });
  });

  it('an empty list gives a suppressed block, not null', () => {
    expect(buildSurveyReport([], januaryAndFebruary, baseline, []).outcomes).toEqual({
      n: 0,
      suppressed: true,
      resolved: null,
      escalated: null,
      abandoned: null,
      days: [],
      outsideOpeningHours: { n: 0, unknown: 0, suppressed: true, outside: null },
    });
  });
});

/** Every figure in a cell except its n and labels. */
function figuresOf(cell: object): unknown[] {
  return (
    Object.entries(cell)
      // `unknown` is a count of conversations like `n` (outcomes.n minus outsideOpeningHours.n), shown with it.
      .filter(([key]) => !['n', 'unknown', 'suppressed', 'day', 'period', 'responses', 'synthetic', 'byAge', 'days'].includes(key))
      .flatMap(([, value]) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? figuresOf(value) : [value]))
  );
}

const JUNE = { from: '2026-06-01', to: '2026-06-30' };
type CellCase = [
  string,
  (count: number) => { rows?: SurveyResponse[]; counts?: ConversationOutcomeCount[] },
  (report: SurveyReport) => object,
];
const answered = (count: number, answers: SurveyAnswers) => ({ rows: rows(count, '2026-06-10', answers) });

describe('suppression at 9 versus 10 answers, in every kind of cell', () => {
  const cases: CellCase[] = [
    ['awareness block', (n) => answered(n, { awareness: 'used' }), (r) => r.awareness],
    ['satisfaction block', (n) => answered(n, { satisfaction: 4 }), (r) => r.satisfaction],
    ['appointmentPreference block', (n) => answered(n, { appointmentPreference: 'walkIn' }), (r) => r.appointmentPreference],
    ['bookingChannel block', (n) => answered(n, { bookingChannel: 'online' }), (r) => r.bookingChannel],
    ['ageBracket block', (n) => answered(n, { ageBracket: '35-49' }), (r) => r.ageBracket],
    [
      'bookingChannel byAge cell',
      // 20 booking answers in all, so only the age cell crosses the threshold.
      (n) => ({
        rows: [
          ...rows(n, '2026-06-10', { bookingChannel: 'phone', ageBracket: '65+' }),
          ...rows(20 - n, '2026-06-10', { bookingChannel: 'online' }),
        ],
      }),
      (r) => r.bookingChannel.byAge['65+'],
    ],
    ['period awareness block', (n) => answered(n, { awareness: 'unaware' }), (r) => r.periods[0]!.awareness],
    ['period satisfaction block', (n) => answered(n, { satisfaction: 2 }), (r) => r.periods[0]!.satisfaction],
    [
      'outcome totals',
      (n) => ({
        counts: Array.from({ length: n }, (_u, i) => ({
          day: `2026-06-${String(i + 1).padStart(2, '0')}`,
          channel: 'webchat',
          outcome: 'resolved' as const,
          count: 1,
          openingHours: 'inside' as const,
        })),
      }),
      (r) => r.outcomes!,
    ],
    [
      'outside opening hours',
      // 30 conversations in all, so only the cell of those with a known start crosses the threshold.
      (n) => ({
        counts: [
          { day: '2026-06-10', channel: 'webchat', outcome: 'resolved', count: n, openingHours: 'outside' },
          { day: '2026-06-10', channel: 'webchat', outcome: 'resolved', count: 30 - n },
        ],
      }),
      (r) => r.outcomes!.outsideOpeningHours,
    ],
    [
      'outcome day',
      (n) => ({ counts: [{ day: '2026-06-10', channel: 'webchat', outcome: 'escalated', count: n }] }),
      (r) => r.outcomes!.days[0]!,
    ],
  ];

  it.each(cases)('%s', (_label, build, cellOf) => {
    const nine = build(9);
    const ten = build(10);
    const suppressed = cellOf(buildSurveyReport(nine.rows ?? [], JUNE, baseline, nine.counts));
    const shown = cellOf(buildSurveyReport(ten.rows ?? [], JUNE, baseline, ten.counts));

    expect(suppressed).toMatchObject({ n: 9, suppressed: true });
    expect(figuresOf(suppressed).length).toBeGreaterThan(0);
    expect(figuresOf(suppressed).every((figure) => figure === null)).toBe(true);

    expect(shown).toMatchObject({ n: 10, suppressed: false });
    expect(figuresOf(shown).every((figure) => figure !== null)).toBe(true);
  });

  it('a suppressed awareness block also hides its intervals and baseline comparison', () => {
    const report = buildSurveyReport(rows(9, '2026-06-10', { awareness: 'used' }), JUNE, baseline);
    expect(report.awareness.ci95).toEqual({ used: null, awareNotUsed: null, unaware: null });
    expect(report.awareness.vsBaseline).toEqual({ used: null, awareNotUsed: null, unaware: null });
  });
});

describe('roundTo', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(roundTo(0.00125, 4)).toBe(0.0013); // 0.00125 · 10⁴ is 12.499999… in binary
    expect(roundTo(-0.00125, 4)).toBe(-0.0013);
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
    expect(roundTo(3.689655, 2)).toBe(3.69);
    expect(Object.is(roundTo(-0.00001, 4), 0)).toBe(true);
  });
});
