/**
 * Residents answer the bot's own questions in their own words: a fact that answers the question
 * ("ik heb geen itsme", "ik ben 72", "mijn vrouw"), and yes or no the way the question makes them
 * mean ("nee hoor, dat is goed" is right at "Klopt dit?" and no thanks at "Wilt u nog iets?").
 * Every answer goes through the real OptionPrompt with the real Dutch labels, on webchat and sms.
 */
import { describe, expect, it } from 'vitest';
import { answerPhrases } from '../../bot/channels/answerPhrases.js';
import { createI18n } from '../../bot/i18n.js';
import { askAndAnswer } from '../support/channelAnswers.js';
import { optionQuestion, YES_NO_QUESTIONS, type OptionQuestionId } from '../support/optionQuestions.js';

const i18n = createI18n();
const t = i18n.getFixedT('nl');
const CHANNELS = ['webchat', 'sms'] as const;

async function picked(channelId: string, id: OptionQuestionId, answer: string): Promise<string | undefined> {
  const result = await askAndAnswer(i18n, 'nl', channelId, optionQuestion(id, t), () => ({ text: answer }));
  return result.picked;
}

/** [question, what the resident types, the option it means]. */
const FACTS: ReadonlyArray<[OptionQuestionId, string, string]> = [
  ['documents.canLogIn', 'ik heb eigenlijk geen computer, mijn kleinzoon doet dat meestal', 'no'],
  ['documents.canLogIn', 'ik heb geen itsme', 'no'],
  ['documents.canLogIn', 'ik heb geen kaartlezer en ook geen itsme, ik ben daar niet mee weg', 'no'],
  ['documents.canLogIn', 'op het gemeentehuis liever', 'no'],
  ['documents.canLogIn', 'dat lukt mij niet', 'no'],
  ['documents.canLogIn', 'kzou da liever via mn gsm doen, ik heb itsme', 'yes'],
  ['documents.canLogIn', 'ja hoor, met itsme', 'yes'],
  ['documents.bookOffer', 'op het gemeentehuis liever', 'yes'],
  ['documents.bookOffer', 'ik kom wel langs', 'yes'],
  ['documents.bookOffer', 'ik doe het wel online', 'no'],
  ['documents.bookOffer', 'niet nu, ik moet eerst mijn agenda bekijken', 'no'],
  ['documents.requester', 'mijn vrouw', 'other'],
  ['documents.requester', 'voor mijn moeder', 'other'],
  ['documents.requester', 'voor mijn zoontje', 'child'],
  ['documents.requester', 'voor mij', 'self'],
  ['documents.requester', 'mijn man is overleden', 'deceased'],
  ['documents.model', 'voor mijn studentenjob', 'model-1'],
  ['documents.model', 'voor de jeugdbeweging', 'model-2'],
  ['documents.model', 'een job in de kinderopvang', 'model-2'],
  ['anythingElse', 'dat was het, bedankt', 'no'],
  ['anythingElse', 'ik ben geholpen', 'no'],
  ['anythingElse', 'ik heb nog een vraag', 'yes'],
  ['appointments.confirm', 'alles klopt', 'yes'],
  ['appointments.confirm', 'ja maar de naam is fout', 'fixName'],
  ['appointments.confirm', 'ja maar het nummer klopt niet', 'fixContact'],
  ['appointments.cancel', 'ja, doe maar weg', 'yes'],
  ['appointments.cancel', 'neen, laat maar staan', 'no'],
  ['appointments.move', 'dat past beter', 'yes'],
  ['appointments.tryAgain', 'ik heb een andere code', 'tryAgain'],
  ['handoff.offer', 'ik bel zelf wel', 'no'],
  ['handoff.offer', 'bel mij maar', 'callback'],
  ['handoff.offerOpen', 'ik wil niet meer gebeld worden', 'cancelCallback'],
  ['info.hoursMore', 'wanneer kan ik langskomen aan het loket', 'weekLoket'],
  ['info.hoursMore', 'wanneer kan ik bellen', 'weekTelefoon'],
  ['info.hoursMore', 'en met kerstmis?', 'closingDays'],
  ['thuisloket.topics', 'kost dat iets', 'freeSafe'],
  ['thuisloket.topics', 'iets anders', 'done'],
  ['thuisloket.problems', 'mijn kaartlezer doet niks', 'cardReader'],
  ['thuisloket.alternatives', 'op het gemeentehuis liever', 'appointment'],
  ['thuisloket.alternatives', 'mijn dochter helpt mij wel', 'family'],
  ['survey.ageBracket', 'ik ben 72', '65+'],
  ['survey.ageBracket', '45 jaar', '35-49'],
  ['survey.ageBracket', '2', '35-49'],
];

describe('a fact that answers the question picks its option', () => {
  for (const channelId of CHANNELS) {
    it.each(FACTS)(`on ${channelId}, at %s "%s" means %s`, async (id, answer, value) => {
      expect(await picked(channelId, id, answer)).toBe(value);
    });
  }

  it.each(CHANNELS)('on %s, an age below every range is asked again, not stored in the nearest', async (channelId) => {
    expect(await picked(channelId, 'survey.ageBracket', 'ik ben 16')).toBeUndefined();
  });
});

/** What the answer means at a question that asks whether something is right, and at one that asks a wish. */
const YES_NO: ReadonlyArray<[string, 'yes' | 'no', 'yes' | 'no']> = [
  ['nee hoor, dat is goed', 'yes', 'no'],
  ['neen, klopt', 'yes', 'no'],
  ['neen dank u, dat is in orde', 'yes', 'no'],
  ['nee, het is goed zo', 'yes', 'no'],
  ['nee, niet nodig', 'no', 'no'],
  ['nee, klopt niet', 'no', 'no'],
  ['ja graag', 'yes', 'yes'],
  ['ja hoor, dat is goed', 'yes', 'yes'],
  ['nee dank u', 'no', 'no'],
  ['ja, maar liever niet', 'no', 'no'],
];

describe('yes and no read by the question', () => {
  const confirmations = answerPhrases('nl').confirmations;

  it('the confirmation questions are yes/no questions the dialogs ask', () => {
    expect(confirmations.length).toBeGreaterThan(0);
    for (const id of confirmations) expect(YES_NO_QUESTIONS).toContain(id);
  });

  for (const channelId of CHANNELS) {
    for (const id of YES_NO_QUESTIONS) {
      const confirms = confirmations.includes(id);
      it.each(YES_NO)(
        `on ${channelId}, at ${id} "%s" means yes at a confirmation (%s), else %s`,
        async (answer, atConfirmation, atWish) => {
          expect(await picked(channelId, id, answer)).toBe(confirms ? atConfirmation : atWish);
        },
      );
    }
  }

  it.each(CHANNELS)('on %s, "ja maar" with a correction at the summary is that correction', async (channelId) => {
    expect(await picked(channelId, 'appointments.confirm', 'ja, maar de naam is fout')).toBe('fixName');
    expect(await picked(channelId, 'appointments.confirm', 'ja maar het moet een ander uur zijn')).toBe('fixMoment');
  });
});
