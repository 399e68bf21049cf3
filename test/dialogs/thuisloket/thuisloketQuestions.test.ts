import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/i18n.js';
import type { Recognition } from '../../../nlu/recognizer.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';

const facts = testFacts();
const thuisloket: Recognition = { intent: 'thuisloket.info', score: 1, entities: {} };
/** The recognizer only knows it is about the thuisloket; which question it is, the dialog must read. */
const QUESTIONS = {
  pin: ['ik ben mijn pincode vergeten van mijn identiteitskaart', 'puk code kwijt wat nu', 'mijn kaart is geblokkeerd door een foute pin'],
  cardReader: ['mijn kaartlezer werkt niet', 'de computer ziet mijn kaartlezer niet', 'kaartlezr doet niets als ik mijn kaart insteek'],
  itsme: ['itsme werkt niet meer op mijn gsm', 'itsme lukt niet bij het aanmelden'],
  noLogin: ['ik heb geen itsme', 'ik heb geen kaartlezer en ook geen itsme, hoe moet dat dan'],
  free: ['is het thuisloket gratis?', 'kost dat iets, dat thuisloket'],
  safe: ['is dat thuisloket wel veilig?', 'kunnen ze mijn gegevens zien op dat thuisloket'],
  howLong: ['hoe lang duurt het voor ik mijn attest krijg via het thuisloket', 'wanneer krijg ik mijn document als ik het online vraag'],
  documents: ['welke documenten kan ik online aanvragen?', 'wat kan ik er allemaal aanvragen, op dat thuisloket'],
  login: ['hoe meld ik me aan op het thuisloket', 'hoe log ik in op het digitaal loket'],
  problems: ['inloggen lukt niet', 'ik kom er niet in, op dat thuisloket'],
} as const;
const phrases: Record<string, Recognition> = { thuisloket, 'wat kan ik er vragen?': { intent: 'help', score: 1, entities: {} } };
for (const texts of Object.values(QUESTIONS)) for (const text of texts) phrases[text] = thuisloket;
const recognizer = fakeRecognizer(phrases);

/** What each question must be answered with (a locale key), and what must not come instead. */
const ANSWERS: Record<keyof typeof QUESTIONS, string[]> = {
  pin: ['«documents:inPerson.notes.notNewCard»', '«documents:inPerson.notes.codesByPost»', '«documents:inPerson.appointment.offer»'],
  cardReader: [`«thuisloket:problems.cardReader» url=${facts.municipality.eidSoftwareUrl}`, '«thuisloket:problems.browser»'],
  itsme: ['«thuisloket:problems.itsme»'],
  noLogin: ['«thuisloket:alternatives.intro»', '«thuisloket:alternatives.options.appointment»', '«thuisloket:alternatives.options.phone»'],
  free: ['«thuisloket:free»'],
  safe: ['«thuisloket:safe»'],
  howLong: ['«thuisloket:howLong.now»'],
  documents: ['«thuisloket:what.documents»', facts.municipality.thuisloketUrl],
  login: ['«thuisloket:login.itsme»', '«thuisloket:login.eid»'],
  problems: ['«thuisloket:problems.ask»', '«thuisloket:problems.options.pin»'],
};

const cases = Object.entries(QUESTIONS).flatMap(([question, texts]) =>
  texts.map((text) => ({ question: question as keyof typeof QUESTIONS, text })),
);

describe.each(['webchat', 'sms'])('thuisloket questions answered directly (%s)', (channelId) => {
  it.each(cases)('$question: "$text"', async ({ question, text }) => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say(text));
    for (const key of ANSWERS[question]) expect(reply).toContain(key);
    expect(reply).not.toContain('«thuisloket:what.intro»');
    expect(reply).not.toContain('«documents:inPerson.price.paid»');
  });

  it('a plain question about the thuisloket still gets the introduction and the topics', async () => {
    const reply = readable(await createConversation({ recognizer, channelId }).say('thuisloket'));
    expect(reply).toContain('«thuisloket:what.intro»');
    expect(reply).toContain('«thuisloket:topics.ask»');
  });

  it('a forgotten PIN is not a new eID: no eID price, and booking is offered', async () => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say(QUESTIONS.pin[0]));
    expect(reply).not.toContain('price=');
    expect(readable(await conversation.say('«common:answer.yes»'))).toContain('«appointments:');
  });

  it('the menu\'s own option "Wat kan ik er vragen?" answers it, though the recognizer reads it as help', async () => {
    const conversation = createConversation({ recognizer, channelId, i18n: createI18n() });
    await conversation.say('thuisloket');
    const reply = readable(await conversation.say('Wat kan ik er vragen?'));
    const nl = createI18n().getFixedT('nl');
    expect(reply).toContain(nl('thuisloket:what.link', { url: facts.municipality.thuisloketUrl }));
    expect(reply).not.toContain(nl('common:help.inDialog'));
  });
});
