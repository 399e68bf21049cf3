import { describe, expect, it } from 'vitest';
import { matchAnswer, type AnswerQuestion } from '../../../bot/channels/optionAnswer.js';
import type { Option } from '../../../bot/channels/renderer.js';
import { createI18n } from '../../../bot/i18n.js';
import { SURVEY_ANSWER_CODES, type SurveyQuestion } from '../../../services/survey/surveyCodes.js';

const nl: AnswerQuestion = { language: 'nl' };
const pick = (answer: string, options: readonly Option[], question: AnswerQuestion = nl) =>
  matchAnswer(answer, options, question)?.option.value;

const channels = [
  { value: 'online', label: 'Online via de website' },
  { value: 'phone', label: 'Telefonisch' },
  { value: 'counter', label: 'Aan het loket' },
];

describe('matchAnswer: number, label, code', () => {
  it.each([
    ['2', 'phone'],
    [' 3. ', 'counter'],
    ['twee', 'phone'],
    ['de derde', 'counter'],
    ['Telefonisch', 'phone'],
    ['telefonisch!', 'phone'],
    ['aan het loket', 'counter'],
    ['online', 'online'],
    ['liefst telefonisch graag', 'phone'],
    ['telefonich', 'phone'],
  ])('"%s" picks %s', (answer, value) => {
    expect(pick(answer, channels)).toBe(value);
  });

  it.each(['4', '0', 'misschien', '', 'telefonisch of aan het loket'])('"%s" picks nothing', (answer) => {
    expect(pick(answer, channels)).toBeUndefined();
  });

  it('takes the first words of exactly one label, but not of several', () => {
    const answers = [
      { value: 'callback', label: 'Ja, bel mij terug' },
      { value: 'no', label: 'Nee, dank u' },
      { value: 'later', label: 'Nee, later' },
    ];
    expect(pick('ja', answers)).toBe('callback');
    expect(pick('Nee dank u', answers)).toBe('no');
    expect(pick('nee', answers)).toBeUndefined();
    // A key word of one label is a likely answer, not a whole one: a confident command may still win.
    expect(matchAnswer('bel', answers, nl)).toMatchObject({ option: { value: 'callback' }, whole: false });
  });
});

describe('matchAnswer: yes/no options in every form', () => {
  const yesNo = [
    { value: 'yes', label: 'Ja' },
    { value: 'no', label: 'Nee' },
  ];
  it.each([
    ['ja graag', 'yes', true],
    ['jawel', 'yes', true],
    ['is goed', 'yes', true],
    ['oké dank u', 'yes', true],
    ['nee dank u', 'no', true],
    ['liever niet', 'no', true],
    ['laat maar', 'no', true],
    ['nee toch niet', 'no', true],
    ['nee, ik wil iemand spreken', 'no', false],
  ])('"%s" picks %s (whole: %s)', (answer, value, whole) => {
    expect(matchAnswer(answer, yesNo, nl)).toMatchObject({ option: { value }, whole });
  });

  it('reads the meaning from labels that start with ja or nee', () => {
    const offer = [
      { value: 'callback', label: 'Ja, bel mij terug' },
      { value: 'cancelCallback', label: 'Mijn vraag om te bellen stoppen' },
      { value: 'none', label: 'Nee, dank u' },
    ];
    expect(pick('ja graag', offer)).toBe('callback');
    expect(pick('doe maar', offer)).toBe('callback');
    expect(pick('neen merci', offer)).toBe('none');
    expect(pick('liever niet', offer)).toBe('none');
  });

  it('reads no for the one no-option of a question without a yes-option, but not where two options mean yes', () => {
    const more = [
      { value: 'weekLoket', label: 'De uren van het loket' },
      { value: 'done', label: 'Nee, dank u' },
    ];
    expect(pick('neen merci', more)).toBe('done');
    expect(pick('laat maar', more)).toBe('done');
    const awareness = [
      { value: 'used', label: 'Ja, en ik heb het al gebruikt' },
      { value: 'awareNotUsed', label: 'Ja, maar ik gebruik het niet' },
      { value: 'unaware', label: 'Nee, dat wist ik niet' },
    ];
    expect(pick('liever niet', awareness)).toBeUndefined();
  });
});

