import type { TurnContext } from 'botbuilder';
import { answerPhrases, answerWords, isOnlyPhrase, phraseWords, type Words } from '../../bot/channels/answerPhrases.js';
import { turnServices } from '../../bot/turnState.js';

/** Whether the whole message only takes note or thanks ("ok", "merci", "oké bedankt"), in the resident's language. */
export function isAcknowledgement(context: TurnContext): boolean {
  const text = context.activity.text;
  if (typeof text !== 'string') return false;
  const { language } = turnServices(context);
  return isOnlyPhrase(answerWords(text), answerPhrases(language).acknowledge, language);
}

/** Letters or digits: a message without them ("👍", "🙏🙂", ":)") says no words. */
const WORDS = /[\p{L}\p{N}]/u;
/** A picture or a smiley. */
const PICTURE = /\p{Extended_Pictographic}|[:;]-?[)D(pP]/u;

/**
 * Whether the whole message is a last courtesy that asks nothing: an acknowledgement, "k", "top",
 * "'t is goed zo", "da's goe", "ok bye", or only emoji ("👍"). Read after the goodbye, where it needs a
 * short farewell and nothing new.
 */
export function isClosingCourtesy(context: TurnContext): boolean {
  const text = context.activity.text;
  if (typeof text !== 'string' || !text.trim()) return false;
  if (!WORDS.test(text)) return PICTURE.test(text);
  if (isAcknowledgement(context)) return true;
  const phrases = answerPhrases(turnServices(context).language);
  return coveredBy(answerWords(text), [...phrases.closingCourtesy, ...phrases.acknowledge, ...phrases.thanks, ...phrases.politeness]);
}

/** Whether the words are a row of these phrases and nothing else ("oké, dank u wel", "merci, salu"), the longest first. */
function coveredBy(words: Words, phrases: readonly string[]): boolean {
  const known = phrases.map((phrase) => phraseWords(phrase)).filter((phrase) => phrase.length > 0);
  let at = 0;
  while (at < words.length) {
    const fits = known.filter((phrase) => phrase.every((word, index) => words[at + index] === word));
    if (fits.length === 0) return false;
    at += Math.max(...fits.map((phrase) => phrase.length));
  }
  return words.length > 0;
}
