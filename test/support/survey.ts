import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import type { SurveyDeps } from '../../bot/assistant.js';
import { registerSurveyReportRoutes, type SurveyReportRoutesDeps } from '../../bot/http/surveyReportRoutes.js';
import { loadSurveyBaseline } from '../../services/survey/surveyBaselineFile.js';
import { memoryDocument } from '../../stores/embedded/durableDocument.js';
import { memoryKeyedDocuments } from '../../stores/embedded/keyedDocuments.js';
import { memoryOutcomeStore } from '../../stores/survey/embeddedOutcomeStore.js';
import { createEmbeddedSurveyStore, EMPTY_SURVEY_DAY_COUNTS, type SurveyDayPart } from '../../stores/survey/embeddedSurveyStore.js';
import type { SurveyStore } from '../../stores/survey/surveyStores.js';
import { fakeRecognizer } from './fakeRecognizer.js';

/** Phrases the survey tests use: goodbye starts the survey, stop is the cancel interruption. */
export const surveyRecognizer = fakeRecognizer({
  hallo: 'greeting',
  help: 'help',
  stop: 'cancel',
  daag: 'goodbye',
  'iemand spreken': 'handoff.human',
});

/** A test server route: the report API and the dashboard on these stores, with data/surveyBaseline.json. */
export function surveyReportRoute(deps: Omit<SurveyReportRoutesDeps, 'baseline'>) {
  return (http: Server) => registerSurveyReportRoutes(http, { ...deps, baseline: loadSurveyBaseline() });
}

/** Survey and outcome stores in memory with a clock the test moves. */
export function createSurveyFixture(
  options: { now?: string; random?: () => number; wrapStore?: (store: SurveyStore) => SurveyStore } = {},
) {
  let now = new Date(options.now ?? '2026-03-10T10:00:00Z');
  const surveyParts = memoryKeyedDocuments<SurveyDayPart>();
  const clock = () => now;
  const baseStore = createEmbeddedSurveyStore(surveyParts, memoryDocument(EMPTY_SURVEY_DAY_COUNTS), { now: clock, knownParts: [] });
  const deps: SurveyDeps = {
    surveyStore: options.wrapStore ? options.wrapStore(baseStore) : baseStore,
    outcomeStore: memoryOutcomeStore({ now: clock }),
    now: clock,
    random: options.random ?? (() => 0),
  };
  return {
    deps,
    /** The stored rows, by day and part of the day. */
    rows: () => surveyParts.values().flatMap((part) => part.responses),
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

/** The keys of the buttons of the first card in the replies (webchat renders options as a hero card). */
export function buttonTitles(replies: Partial<Activity>[]): string[] {
  for (const reply of replies) {
    const content = reply.attachments?.[0]?.content as { buttons?: { title: string }[] } | undefined;
    if (content?.buttons) return content.buttons.map((button) => button.title);
  }
  return [];
}

/** Which survey question the replies ask, from its keyed text, or undefined. */
export function askedQuestion(text: string): string | undefined {
  return /«survey:(\w+)\.question»/.exec(text)?.[1];
}
