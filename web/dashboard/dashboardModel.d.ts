// Types of dashboardModel.js, for the TypeScript tests that check what the dashboard shows.
import type { SurveyReport } from '../../services/survey/surveyReport.js';

/** The dashboard namespace of locales/<lang>/dashboard.json. */
export type DashboardTexts = object;
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface DashboardFormat {
  suppressed: string;
  noConversations: string;
  share(value: number | null | undefined): string;
  mean(value: number | null | undefined): string;
  count(value: number): string;
  month(period: string): string;
  longMonth(period: string): string;
  day(day: string): string;
  shortDay(day: string): string;
}

export interface DashboardTable {
  columns: string[];
  rows: string[][];
}

export interface DashboardLineChart {
  id: string;
  kind: 'lines';
  /** 'perSeries': one small chart per series, each with its own reference line. */
  layout?: 'perSeries';
  /** One plain-Dutch sentence per figure: what it means, with the panel comparison where there is one. */
  sentences: string[];
  /** Per category: the month is cut short by the range (e.g. the current month). */
  incomplete: boolean[];
  /** Surveys answered per conversation (satisfaction chart only), null without conversations. */
  responseRate?: number | null;
  yMin?: number;
  yMax: number;
  yFormat: 'share' | 'mean';
  categories: string[];
  series: { code: string; label: string; values: (number | null)[]; reference?: number }[];
  table: DashboardTable;
}

export interface DashboardBarChart {
  id: string;
  kind: 'bars';
  yFormat: 'share';
  sentences: string[];
  /** Shown instead of bars when there is nothing to count yet. */
  emptyText?: string;
  groups: { label: string; bars: { label: string; value: number | null }[] }[];
  table: DashboardTable;
}

export interface DashboardModel {
  format: DashboardFormat;
  summary: {
    responses: number;
    synthetic: number;
    from: string;
    to: string;
    period: string;
    responseRate: number | null;
    conversations: number;
    /** Share of the conversations that started outside the counter's opening hours; null when too few are known. */
    outsideOpeningHours: number | null;
  };
  charts: (DashboardLineChart | DashboardBarChart)[];
}

export declare function translator(texts: DashboardTexts): Translate;
export declare function formatters(language: string, t: Translate): DashboardFormat;
export declare function dashboardModel(
  report: SurveyReport,
  options: { today?: string; texts: DashboardTexts; language?: string },
): DashboardModel;
