import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../domain/nluContract.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';

const HOURS_QUESTIONS = [
  'zijn jullie open?',
  'zijn jullie nu open?',
  'zijn jullie zaterdag open?',
  'zijn jullie donderdag open?',
  'zijn jullie maandag open?',
  'wat zijn de openingsuren?',
];
const recognizer = fakeRecognizer({
  ...Object.fromEntries(HOURS_QUESTIONS.map((q) => [q, 'info.hours' as Intent])),
  'hoe kan ik jullie bereiken?': 'info.contact',
  'waar zijt ge gelegen en kan ik daar parkeren': 'info.contact',
  'welk nummer moet ik bellen': 'info.contact',
  'wat is jullie mailadres': 'info.contact',
  'wat is jullie adres, telefoon, mail en waar kan ik parkeren': 'info.contact',
});

/** Brussels wall-clock time → the instant (CET = UTC+1 before 29 March 2026 and from 25 October 2026, else CEST = UTC+2). */
function brussels(local: string): Date {
  const date = new Date(`${local}:00Z`);
  const summer = local >= '2026-03-29T03:00' && local < '2026-10-25T03:00';
  return new Date(date.getTime() - (summer ? 2 : 1) * 3600_000);
}

async function ask(local: string, question = 'zijn jullie open?') {
  const conversation = createConversation({ recognizer, now: () => brussels(local) });
  const text = readable(await conversation.say(question));
  return { text, say: async (answer: string) => readable(await conversation.say(answer)) };
}

describe('opening hours: now', () => {
  it('Wednesday 10:00: the counter and the phone are open until noon', async () => {
    const { text } = await ask('2026-03-18T10:00');
    expect(text).toContain('«info:hours.now.open.loket» time=12');
    expect(text).toContain('«info:hours.now.open.telefoon» time=12');
  });

  it('one minute before closing time it is still open; at closing time it is closed until the afternoon', async () => {
    expect((await ask('2026-03-18T11:59')).text).toContain('«info:hours.now.open.loket» time=12');
    const { text } = await ask('2026-03-18T12:00');
    expect(text).toContain('«info:hours.now.closed.loket» «info:hours.nextOpen.loket.today» time=13.30');
    expect(text).toContain('«info:hours.now.closed.telefoon» «info:hours.nextOpen.telefoon.today» time=13');
  });

  it('Tuesday afternoon: the counter opens again tomorrow morning', async () => {
    const { text } = await ask('2026-03-17T16:45');
    expect(text).toContain('«info:hours.nextOpen.loket.tomorrow» time=8.30');
    expect(text).toContain('«info:hours.nextOpen.telefoon.tomorrow» time=8.30');
  });

  it('Saturday noon: the counter opens again on Monday, named as a date', async () => {
    const { text } = await ask('2026-03-21T12:30');
    expect(text).toContain('«info:hours.nextOpen.loket.later» day=maandag 23 maart time=8.30');
  });

  it('Easter Monday: closed for the holiday, said once for both, open again on Tuesday', async () => {
    const { text } = await ask('2026-04-06T10:00');
    expect(text).toContain('«info:hours.today.closedFor.all» reason=Paasmaandag');
    expect(text.match(/closedFor/g)).toHaveLength(1);
    expect(text).toContain('«info:hours.nextOpen.loket.tomorrow» time=8.30');
  });

  it('the day after Easter Monday is an ordinary day', async () => {
    const { text } = await ask('2026-04-07T10:00');
    expect(text).not.toContain('closedFor');
    expect(text).toContain('«info:hours.now.open.loket» time=12');
  });

  it('a staff training closes the counter only, until 10:30, with its reason', async () => {
    const { text } = await ask('2026-03-19T09:00');
    expect(text).toContain('«info:hours.today.opensLate.loket» time=10.30 reason=een opleiding voor het personeel');
    expect(text).toContain('«info:hours.nextOpen.loket.today» time=10.30');
    expect(text).toContain('«info:hours.now.open.telefoon» time=12');
    expect(text).not.toContain('opensLate.telefoon');
  });

  it('Christmas Eve morning: open now, but closed from noon for Christmas Eve', async () => {
    const { text } = await ask('2026-12-24T09:00');
    expect(text).toContain('«info:hours.today.closesEarly.all» time=12 reason=Kerstavond');
    expect(text).toContain('«info:hours.now.open.loket» time=12');
  });
});

