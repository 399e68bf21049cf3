import { describe, expect, it } from 'vitest';
import { buildSurveyReport } from '../../../services/survey/surveyReport.js';
import { SURVEY_CSV_COLUMNS, formatCsvField, surveyReportToCsv } from '../../../services/survey/surveyCsv.js';
import { csvLabels } from '../../../bot/http/dashboard/dashboardTexts.js';
import { createI18n, readLocaleResources } from '../../../bot/i18n.js';
import { baseline, januaryAndFebruary, januaryAndFebruaryRows } from './surveyFixtures.js';

const report = buildSurveyReport(januaryAndFebruaryRows(), januaryAndFebruary, baseline, [
  { day: '2026-01-15', channel: 'webchat', outcome: 'resolved', count: 12 },
  { day: '2026-01-16', channel: 'webchat', outcome: 'abandoned', count: 3, openingHours: 'outside' },
]);
const i18n = createI18n();
const dutch = csvLabels(i18n, 'nl');
const csv = surveyReportToCsv(report, dutch);
/** The Dutch words of locales/nl/dashboard.json under `labels.`. */
const labels = (readLocaleResources().nl.dashboard as { labels: Record<string, Record<string, string>> }).labels;
const WHOLE = '2026-01-01/2026-02-28';

/** Rows as records by Dutch column name (the report's values contain no quotes or separators). */
function records(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '');
  const columns = (header as string).split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((value, index) => [columns[index], value])));
}
const find = (match: Record<string, string>) =>
  records(csv).filter((record) => Object.entries(match).every(([column, value]) => record[column] === value));

