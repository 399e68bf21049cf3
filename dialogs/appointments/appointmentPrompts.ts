/** Prompts the appointment dialogs share, with the readers behind them: a contact (e-mail or Belgian phone), a name, a booking code. */
import type { TurnContext } from 'botbuilder';
import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import { BOOKING_CODE_ALPHABET, parseBookingCode, resemblesBookingCode } from '../../services/appointments/bookingCode.js';
import { FreeTextPrompt, isWithdrawal, startsAsQuestion } from '../prompts/freeTextPrompt.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import type { PhoneLine } from '../../services/municipality/phoneLine.js';
import { TYPED_CONTACT } from '../prompts/senderNumberQuestion.js';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';
import type { BookingContact } from '../../stores/bookings/bookingStore.js';

/** A contact a resident typed: an e-mail address or a Belgian phone number (stored in E.164). */
type ContactAnswer =
  | { ok: true; contact: BookingContact; /** As the resident reads it back: the address, or "0470 12 34 56". */ display: string }
  | { ok: false; reason: 'invalid' | 'foreign' };

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.]{2,}/;

/** Reads an e-mail address or a Belgian phone number from a sentence such as "mijn gsm is 0470 12 34 56". */
export function readContact(text: string): ContactAnswer {
  const email = EMAIL.exec(text)?.[0];
  if (email) {
    const value = email.toLowerCase();
    return { ok: true, contact: { kind: 'email', value }, display: value };
  }
  if (!/\d/.test(text)) return { ok: false, reason: 'invalid' };
  const phone = normaliseBelgianPhone(text);
  if (!phone.ok) return phone;
  return { ok: true, contact: { kind: 'phone', value: phone.e164 }, display: phone.national };
}

/** "Bel ons op …": what a resident reads after repeated failed tries to reach a booking. */
export function callUsLine(context: TurnContext, phone: PhoneLine): string {
  return turnServices(context).t('appointments:access.callUs', { phone: phone.display });
}

/** Whether a typed contact is usable; if not, the question again with why (a foreign number, or neither). */
export function checkContact(text: string, context: TurnContext): { ok: true } | { ok: false; retry: string } {
  const answer = readContact(text);
  if (answer.ok) return { ok: true };
  return {
    ok: false,
    retry: turnServices(context).t(answer.reason === 'foreign' ? 'appointments:contact.foreign' : 'appointments:contact.retry'),
  };
}

/** Asks an e-mail address or Belgian phone number; the re-ask says what was wrong (a foreign number, or neither). */
export function contactPrompt(dialogId: string): FreeTextPrompt {
  // Digits or an @ are meant as a contact: the validator says what is wrong with it.
  return new FreeTextPrompt(
    dialogId,
    (text) => TYPED_CONTACT.test(text),
    async (prompt: PromptValidatorContext<string>) => {
      if (!prompt.recognized.succeeded) return false;
      const checked = checkContact(prompt.recognized.value ?? '', prompt.context);
      if (checked.ok) return true;
      // The prompt re-asks with the options it keeps in its state: say why this answer was not usable.
      prompt.options.retryPrompt = checked.retry;
      return false;
    },
  );
}

const CODE_IN_TEXT = new RegExp(
  `(?<![\\p{L}\\p{N}])[${BOOKING_CODE_ALPHABET}]{3}\\s*[.\\-_]?\\s*[${BOOKING_CODE_ALPHABET}]{3}(?![\\p{L}\\p{N}])`,
  'iu',
);

/** The booking code in an answer such as "k7m4xt" or "mijn code is K7M-4XT", formatted; undefined when there is none. */
export function findBookingCode(text: string): string | undefined {
  const whole = parseBookingCode(text);
  if (whole) return whole;
  const found = CODE_IN_TEXT.exec(text)?.[0];
  return found === undefined ? undefined : parseBookingCode(found);
}

/**
 * The booking code in a request such as "annuleer afspraak K9F-U4H" or "… de code is 6tj fx9". In a
 * sentence two short words can look like a code ("wat maf"): only a digit, a dash or capitals make it one.
 */
export function bookingCodeInRequest(text: string): string | undefined {
  const found = CODE_IN_TEXT.exec(text)?.[0];
  if (found === undefined || !(/[\d-]/.test(found) || found === found.toUpperCase())) return undefined;
  return parseBookingCode(found);
}

/** Re-asks a code this often; then the dialog stops and offers the phone rather than asking forever. */
const CODE_ATTEMPTS = 3;

/** From this many failed tries on (a wrong code, a booking not found) every answer also gives the phone. */
export const REPEATED_FAILURES = 2;

/**
 * Asks a booking code. A code-shaped answer that cannot be a code ("ABC-123") hears that the code
 * does not exist, anything else how a code looks; from the second wrong answer on the phone comes
 * with it. After CODE_ATTEMPTS answers without a code it lets the answer through: check with
 * findBookingCode.
 */