describe('opening hours: a named day', () => {
  it('"zijn jullie zaterdag open?" on a Wednesday: the counter on Saturday morning, no phone', async () => {
    const { text } = await ask('2026-03-18T10:00', 'zijn jullie zaterdag open?');
    expect(text).toContain('«info:hours.onDay.open.loket» day=zaterdag 21 maart hours=«info:hours.interval» from=9 to=12');
    expect(text).toContain('«info:hours.onDay.closed.telefoon» day=zaterdag 21 maart');
    expect(text).not.toContain('info:hours.now.');
  });

  it('"maandag" before Easter Monday: closed for the holiday', async () => {
    const { text } = await ask('2026-04-02T10:00', 'zijn jullie maandag open?');
    expect(text).toContain('«info:hours.onDay.closedFor.all» day=maandag 6 april reason=Paasmaandag');
    expect(text).not.toContain('onDay.open');
  });

  it('"donderdag" before Christmas Eve: only the morning, with the reason', async () => {
    const { text } = await ask('2026-12-21T10:00', 'zijn jullie donderdag open?');
    expect(text).toContain('«info:hours.onDay.closesEarly.all» day=donderdag 24 december time=12 reason=Kerstavond');
    expect(text).toContain('«info:hours.onDay.open.loket» day=donderdag 24 december hours=«info:hours.interval» from=8.30 to=12');
    expect(text).not.toContain('from=16');
  });
});

describe('opening hours: more', () => {
  it('offers the week, the phone hours and the closing days', async () => {
    const { text } = await ask('2026-03-18T10:00');
    for (const option of ['weekLoket', 'weekTelefoon', 'closingDays', 'done'])
      expect(text).toContain(`«info:hours.more.options.${option}»`);
  });

  it('the counter week around Easter shows the holiday with its name', async () => {
    const { say } = await ask('2026-04-02T10:00');
    const week = await say('«info:hours.more.options.weekLoket»');
    expect(week).toContain('«info:hours.intro.loket»');
    expect(week).toContain('maandag 6 april hours=«info:hours.closedBecause» reason=Paasmaandag');
    expect(week).toContain('«info:hours.onAppointment»');
  });

  it('lists the coming closing days with their reason', async () => {
    const { say } = await ask('2026-10-01T10:00');
    const list = await say('«info:hours.more.options.closingDays»');
    expect(list).toContain('«info:hours.closingDays.closedFor» day=vrijdag 16 oktober reason=de personeelsdag');
    expect(list).toContain('day=maandag 2 november reason=Allerzielen');
    // All Saints' Day falls on a Sunday in 2026: closed anyway, so not listed.
    expect(list).not.toContain('day=zondag 1 november');
    expect(list).not.toContain('«info:hours.closingDays.none»');
  });
});

describe('contact', () => {
  it('gives address, phone, e-mail and parking from the data', async () => {
    const { municipality } = testFacts();
    const conversation = createConversation({ recognizer });
    const text = readable(await conversation.say('hoe kan ik jullie bereiken?'));
    expect(text).toContain(municipality.address.street);
    expect(text).toContain(municipality.phone.display);
    expect(text).toContain(`tel:${municipality.phone.e164}`);
    expect(text).toContain(municipality.email);
    expect(text).toContain(municipality.parking!.nl);
  });
});

describe('contact: only what was asked', () => {
  const { municipality } = testFacts();
  const LINES = {
    address: municipality.address.street,
    phone: municipality.phone.display,
    email: municipality.email,
    parking: municipality.parking!.nl,
    website: '«info:contact.website»',
  };
  it.each([
    ['waar zijt ge gelegen en kan ik daar parkeren', ['address', 'parking']],
    ['welk nummer moet ik bellen', ['phone']],
    ['wat is jullie mailadres', ['email']],
    ['wat is jullie adres, telefoon, mail en waar kan ik parkeren', ['address', 'phone', 'email', 'parking', 'website']],
  ] as const)('"%s" gets %j', async (question, expected) => {
    for (const channelId of ['webchat', 'sms']) {
      const text = readable(await createConversation({ recognizer, channelId }).say(question));
      for (const [topic, line] of Object.entries(LINES)) {
        if ((expected as readonly string[]).includes(topic)) expect(text, `${channelId} ${topic}`).toContain(line);
        else expect(text, `${channelId} ${topic}`).not.toContain(line);
      }
    }
  });
});

describe('contact: one card', () => {
  it.each(['hoe kan ik jullie bereiken?', 'welk nummer moet ik bellen'])(
    '"%s" is answered in one message with the card',
    async (question) => {
      for (const channelId of ['webchat', 'sms']) {
        const replies = await createConversation({ recognizer, channelId }).say(question);
        const cards = replies.filter((reply) => readable([reply]).includes('«info:contact.title»'));
        expect(cards, channelId).toHaveLength(1);
      }
    },
  );
});

describe('opening hours: another day at the follow-up question', () => {
  it.each(['en op kerstavond?', 'en zaterdag?', 'kerstavond'])('"%s" gives that day and asks the follow-up again', async (followUp) => {
    const { say } = await ask('2026-12-02T10:00');
    const text = await say(followUp);
    expect(text).toContain('«info:hours.onDay.');
    expect(text).toContain('«info:hours.more.ask»');
    expect(text).not.toContain('«common:choice.retry»');
    expect(text).not.toContain('«common:notUnderstood»');
  });

  it('the named day is Christmas Eve of this year, with its reason', async () => {
    const { say } = await ask('2026-12-02T10:00');
    expect(await say('en op kerstavond?')).toContain('day=donderdag 24 december');
  });
});
