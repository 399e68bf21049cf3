/**
 * The wish about the visit in the message that started a booking ("afspraak reispas, liefst dinsdag in
 * de voormiddag"). First messages often carry dates that are about something else: a death ("mijn vader
 * is overleden op 3 november"), a journey ("we vertrekken op 15 januari"), an expiry ("mijn kaart vervalt
 * op 12 maart"), a birth, a wedding, a move, a request already made. Those parts are left out; what is
 * left is read as the slot question reads an answer (momentWish.ts). A journey or an expiry date is not
 * turned into "before that day": the earliest free slots, offered without a wish, already come first.
 */
import { readMomentWish, type MomentWish } from './momentWish.js';
import { slotChoiceFor, type SlotChoiceOptions } from './slotChoiceDialog.js';
import { brusselsDay } from '../../services/brusselsTime.js';

/** What a first message says about when, as the slot question's search: a wish, a period, days refused, or ask the day. */
export type VisitWhen = Pick<SlotChoiceOptions, 'wish' | 'period' | 'avoid' | 'askDay'>;

/**
 * Parts of a message that each say one thing: sentences, comma parts, and clauses joined by "maar",
 * "want", "omdat" or "en" before a new subject ("… en ik wil donderdag komen"). A dot between digits
 * is part of a date or time ("3.12", "10.30").
 */
const CLAUSE_BREAK =
  /[!?;,]+|\.(?!\d)|\s(?:maar|want|omdat|aangezien|doordat|zodat|nadat|toen)\s|\s(?:en|of)\s(?=(?:ik|we|wij|mijn|m'n|ons|onze|hij|zij|ze|dan|nu)\s)/;

/** Where a resident goes for the visit itself: "naar het gemeentehuis", "naar jullie", "naar u". */
const COUNTER = '(?:het\\s+)?(?:gemeentehuis|stadhuis|loket|balie|gemeente|jullie|u)(?!\\p{L})';

/** Words that tie a date to something other than the visit. */
const OTHER_EVENT = new RegExp(
  '(?<!\\p{L})(?:' +
    [
      // a death or a funeral
      'overleden|overleed|overlijden|gestorven|gestorve|stierf|sterven|begraven|begrafenis|uitvaart|crematie|gecremeerd',
      // a birth or a birthday
      'geboren|geboorte|bevallen|bevalling|uitgerekend|verjaardag|jarig|wordt|word',
      // a journey
      'vertrek\\p{L}*|vertrokken|op reis|reis|reizen|vlieg\\p{L}*|vlucht|op vakantie|naar het buitenland|bedevaart|uitstap|op kamp',
      // going somewhere that is not the counter ("wij gaan in mei naar Lourdes"; not "ik ga maandag naar het gemeentehuis")
      `(?:gaan|gaat|ga|trekken|trekt|rijden|rijdt)(?=(?:\\s+\\p{L}+){0,6}\\s+naar\\s+(?!${COUNTER}))`,
      // an expiry
      'vervalt|vervallen|verloopt|verlopen|vervaldatum|geldig',
      // a wedding, a move
      'trouw\\p{L}*|getrouwd|huwelijk|huwen|verhuis\\p{L}*',
      // a loss or theft
      'gestolen|verloren|kwijt\\p{L}*|geblokkeerd',
      // what already happened
      'aangevraagd|besteld|gekregen|ontvangen|werd|geweest|sinds|geleden|vorige|vorig|afgelopen|gisteren|eergisteren',
      // the resident's own day, not the counter's ("ik werk tot 17u")
      'werk|werken|begin op|begint|start op',
    ].join('|') +
    ')(?!\\p{L})',
  'gu',
);

/** Words that tie a date to the visit itself. */
const VISIT = new RegExp(
  '(?<!\\p{L})(?:' +
    [
      'afspraak\\p{L}*|langs\\s*(?:te\\s+)?(?:komen|kom\\p{L}*|gaan|lopen)|langskom\\p{L}*|passeren|passeer|binnen\\s*(?:springen|lopen)',
      'komen|kom|kunnen komen|inplannen|plannen|reserveren|boeken|vastleggen|aanvragen',
      'liefst|liever|bij voorkeur|voorkeur|past|passen|schikt|lukt|moment|tijdstip',
      'kan ik|kunnen we|kunnen wij|mag ik|zou ik|kunt u|kunde|ik wil|ik wou|ik zou',
    ].join('|') +
    ')(?!\\p{L})',
  'gu',
);

/** A greeting names a part of the day that is no wish: "goede morgen", "goeienamiddag". */
const GREETING = /(?<!\p{L})(?:goe(?:de|ie|i|ede)n?\s*(?:morgen|middag|namiddag|avond)|good (?:morning|afternoon|evening))(?!\p{L})/gu;

/** The parts of `text` that speak about the visit, with the parts about other events left out. */
function visitParts(text: string): string {
  const plain = text.normalize('NFC').toLowerCase().replace(GREETING, ' ');
  return plain
    .split(CLAUSE_BREAK)
    .map((clause) => aboutTheVisit(clause))
    .join(' , ');
}

/**
 * A clause with words of another event and none of the visit is about that event; a clause with both is
 * cut at each cue word, and every piece belongs to the cue it starts with (the words before the first cue
 * to that cue): "afspraak voor mijn kaart die vervalt op 30 april" keeps "afspraak voor mijn kaart die".
 */
function aboutTheVisit(clause: string): string {
  const cues = [
    ...[...clause.matchAll(OTHER_EVENT)].map((match) => ({ at: match.index, visit: false })),
    ...[...clause.matchAll(VISIT)].map((match) => ({ at: match.index, visit: true })),
  ].sort((a, b) => a.at - b.at);
  if (cues.every((cue) => cue.visit)) return clause;
  if (cues.every((cue) => !cue.visit)) return '';
  return cues
    .map((cue, index) => (cue.visit ? clause.slice(index === 0 ? 0 : cue.at, cues[index + 1]?.at ?? clause.length) : ''))
    .join(' ');
}

/** What the first message says about when the resident wants to come; undefined when it says nothing about the visit. */
export function visitWishIn(text: string, now: Date): MomentWish | undefined {
  const wish = readMomentWish(visitParts(text), now);
  if (!wish) return undefined;
  // A day already gone is no wish for a visit ("de akte van 12 februari 1950").
  if (wish.exact?.day !== undefined && wish.exact.day < brusselsDay(now)) delete wish.exact;
  // "die dag" and "later in de week" need a day talked about before; a first message has none.
  delete wish.refusesThatDay;
  delete wish.relative;
  return Object.keys(wish).length > 0 ? wish : undefined;
}

/** The slot search for what the first message says about when; undefined when it says nothing about it. */
export function visitWhenIn(text: string, now: Date): VisitWhen | undefined {
  const wish = visitWishIn(text, now);
  if (!wish) return undefined;
  const { wish: exact, period, avoid, askDay } = slotChoiceFor(wish, { service: '' }, [], now);
  const when: VisitWhen = { ...(exact ? { wish: exact } : {}), ...(period ? { period } : {}), ...(avoid ? { avoid } : {}) };
  if (askDay) when.askDay = true;
  return Object.keys(when).length > 0 ? when : undefined;
}