/**
 * "weet ik ni meer", "ben ik kwijt", "vergeten", "heb geen code", "geen idee", "nooit gekregen", "weggegooid":
 * the resident has lost the code, not mistyped it.
 */
const CODE_LOST = new RegExp(
  [
    '\\b(?:kwijt\\w*|vergeten|verloren|weggegooid|gewist|verwijderd|lost|forgot(?:ten)?)\\b',
    '\\b(?:niet|nie|ni|geen)\\s*meer\\b',
    '\\bgeen (?:code|idee|flauw idee)\\b|\\bno (?:code|idea)\\b',
    "\\bweet\\s+(?:\\S+\\s+){0,3}(?:niet|nie|ni)\\b|\\bdon'?t (?:know|have)\\b",
    '\\b(?:nooit|niet|nie|ni|geen)\\s+(?:\\S+\\s+){0,2}(?:gekregen|ontvangen|bijgehouden|bewaard)\\b',
    "\\bvind\\w*\\s+(?:\\S+\\s+){0,3}nie?t?\\b|\\bcan(?:no|')t find\\b",
  ].join('|'),
  'i',
);
/** "wacht, ik zoek mijn code even", "momentje": the resident is looking for it; no "a code has six characters" yet. */
const LOOKING_FOR_CODE =
  /^\s*(?:(?:wacht\w*|momentje|moment|ogenblikje|ogenblik|een moment|één moment|hold on|wait|one moment)(?:\s+(?:even|eens|ff|efkes|effe|a sec|please))?[\s,.!]*)?(?:(?:ik|'k|k|i'?m)\s+(?:zoek|kijk|ga\s+kijken|ben\s+aan\s+het\s+zoeken|looking|checking)\b[^?]*)?$/i;

function looksForCode(text: string): boolean {
  return text.trim() !== '' && LOOKING_FOR_CODE.test(text) && !resemblesBookingCode(text);
}

function saysCodeIsLost(text: string): boolean {
  return findBookingCode(text) === undefined && CODE_LOST.test(text);
}

/** "verplaatsen maar ik weet mijn code niet meer", "kwijt, die code": a request that says at once the code is lost. */
export function codeLostInRequest(text: string): boolean {
  return /\bcode\b/i.test(text) && saysCodeIsLost(text);
}

export function bookingCodePrompt(dialogId: string, phone: PhoneLine): FreeTextPrompt {
  const reads = (text: string) =>
    findBookingCode(text) !== undefined || resemblesBookingCode(text) || saysCodeIsLost(text) || looksForCode(text);
  return new FreeTextPrompt(dialogId, reads, async (prompt) => {
    const text = prompt.recognized.value ?? '';
    if (prompt.recognized.succeeded && findBookingCode(text) !== undefined) return true;
    // "weet ik nie meer", "kwijt": asking again will not bring the code back.
    if (prompt.attemptCount >= CODE_ATTEMPTS || saysCodeIsLost(text)) return true;
    const { t } = turnServices(prompt.context);
    const looking = LOOKING_FOR_CODE.test(text) && !resemblesBookingCode(text);
    const why = t(
      looking
        ? 'appointments:access.codeWait'
        : resemblesBookingCode(text)
          ? 'appointments:access.codeUnknown'
          : 'appointments:access.codeRetry',
    );
    prompt.options.retryPrompt = prompt.attemptCount >= REPEATED_FAILURES ? [why, callUsLine(prompt.context, phone)].join('\n') : why;
    return false;
  });
}

/** "mijn naam is An Peeters": the words before the name are not part of it. */
const NAME_LEAD_IN = /^(?:mijn naam is|ik ben|ik heet|op (?:de )?naam van|naam:|my name is|i am|name:)\s+/i;

/** A name to put the appointment on: some letters, not too long. */
export function cleanName(text: string): string | undefined {
  const name = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(NAME_LEAD_IN, '')
    .replace(/[.!]+$/, '');
  return name.length >= 2 && name.length <= 100 && /\p{L}/u.test(name) ? name : undefined;
}

/** Most words a name answer has ("mijn naam is An De Smet-Peeters"); more is a sentence, not a name. */
const MAX_NAME_WORDS = 8;

/**
 * Whether a message can be the name to book on: letters, not a question, not "nee toch niet", and
 * nothing the recognizer is sure is a request ("hoe laat zijn jullie open").
 */
function readsAsName(text: string, context: TurnContext): boolean {
  const { language, recognition } = turnServices(context);
  if (cleanName(text) === undefined || text.includes('?') || text.trim().split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (isWithdrawal(text, language) || startsAsQuestion(text, language)) return false;
  return !recognition || recognition.intent === 'none' || recognition.score < INTERRUPTION_MIN_SCORE;
}

export function namePrompt(dialogId: string): FreeTextPrompt {
  return new FreeTextPrompt(
    dialogId,
    readsAsName,
    async (prompt) => prompt.recognized.succeeded && readsAsName(prompt.recognized.value ?? '', prompt.context),
  );
}
