import { describe, expect, it } from 'vitest';
import { readVagueWish } from '../../../dialogs/appointments/momentWish.js';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import { createConversation, readable } from '../../support/conversation.js';
import { brussels } from '../../support/appointments.js';

/** Wednesday 18 March 2026 in Brussels. */
const NOW = brussels('2026-03-18', '10:00');

describe('reading a vague wish at the slot question', () => {
  it.each([
    ['zo snel mogelijk aub', { kind: 'earliest' }],
    ['Zo vlug mogelijk graag', { kind: 'earliest' }],
    ['maakt niet uit', { kind: 'earliest' }],
    ['het maakt mij niets uit', { kind: 'earliest' }],
    ['kmaakt ni uit', { kind: 'earliest' }],
    ['tmaakt nie uit', { kind: 'earliest' }],
    ['om het even wanneer', { kind: 'earliest' }],
    ['eender wanneer', { kind: 'earliest' }],
    ['het eerste moment dat vrij is', { kind: 'earliest' }],
    ['as soon as possible', { kind: 'earliest' }],
    ['liefst volgende week', { kind: 'period', from: '2026-03-23', until: '2026-03-29' }],
    ['ergens komende week', { kind: 'period', from: '2026-03-23', until: '2026-03-29' }],
    ['nog deze week als het kan', { kind: 'period', from: '2026-03-18', until: '2026-03-22' }],
    ['over twee weken', { kind: 'period', from: '2026-04-01' }],
    ['volgende maand', { kind: 'period', from: '2026-04-01', until: '2026-04-30' }],
    ['begin april', { kind: 'period', from: '2026-04-01', until: '2026-04-10' }],
    ['half mei', { kind: 'period', from: '2026-05-10', until: '2026-05-20' }],
    ['eind maart', { kind: 'period', from: '2026-03-20', until: '2026-03-31' }],
    ['in juni', { kind: 'period', from: '2026-06-01', until: '2026-06-30' }],
    ['begin januari', { kind: 'period', from: '2027-01-01', until: '2027-01-10' }],
    ['na de zomervakantie', { kind: 'period', from: '2026-09-01' }],
    ['na nieuwjaar', { kind: 'period', from: '2027-01-02' }],
    ['na de vakantie', { kind: 'askDay' }],
    ['pas na de paasvakantie', { kind: 'askDay' }],
    ['na de examens', { kind: 'askDay' }],
  ])('"%s"', (text, wish) => {
    expect(readVagueWish(text, NOW)).toEqual(wish);
  });

  it.each(['An Peeters', 'ja', 'de tweede', 'wat kost dat?', 'Jan Janssens'])('"%s" is no wish', (text) => {
    expect(readVagueWish(text, NOW)).toBeUndefined();
  });
});

describe.each(['webchat', 'sms'])('a vague wish typed at the slot question, on %s', (channelId) => {
  async function atSlotQuestion() {
    const conversation = createConversation({ recognizer: await createLinearRecognizer(), channelId, now: () => NOW });
    conversation.appointments.clock.now = NOW;
    expect(readable(await conversation.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
    return conversation;
  }

  it.each(['zo snel mogelijk', 'maakt niet uit'])('"%s" offers the earliest slots, never the help text', async (text) => {
    const conversation = await atSlotQuestion();
    const reply = readable(await conversation.say(text));
    expect(reply).toContain('«appointments:slots.earliest»');
    expect(reply).not.toContain('«common:help');
    expect(reply).not.toContain('«appointments:slots.wishNotUnderstood»');
  });

  it.each([
    ['liefst volgende week', /day=\S+ (2[3-9]) maart/],
    ['begin april', /day=\S+ ([1-9]|10) april/],
  ])('"%s" offers slots inside that period', async (text, dayInPeriod) => {
    const conversation = await atSlotQuestion();
    const reply = readable(await conversation.say(text));
    expect(reply).toContain('«appointments:slots.matching»');
    const days = [...reply.matchAll(/«appointments:slot\.label» day=([^\n"]+?) time=/g)].map((match) => match[1]!);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(`day=${day}`).toMatch(dayInPeriod);
  });

  it('"na de vakantie" gets a clear question, then slots from the day given', async () => {
    const conversation = await atSlotQuestion();
    const question = readable(await conversation.say('na de vakantie'));
    expect(question).toContain('«appointments:slots.askFromDay»');
    const reply = readable(await conversation.say('vanaf 20 april'));
    expect(reply).toMatch(/«appointments:slots\.(matching|nearest)»/);
    expect(reply).not.toContain('«appointments:slots.wishNotUnderstood»');
  });
});
