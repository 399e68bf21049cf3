import { beforeAll, describe, expect, it } from 'vitest';
import { visitWishIn } from '../../../dialogs/appointments/firstMessageWish.js';
import type { MomentWish } from '../../../dialogs/appointments/momentWish.js';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { brussels } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';

/** Wednesday 18 March 2026, 10:00 in Brussels: "donderdag" is 19 March, "volgende dinsdag" 24 March. */
const NOW = brussels('2026-03-18', '10:00');

// Written before the reader was tuned: first messages as residents type them, with a wish about the visit.
const VISIT_WISHES: ReadonlyArray<readonly [string, MomentWish]> = [
  [
    'ik wil een afspraak voor een nieuwe identiteitskaart, liefst volgende dinsdag in de voormiddag',
    { exact: { day: '2026-03-24', partOfDay: 'morning' } },
  ],
  ['kan ik donderdag langskomen voor een reispas voor mijn dochter', { exact: { day: '2026-03-19' } }],
  ['afspraak rijbewijs na 17u?', { exact: { after: '17:00' } }],
  ['afspraak maken voor een reispas, het liefst in de namiddag', { exact: { partOfDay: 'afternoon' } }],
  ['Goeiemorgen, zou ik vrijdag om 10 uur kunnen langskomen voor mijn rijbewijs?', { exact: { day: '2026-03-20', time: '10:00' } }],
  ['ik wil een afspraak voor een kids-id volgende week', { vague: { kind: 'period', from: '2026-03-23', until: '2026-03-29' } }],
  ['zo snel mogelijk een afspraak voor een nieuw paspoort aub', { vague: { kind: 'earliest' } }],
  ['afspraak id kaart, maar niet op woensdag', { avoid: { weekdays: [3] } }],
  ['kan ik morgen in de voormiddag een nieuwe eid aanvragen', { exact: { day: '2026-03-19', partOfDay: 'morning' } }],
  [
    'ik zou graag begin april een afspraak maken voor mijn rijbewijs',
    { vague: { kind: 'period', from: '2026-04-01', until: '2026-04-10' } },
  ],
  ['afspraak voor een uittreksel strafregister, ik kan pas na 16 uur', { exact: { after: '16:00' } }],
  ['wanneer kan ik langskomen voor een reispas? liefst maandag', { exact: { day: '2026-03-23' } }],
  ['afspraak reispas dnsdg vm', { exact: { day: '2026-03-24', partOfDay: 'morning' } }],
  ['mag ik op 25 maart om 14u komen voor mijn identiteitskaart', { exact: { day: '2026-03-25', time: '14:00' } }],
  [
    'ik wil een afspraak voor mijn paspoort, we vertrekken op 15 april op reis. liefst deze week nog',
    { vague: { kind: 'period', from: '2026-03-18', until: '2026-03-22' } },
  ],
  [
    'mijn identiteitskaart vervalt op 12 mei, kan ik volgende week langskomen?',
    { vague: { kind: 'period', from: '2026-03-23', until: '2026-03-29' } },
  ],
  ['afspraak voor rijbewijs, eender wanneer', { vague: { kind: 'earliest' } }],
  ['kan ik zaterdagvoormiddag komen voor een nieuwe id', { exact: { day: '2026-03-21', partOfDay: 'morning' } }],
  ['afspraak eid ten vroegste volgende maandag', { vague: { kind: 'period', from: '2026-03-23' } }],
  ['ik heb een afspraak nodig voor mijn rijbewijs om 9u', { exact: { time: '09:00' } }],
  ['ik kom mijn nieuwe reispas aanvragen, gaat dat morgen?', { exact: { day: '2026-03-19' } }],
  ['ik werk tot 17u, kan ik na 17u komen voor mijn identiteitskaart', { exact: { after: '17:00' } }],
  ['afspraak kids id voor mijn zoon, woensdagnamiddag past het best', { exact: { day: '2026-03-18', partOfDay: 'afternoon' } }],
  ['mijn vader is overleden, kan ik vrijdag langskomen voor de aangifte', { exact: { day: '2026-03-20' } }],
  ['ik wil een afspraak voor een reispas, maar dinsdag kan ik niet', { avoid: { weekdays: [2] } }],
  ['kunt u mij inplannen op 2 april voor een rijbewijs', { exact: { day: '2026-04-02' } }],
  ['ik ga dinsdag naar het gemeentehuis voor mijn reispas, past dat?', { exact: { day: '2026-03-24' } }],
];

