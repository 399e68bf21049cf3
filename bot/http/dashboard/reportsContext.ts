/**
 * What the report API and the dashboard's routes share: who may see the figures (token,
 * sessions, wrong-token limit), the clock, the texts and how a report is made.
 */
import { createAttemptLimiter, type AttemptLimiter } from '../../../services/attemptLimiter.js';
import { storedSurveyReport } from '../../../services/survey/storedSurveyReport.js';
import type { SurveyBaseline } from '../../../services/survey/surveyBaseline.js';
import type { ReportRange, SurveyReport } from '../../../services/survey/surveyReport.js';
import type { AttemptStore } from '../../../stores/attempts/attemptStore.js';
import type { SessionStore } from '../../../stores/sessions/sessionStore.js';
import type { OutcomeStore, SurveyStore } from '../../../stores/survey/surveyStores.js';
import type { Logger } from '../../logger.js';
import type { i18n } from 'i18next';
import { createI18n, LANGUAGES, type Language } from '../../i18n.js';
import type { ReportsAccessDeps } from '../reportsAccess.js';
import { createSessions } from '../sessions.js';
import { pageTextValues } from './dashboardTexts.js';

export interface SurveyReportRoutesDeps {
  /** Counts its rows for the report where they are (in memory or in SQL). */
  surveyStore: Pick<SurveyStore, 'reportCounts'>;
  outcomeStore: Pick<OutcomeStore, 'counts'>;
  /** REPORTS_TOKEN; null or empty switches the reports off (503). */
  reportsToken: string | null;
  /** data/surveyBaseline.json, checked (loadSurveyBaseline). */
  baseline: SurveyBaseline;
  now?: () => Date;
  logger?: Logger;
  /** Mark the session cookie Secure: true whenever the site is served over HTTPS. */
  secureCookies?: boolean;
  /** Wrong tokens per address (defaults: 5 per 15 minutes). */
  limiter?: AttemptLimiter;
  /** Where dashboard sessions are kept (default: in memory); 8 hours sliding. */
  sessionStore?: SessionStore;
  /** Where wrong-token attempts are counted (default: in memory), when no limiter is given. */
  attemptStore?: AttemptStore;
  /** The texts (locales/<lang>/dashboard.json); default: read from locales/. */
  i18n?: i18n;
}

export interface ReportsContext {
  access: ReportsAccessDeps & { reportsToken: string | null; limiter: AttemptLimiter };
  now: () => Date;
  logger?: Logger;
  secureCookies: boolean;
  i18n: i18n;
  /** Per language, the placeholders every dashboard page fills (dashboardTexts.ts). */
  pageValues: ReadonlyMap<Language, Readonly<Record<string, string>>>;
  /** The report offered outside: whole months, small cells left out of every total. */
  report(range: ReportRange): Promise<SurveyReport>;
}

/** A dashboard session lasts 8 hours, sliding. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function createReportsContext(deps: SurveyReportRoutesDeps): ReportsContext {
  const texts = deps.i18n ?? createI18n();
  const limiter =
    deps.limiter ?? createAttemptLimiter({ scope: 'reports-token', maxAttempts: 5, windowMs: 15 * 60 * 1000, store: deps.attemptStore });
  return {
    access: {
      reportsToken: deps.reportsToken || null,
      sessions: createSessions({ ttlMs: SESSION_TTL_MS, store: deps.sessionStore }),
      limiter,
    },
    now: deps.now ?? (() => new Date()),
    logger: deps.logger,
    secureCookies: deps.secureCookies ?? false,
    i18n: texts,
    pageValues: new Map(LANGUAGES.map((language) => [language, pageTextValues(texts, language)])),
    report: (range) => storedSurveyReport(deps, range, deps.baseline, { leaveOutSmallCells: true }),
  };
}
