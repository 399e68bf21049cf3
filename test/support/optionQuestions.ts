import type { TFunction } from 'i18next';
import type { Question } from '../../bot/channels/renderer.js';
import { ANSWER_NO, ANSWER_YES } from '../../dialogs/prompts/optionPrompt.js';
import { REQUESTERS } from '../../services/municipality/municipalityData.js';
import { AGE_BRACKET_CODES } from '../../services/survey/surveyCodes.js';

type Build = (t: TFunction) => Question['options'];

const yesNo =
  (noKey = 'common:answer.no'): Build =>
  (t) => [
    { value: ANSWER_YES, label: t('common:answer.yes') },
    { value: ANSWER_NO, label: t(noKey) },
  ];
const keyed =
  (prefix: string, values: readonly string[]): Build =>
  (t) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

/**
 * The bot's questions with options, by the id the dialogs ask them with, built from the same
 * locale keys: for tables that answer each of them as residents do.
 */
const OPTION_QUESTIONS = {
  'documents.canLogIn': yesNo('documents:online.canLogIn.no'),
  'documents.bookOffer': yesNo(),
  'documents.requester': keyed('documents:questions.requester.options', REQUESTERS),
  'documents.model': keyed('documents:questions.model.options', ['model-1', 'model-2']),
  anythingElse: yesNo(),
  'appointments.confirm': (t) => [...yesNo()(t), ...keyed('appointments:confirm', ['fixName', 'fixContact', 'fixMoment'])(t)],
  'appointments.cancel': yesNo(),
  'appointments.move': yesNo(),
  'appointments.tryAgain': (t) => [
    { value: 'tryAgain', label: t('appointments:access.tryAgain') },
    { value: 'stop', label: t('appointments:access.stop') },
  ],
  'thuisloket.book': yesNo(),
  'thuisloket.topics': keyed('thuisloket:topics.options', ['documents', 'login', 'freeSafe', 'problems', 'noLogin', 'done']),
  'thuisloket.problems': keyed('thuisloket:problems.options', ['itsme', 'cardReader', 'pin', 'other']),
  'thuisloket.alternatives': keyed('thuisloket:alternatives.options', ['appointment', 'phone', 'family']),
  'handoff.offer': keyed('handoff:offer', ['callback', 'cancelCallback', 'no']),
  'handoff.offerOpen': (t) => [
    { value: 'keep', label: t('handoff:open.keep') },
    { value: 'cancelCallback', label: t('handoff:offer.cancelCallback') },
  ],
  'info.hoursMore': keyed('info:hours.more.options', ['weekLoket', 'weekTelefoon', 'closingDays', 'done']),
  'survey.ageBracket': keyed('survey:ageBracket', AGE_BRACKET_CODES),
} satisfies Record<string, Build>;

export type OptionQuestionId = keyof typeof OPTION_QUESTIONS;

/** The yes/no questions: a yes option and a no option. */
export const YES_NO_QUESTIONS = [
  'documents.canLogIn',
  'documents.bookOffer',
  'anythingElse',
  'appointments.confirm',
  'appointments.cancel',
  'appointments.move',
  'thuisloket.book',
] as const satisfies readonly OptionQuestionId[];

/** The question `id` as the dialogs ask it, in the given language's texts. */
export function optionQuestion(id: OptionQuestionId, t: TFunction): Question {
  return { id, text: id, options: OPTION_QUESTIONS[id](t) };
}
