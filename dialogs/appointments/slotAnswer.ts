/**
 * Reads a resident's answer to the slot question against the slots it offered: "de eerste is goed",
 * "doe maar de tweede", "die van 10 uur", "dinsdag om 9u is goed" pick one; "ja dat is goed" or "ok"
 * agrees without saying which. Wishes for other moments ("liever woensdag") are not read here.
 */
import { answerPhrases, answerWords, containsAnyPhrase, type Words } from '../../bot/channels/answerPhrases.js';
import { readYesNo } from '../../bot/channels/yesNoAnswer.js';
import type { Language } from '../../bot/i18n.js';
import { parseDutchDateTime, type DateTimeWish } from '../../nlu/dutchDateTime.js';
import { ordinalNumber } from '../../nlu/dutchNumbers.js';
import type { FreeSlot } from '../../services/appointments/slots.js';

export type SlotAnswer =
  /** One of the offered slots. */
  | { kind: 'pick'; slot: FreeSlot }
  /** Agreement without a choice among several slots: ask which one. */
  | { kind: 'agree' };

const LAST = new Set(['laatste', 'last']);
/** "nummer 2", "optie 3": a plain number after these words counts too. */
const NUMBER_LEAD = new Set(['nummer', 'nr', 'optie', 'keuze', 'number', 'option']);
/** "de eerste week van april" is a period, not the first option. */
const PERIOD_NOUNS = new Set(['week', 'weken', 'maand', 'maanden', 'helft', 'dag', 'dagen', 'keer', 'van', 'month', 'half', 'day']);

/** The slot a message picks among `offered`, or an agreement that picks none; undefined when it does neither. */
export function readSlotAnswer(text: string, offered: readonly FreeSlot[], now: Date, language: Language): SlotAnswer | undefined {
  if (offered.length === 0) return undefined;
  const words = answerWords(text);
  const ordinal = ordinalIn(words, offered.length);
  if (ordinal !== undefined) return { kind: 'pick', slot: offered[ordinal - 1]! };
  const byMoment = slotNamed(text, words, offered, now, language);
  if (byMoment) return { kind: 'pick', slot: byMoment };
  const yesNo = readYesNo(text, language);
  if (yesNo?.meaning === 'yes' && yesNo.whole) return offered.length === 1 ? { kind: 'pick', slot: offered[0]! } : { kind: 'agree' };
  return undefined;
}

/** The option number an ordinal in the message names ("de eerste is goed", "nummer 2 aub", "de laatste"), 1..count. */
function ordinalIn(words: Words, count: number): number | undefined {
  const found = words.flatMap((word, index) => {
    const next = words[index + 1];
    if (next !== undefined && PERIOD_NOUNS.has(next)) return [];
    const value = ordinalValue(word, words[index - 1]);
    if (value === 'last') return [count];
    return value === undefined ? [] : [value];
  });
  const [value] = found;
  // Two different ordinals ("de eerste of de tweede") choose nothing.
  return value !== undefined && value >= 1 && value <= count && found.every((other) => other === value) ? value : undefined;
}

function ordinalValue(word: string, before: string | undefined): number | 'last' | undefined {
  if (LAST.has(word)) return 'last';
  if (before !== undefined && NUMBER_LEAD.has(before) && /^\d{1,2}$/.test(word)) return Number(word);
  // Only ordinals choose here: "twee" or "2" alone may be a time or a date.
  return ordinalNumber(word);
}

/**
 * The offered slot the message names by its moment: an exact time ("die van 10 uur", "om 9.30"), with
 * or without its day, or a day alone when the resident agrees with it ("dinsdag is goed", "die van
 * woensdag"); undefined when it names none of them or more than one.
 */
function slotNamed(text: string, words: Words, offered: readonly FreeSlot[], now: Date, language: Language): FreeSlot | undefined {
  const wish = parseDutchDateTime(text, now);
  if (!wish || wish.after !== undefined || wish.before !== undefined) return undefined;
  if (wish.time === undefined && !(wish.day !== undefined && (agrees(words, language) || refersBack(words)))) return undefined;
  const fitting = offered.filter((slot) => fits(slot, wish));
  return fitting.length === 1 ? fitting[0] : undefined;
}

function fits(slot: FreeSlot, wish: DateTimeWish): boolean {
  return (
    (wish.day === undefined || slot.day === wish.day) &&
    (wish.time === undefined || slot.time === wish.time) &&
    (wish.partOfDay === undefined || (wish.partOfDay === 'morning') === slot.time < '12:00')
  );
}

/** "is goed", "ok", "graag" somewhere in the message, and no "niet". */
function agrees(words: Words, language: Language): boolean {
  const phrases = answerPhrases(language);
  return containsAnyPhrase(words, phrases.yes) && !containsAnyPhrase(words, phrases.negations);
}

/** "die van woensdag", "the one on Wednesday": the resident points at an option shown. */
function refersBack(words: Words): boolean {
  const said = words.join(' ');
  return /\b(?:die|dat|deze|the one)\b/.test(said);
}