describe('surveyReportToCsv', () => {
  it('starts with a UTF-8 BOM and a Dutch header separated by semicolons', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
      'vraag;vraag_tekst;antwoord;antwoord_tekst;leeftijd;leeftijd_tekst;periode;maat;n;waarde;ci95_laag;ci95_hoog;basislijn;verschil;p_waarde;significant;onderdrukt',
    );
  });

  it('ends every line with CRLF and has no bare line feeds', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('gives every row the same number of fields', () => {
    const lines = csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    for (const line of lines) expect(line.split(';')).toHaveLength(SURVEY_CSV_COLUMNS.length);
  });

  it('writes shares, intervals and baseline figures with a decimal comma', () => {
    expect(find({ vraag: 'awareness', antwoord: 'used', periode: WHOLE })).toEqual([
      {
        vraag: 'awareness',
        vraag_tekst: labels.questions!.awareness,
        antwoord: 'used',
        antwoord_tekst: labels.awareness!.used,
        leeftijd: '',
        leeftijd_tekst: '',
        periode: WHOLE,
        maat: 'aandeel',
        n: '30',
        waarde: '0,3333',
        ci95_laag: '0,1923',
        ci95_hoog: '0,5122',
        basislijn: '0,23',
        verschil: '0,1033',
        p_waarde: '0,1953',
        significant: 'nee',
        onderdrukt: '',
      },
    ]);
    expect(find({ vraag: 'awareness', antwoord: 'awareNotUsed', periode: WHOLE })[0]?.verschil).toBe('-0,1167');
    expect(csv).not.toMatch(/\d\.\d/);
  });

  it('writes the totals, the satisfaction mean and counts', () => {
    expect(find({ maat: 'antwoorden', periode: WHOLE })[0]?.waarde).toBe('35');
    expect(find({ maat: 'synthetisch' })[0]?.waarde).toBe('3');
    expect(find({ vraag: 'satisfaction', maat: 'gemiddelde', periode: WHOLE })[0]).toMatchObject({ n: '29', waarde: '3,69' });
    expect(find({ vraag: 'satisfaction', maat: 'aantal', antwoord: '5' })[0]?.waarde).toBe('10');
  });

  it('leaves suppressed figures empty and marks them onderdrukt, keeping n', () => {
    const february = find({ vraag: 'awareness', periode: '2026-02' });
    expect(february).toHaveLength(3);
    for (const record of february) expect(record).toMatchObject({ n: '8', waarde: '', onderdrukt: 'onderdrukt' });

    const booking65 = find({ vraag: 'bookingChannel', leeftijd: '65+' });
    expect(booking65).toHaveLength(4);
    for (const record of booking65) expect(record).toMatchObject({ n: '0', waarde: '', onderdrukt: 'onderdrukt' });

    const smallDay = find({ vraag: 'outcome', periode: '2026-01-16' });
    expect(smallDay).toHaveLength(3);
    for (const record of smallDay) expect(record).toMatchObject({ waarde: '', onderdrukt: 'onderdrukt' });
  });

  it('writes the share that started outside the opening hours, and how many are unknown', () => {
    // 3 conversations with a known start (all outside): too few; 12 counted before the flag was kept.
    expect(find({ vraag: 'outsideOpeningHours' })).toEqual([
      expect.objectContaining({ antwoord: 'outside', periode: WHOLE, maat: 'aandeel', n: '3', waarde: '', onderdrukt: 'onderdrukt' }),
      expect.objectContaining({ antwoord: 'unknown', periode: WHOLE, maat: 'aantal', n: '', waarde: '12', onderdrukt: '' }),
    ]);
    const shown = buildSurveyReport([], januaryAndFebruary, baseline, [
      { day: '2026-01-15', channel: 'webchat', outcome: 'resolved', count: 12, openingHours: 'inside' },
      { day: '2026-01-15', channel: 'sms', outcome: 'resolved', count: 4, openingHours: 'outside' },
    ]);
    expect(surveyReportToCsv(shown, () => '')).toContain('\r\noutsideOpeningHours;;outside;;;;2026-01-01/2026-02-28;aandeel;16;0,25;');
  });

  it('puts the Dutch words from locales/nl beside every code, in their own columns', () => {
    const all = records(csv);
    for (const record of all) {
      if (record.vraag === '') {
        expect(record.vraag_tekst).toBe('');
        continue;
      }
      expect(record.vraag_tekst).toBe(labels.questions![record.vraag!]);
      if (record.antwoord !== '') expect(record.antwoord_tekst, JSON.stringify(record)).toBe(labels[record.vraag!]![record.antwoord!]);
      else expect(record.antwoord_tekst).toBe('');
      expect(record.leeftijd_tekst).toBe(record.leeftijd === '' ? '' : labels.ageBracket![record.leeftijd!]);
    }
    // Every question and answer of the file has its words: none is missing or shows a key.
    const words = all.flatMap((record) => [record.vraag_tekst, record.antwoord_tekst, record.leeftijd_tekst]).filter(Boolean);
    expect(words.length).toBeGreaterThan(50);
    for (const word of words) expect(word).not.toMatch(/^(labels\.|questions\.)|^[a-zA-Z]+\.[\w+-]+$/);
    expect(new Set(all.map((record) => record.vraag))).toEqual(
      new Set(['', 'awareness', 'satisfaction', 'appointmentPreference', 'bookingChannel', 'ageBracket', 'outcome', 'outsideOpeningHours']),
    );
    // The codes stay as they were, so files can still be joined on them.
    expect(find({ vraag: 'bookingChannel', leeftijd: '65+', antwoord: 'phone' })).toHaveLength(1);
  });

  it('writes the words in the language asked for', () => {
    const english = records(surveyReportToCsv(report, csvLabels(i18n, 'en')));
    const englishLabels = (readLocaleResources().en.dashboard as { labels: Record<string, Record<string, string>> }).labels;
    const outcome = english.find((record) => record.vraag === 'outcome' && record.antwoord === 'resolved')!;
    expect(outcome.antwoord_tekst).toBe(englishLabels.outcome!.resolved);
    expect(outcome.antwoord_tekst).not.toBe(labels.outcome!.resolved);
  });

  it('shown figures are not marked onderdrukt', () => {
    const january = find({ vraag: 'awareness', periode: '2026-01' });
    expect(january.map((record) => [record.waarde, record.onderdrukt])).toEqual([
      ['0,4545', ''],
      ['0,3636', ''],
      ['0,1818', ''],
    ]);
    expect(find({ vraag: 'outcome', periode: '2026-01-15', antwoord: 'resolved' })[0]?.waarde).toBe('12');
  });
});

describe('formatCsvField', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [0.5, '0,5'],
    [-0.0262, '-0,0262'],
    [1e-7, '0,0000001'],
    [412, '412'],
    [true, 'ja'],
    [false, 'nee'],
    ['awareNotUsed', 'awareNotUsed'],
    ['a;b', '"a;b"'],
    ['zegt "hallo"', '"zegt ""hallo"""'],
    ['twee\nregels', '"twee\nregels"'],
    [' rand', '" rand"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });
});