const i18n = createI18n();
const t = i18n.getFixedT('nl');
const surveyOptions = (question: SurveyQuestion): Option[] => [
  ...SURVEY_ANSWER_CODES[question].map((code) => ({ value: String(code), label: t(`survey:${question}.${code}`) })),
  { value: 'skip', label: t('survey:skip') },
];
const survey = (question: SurveyQuestion): AnswerQuestion => ({ language: 'nl', id: `survey.${question}` });

describe('matchAnswer: the survey in words (real Dutch labels and synonyms)', () => {
  it.each([
    ['awareness', 'Ja, maar ik gebruik het niet', 'awareNotUsed'],
    ['awareness', 'ja, ik heb het al gebruikt', 'used'],
    ['awareness', 'al gebruikt', 'used'],
    ['awareness', 'Ja hoor, al een paar keer gebruikt', 'used'],
    ['awareness', 'nooit gebruikt', 'awareNotUsed'],
    ['awareness', 'wist het wel maar nog nooit gebruikt', 'awareNotUsed'],
    ['awareness', 'ja maar ik gebruik het eigenlijk nooit', 'awareNotUsed'],
    ['awareness', 'wist ik niet', 'unaware'],
    ['awareness', 'nee', 'unaware'],
    ['awareness', 'Neen, dat wist ik niet.', 'unaware'],
    ['awareness', 'nooit van gehoord', 'unaware'],
    ['awareness', 'sla over', 'skip'],
    ['satisfaction', 'heel tevreden', '5'],
    ['satisfaction', 'zeer tevreden, dank u', '5'],
    ['satisfaction', 'gaat wel', '3'],
    ['satisfaction', 'slecht', '2'],
    ['satisfaction', 'heel slecht', '1'],
    ['satisfaction', 'helemaal niet goed', '1'],
    ['satisfaction', 'niet goed', '2'],
    ['satisfaction', 'goed', '4'],
    ['satisfaction', 'tevreden', '4'],
    ['satisfaction', 'niet tevreden', '2'],
    ['satisfaction', 'vier', '4'],
    ['satisfaction', '4/5', '4'],
    ['satisfaction', '5 op 5', '5'],
    ['satisfaction', 'een vier', '4'],
    ['satisfaction', 'ik geef een 3', '3'],
    ['satisfaction', 'super!', '5'],
    ['satisfaction', 'tevreeden', '4'],
    ['appointmentPreference', 'zonder afspraak', 'walkIn'],
    ['appointmentPreference', 'maakt niet uit', 'indifferent'],
    ['appointmentPreference', 'liever met een afspraak', 'appointment'],
    ['bookingChannel', 'via de website', 'online'],
    ['bookingChannel', 'ik bel liever', 'phone'],
    ['bookingChannel', 'aan de balie', 'counter'],
    ['ageBracket', '65 of ouder', '65+'],
    ['ageBracket', 'ik ben gepensioneerd', '65+'],
  ] as const)('%s: "%s" picks %s', (question, answer, value) => {
    expect(pick(answer, surveyOptions(question), survey(question))).toBe(value);
  });

  it.each([
    ['awareness', 'ja'],
    ['satisfaction', 'blabla'],
    ['satisfaction', 'hoe laat zijn jullie open?'],
  ] as const)('%s: "%s" picks nothing', (question, answer) => {
    expect(pick(answer, surveyOptions(question), survey(question))).toBeUndefined();
  });

  it('takes every label, typed as shown, as that option and nothing more', () => {
    for (const question of Object.keys(SURVEY_ANSWER_CODES) as SurveyQuestion[]) {
      for (const option of surveyOptions(question)) {
        expect(matchAnswer(option.label, surveyOptions(question), survey(question)), `${question} ${option.label}`).toMatchObject({
          option: { value: option.value },
          whole: true,
        });
      }
    }
  });
});
