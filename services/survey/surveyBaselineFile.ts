import { readFileSync } from 'node:fs';
import { toSurveyBaseline, type SurveyBaseline } from './surveyBaseline.js';

const SURVEY_BASELINE_FILE = new URL('../../data/surveyBaseline.json', import.meta.url).pathname;

/** Reads and checks data/surveyBaseline.json (or `file`); throws a RangeError naming what is wrong. */
export function loadSurveyBaseline(file = SURVEY_BASELINE_FILE): SurveyBaseline {
  return toSurveyBaseline(JSON.parse(readFileSync(file, 'utf8')));
}
