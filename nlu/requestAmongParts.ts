import { CAPABILITY_INTENTS, isNoRequest, type Intent } from '../domain/nluContract.js';
import type { Recognition, Recognizer } from './recognizer.js';

/**
 * The longest message the assistant reads (characters). A resident's long story with a question
 * fits easily (about 300 words, a full page of a letter); a longer one is asked to be put shorter.
 * The HTTP body limit (about 300 KB) is far above it, so the check is the assistant's, not the server's.
 */
export const LONGEST_READ_MESSAGE = 2000;

/**
 * What a part may win with: a request for a capability. Not help or cancel: a fragment such as
 * "nee" or "laat maar" in "nee, dank u" at a question must never turn into a cancel.
 */
const PART_REQUESTS: readonly Intent[] = CAPABILITY_INTENTS;
/** A whole message read below this score is read part by part too. */
const CONFIDENT = 0.6;
/** A part wins only with this score: one sure request among the greeting and the story. */
const PART_CONFIDENT = 0.6;

/** A question sentence after a story counts only this sure of a capability request. */
const ASKED_CONFIDENT = 0.8;

/** A whole message whose two best requests lie closer than this is unsure between them: its parts decide. */
const TORN_MARGIN = 0.3;

/** The sentences of a message, trimmed, without empty ones. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?\n])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

/** The sentences and comma-separated parts of a message, trimmed, without empty ones. */
export function messageParts(text: string): string[] {
  return text
    .split(/(?<=[.!?;\n])|,/)
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part));
}

/**
 * Reads a message the way a person would when it opens with a greeting or tells a story first:
 * "Hello, I need a birth certificate", "Goeiedag. Mijn kleinzoon helpt mij normaal ... Kan ik een
 * afspraak maken?". When the whole message reads as a greeting, thanks or nothing, or unsure, the
 * surest request among its parts counts (the document named anywhere in the message stays).
 * A message longer than LONGEST_READ_MESSAGE is not read: the dialogs ask for a shorter one.
 */
export function readingEveryPart(recognizer: Recognizer): Recognizer {
  return {
    async recognize(text, locale) {
      if (text.length > LONGEST_READ_MESSAGE) return { intent: 'none', score: 1, entities: {} };
      const whole = await recognizer.recognize(text, locale);
      const asked = await askedAfterStory(recognizer, text, locale, whole);
      if (asked) return asked;
      if (!isNoRequest(whole.intent) && whole.score >= CONFIDENT && !isTorn(whole)) return whole;
      const parts = messageParts(text);
      if (parts.length < 2) return whole;
      let best: Recognition | undefined;
      for (const part of parts) {
        const read = await recognizer.recognize(part, locale);
        if (!PART_REQUESTS.includes(read.intent) || read.score < PART_CONFIDENT) continue;
        if (!best || beats(read, best)) best = read;
      }
      if (!best || (!isNoRequest(whole.intent) && best.score <= whole.score)) return whole;
      const document = whole.entities.document ?? best.entities.document;
      return { ...best, entities: { ...best.entities, ...(document ? { document } : {}) } };
    },
  };
}

/** Unsure between two requests ("mijn dochter heeft een nieuwe identiteitskaart nodig, afspraak maken"). */
function isTorn(whole: Recognition): boolean {
  const runnerUp = whole.runnerUp;
  return runnerUp !== undefined && !isNoRequest(runnerUp.intent) && whole.score - runnerUp.score < TORN_MARGIN;
}

/**
 * Whether one sure part counts before another: the surer one, except that a booking beats a document needed, since
 * "ik heb een nieuwe identiteitskaart nodig, afspraak maken" asks for the visit for that document.
 */
function beats(part: Recognition, best: Recognition): boolean {
  if (part.intent === 'appointment.book' && best.intent === 'document.request') return true;
  if (part.intent === 'document.request' && best.intent === 'appointment.book') return false;
  return part.score > best.score;
}

/**
 * A story, then the question ("Mijn kaart is vervallen. Ik heb geen kaartlezer. Kan ik daarvoor een
 * afspraak maken? Alvast bedankt."): the last sentence that asks something is what the resident
 * wants, when it surely asks for a capability, even if the story reads as another one. The document
 * named anywhere in the message stays ("daarvoor" points back to it).
 */
async function askedAfterStory(recognizer: Recognizer, text: string, locale: string, whole: Recognition): Promise<Recognition | undefined> {
  const sentences = sentencesOf(text);
  const question = sentences.length > 1 ? [...sentences].reverse().find((sentence) => sentence.endsWith('?')) : undefined;
  if (question === undefined) return undefined;
  const read = await recognizer.recognize(question, locale);
  if (!PART_REQUESTS.includes(read.intent) || read.score < ASKED_CONFIDENT || read.intent === whole.intent) return undefined;
  let document = read.entities.document ?? whole.entities.document;
  for (const sentence of sentences) {
    if (document) break;
    document = (await recognizer.recognize(sentence, locale)).entities.document;
  }
  return { ...read, entities: { ...read.entities, ...(document ? { document } : {}) } };
}