// Dates that are about something else: a death, a journey, an expiry, a birth, a wedding, a move, a request already made.
const OTHER_DATES: readonly string[] = [
  'mijn vader is overleden op 3 november, ik heb een akte nodig',
  'we vertrekken op reis op 15 januari, is mijn pas op tijd klaar?',
  'mijn id-kaart vervalt op 12 maart',
  'mijn id-kaart vervalt op 12 maart, ik wil een afspraak',
  'ik wil een afspraak voor mijn identiteitskaart die vervalt op 30 april',
  'mijn zoon is geboren op 2 maart, hoe doe ik de aangifte',
  'wij trouwen op 20 juni en hebben een uittreksel nodig',
  'ik ben verhuisd op 1 maart, moet ik een afspraak maken',
  'mijn rijbewijs is verlopen sinds januari, afspraak aub',
  'mijn moeder is vorige week gestorven, ik wil een afspraak voor de overlijdensakte',
  'ik vlieg op 3 april naar Spanje, kan ik nog een afspraak voor een reispas krijgen',
  'mijn paspoort is geldig tot 30 april, afspraak voor een nieuwe',
  'ik heb op 2 maart een reispas aangevraagd, is die al klaar',
  'goede morgen, ik wil een afspraak voor een kids-id',
  'goeienamiddag, afspraak voor een rijbewijs aub',
  'afspraak voor een reispas voor mijn zoon van 8',
  'ik heb een afspraak nodig voor 2 personen voor een identiteitskaart',
  'mijn id kaart is zaterdag gestolen, ik wil een afspraak',
  'ik ben gisteren mijn rijbewijs verloren, kan ik een afspraak maken',
  'mijn dochter wordt 12 op 5 mei, heeft ze dan een afspraak nodig voor haar identiteitskaart',
  'de geboorteakte van mijn vader, geboren op 12 februari 1950',
  'ons huwelijk is op 12 september, welke afspraak moeten we maken',
  'mijn pas verloopt eind april, afspraak maken aub',
  'ik heb vorige maand een nieuwe identiteitskaart aangevraagd',
  'mijn kaart werd op 10 maart geblokkeerd, afspraak aub',
  'mijn vader stierf op 3 maart, ik wil een afspraak',
  'we gaan op 20 juli op vakantie naar Turkije, afspraak voor een reispas',
  'afspraak voor een uittreksel model 2 voor de chiro',
  'mijn man is op 14 februari begraven, afspraak voor de akte',
  'een afspraak voor een paspoort want wij gaan in mei met de ziekenkas naar Lourdes',
  'onze zoon trekt in juli met de jeugdbeweging naar Frankrijk, afspraak voor zijn kids-id',
  'afspraak reispas, we zijn in augustus op bedevaart',
];

describe('the wish about the visit in a first message', () => {
  it('has a table of at least 40 first messages of both kinds', () => {
    expect(VISIT_WISHES.length + OTHER_DATES.length).toBeGreaterThanOrEqual(40);
    expect(Math.min(VISIT_WISHES.length, OTHER_DATES.length)).toBeGreaterThanOrEqual(20);
  });

  it.each(VISIT_WISHES)('"%s" is a wish about the visit', (text, wish) => {
    expect(visitWishIn(text, NOW)).toEqual(wish);
  });

  it.each(OTHER_DATES)('"%s" names no moment for the visit', (text) => {
    expect(visitWishIn(text, NOW)).toBeUndefined();
  });
});

describe.each(['webchat', 'sms'])('a wish in the first message fills the slot question, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createLinearRecognizer();
  });

  function talk() {
    const conversation = createConversation({ recognizer, channelId, now: () => NOW });
    conversation.appointments.clock.now = NOW;
    return conversation;
  }

  /** The days of the offered slots, read from the slot labels ("donderdag 19 maart"). */
  function offeredDays(text: string): string[] {
    return [...text.matchAll(/«appointments:slot\.label» day=([^\n"]+?) time=/g)].map((match) => match[1]!);
  }

  it.each([
    ['kan ik donderdag langskomen voor een reispas voor mijn dochter', /^donderdag 19 maart$/],
    ['ik wil een afspraak voor een nieuwe identiteitskaart, liefst volgende dinsdag in de voormiddag', /^dinsdag 24 maart$/],
    ['afspraak rijbewijs volgende week graag', /^\S+ (2[3-9]) maart$/],
  ])('"%s" offers slots that fit the wish and says they do', async (first, day) => {
    const reply = readable(await talk().say(first));
    expect(reply).toContain('«appointments:slots.matching»');
    const days = offeredDays(reply);
    expect(days.length).toBeGreaterThan(0);
    for (const offered of days) expect(offered).toMatch(day);
  });

  it('"afspraak reispas, maar niet op woensdag" never offers a Wednesday', async () => {
    const reply = readable(await talk().say('afspraak reispas, maar niet op woensdag'));
    const days = offeredDays(reply);
    expect(days.length).toBeGreaterThan(0);
    for (const offered of days) expect(offered).not.toMatch(/^woensdag/);
  });

  it.each([
    'mijn id-kaart vervalt op 26 maart, ik wil een afspraak',
    'we vertrekken op 26 maart op reis, ik wil een afspraak voor een reispas',
  ])('"%s" offers the earliest slots, not that day', async (first) => {
    const reply = readable(await talk().say(first));
    expect(reply).toContain('«appointments:slots.earliest»');
    expect(reply).not.toContain('«appointments:slots.matching»');
  });

  // Asked as a visit ("kan ik donderdag langskomen?") the message is a booking itself (test/nlu/requestAmongParts.test.ts).
  it('keeps the wish of the first message through the document answer into booking', async () => {
    const conversation = talk();
    expect(readable(await conversation.say('mijn zoon van 5 heeft een kids-id nodig, ik ben donderdag in de voormiddag vrij'))).toContain(
      '«documents:inPerson.appointment.offer»',
    );
    const reply = readable(await conversation.say('ja'));
    expect(reply).toContain('«appointments:slots.matching»');
    const days = offeredDays(reply);
    expect(days.length).toBeGreaterThan(0);
    for (const offered of days) expect(offered).toBe('donderdag 19 maart');
  });
});
