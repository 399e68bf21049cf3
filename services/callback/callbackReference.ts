import { randomInt } from 'node:crypto';

// No vowels (no words), no letters that look like digits (I, O) and digits from 2 to 9: easy to read aloud and to type.
const LETTERS = 'CDFHKLMNPRSTVX';
const DIGITS = '23456789';

/** A callback request's reference as residents and staff read it aloud: three letters, a dash, three digits ("KDR-482"). */
export function newCallbackReference(pick: (max: number) => number = randomInt): string {
  const letters = Array.from({ length: 3 }, () => LETTERS[pick(LETTERS.length)]).join('');
  const digits = Array.from({ length: 3 }, () => DIGITS[pick(DIGITS.length)]).join('');
  return `${letters}-${digits}`;
}

const REFERENCE_IN_TEXT = /(?<![\p{L}\p{N}])(\p{L}{3})[\s-]?(\d{3})(?![\p{L}\p{N}])/u;

/** The reference in what someone typed ("kdr 482", "KDR-482"), written as stored; undefined if there is none. */
export function parseCallbackReference(text: string): string | undefined {
  const match = REFERENCE_IN_TEXT.exec(text);
  if (!match) return undefined;
  const letters = match[1]!.toUpperCase();
  return /^[A-Z]{3}$/.test(letters) ? `${letters}-${match[2]}` : undefined;
}

/** Whether a text looks like a reference and nothing else: for routes that take one. */
export function isCallbackReference(text: string): boolean {
  return /^[A-Z]{3}-\d{3}$/.test(text);
}

const CALLBACK_WORD = /terugbel|call ?back/;
/** Flemish and chat forms count too: "ni meer nodig", "laat da terugbellen maar", "vergeet dat terugbelverzoek". */
const CANCEL_WORD =
  /annul|intrek|trek\b.*\bin\b|schrap|\b(?:niet|nie|ni) meer\b|\b(?:niet|nie|ni) (?:meer )?nodig\b|hoeft niet|\blaat\s+(?:da|dat|die|het)?\s*terugbel\w*\s+(?:\w+\s+)?(?:maar|zitten|vallen)\b|vergeet(?!\s+(?:niet|nie|ni)\b)|mag weg|cancel|withdraw/;

/** A negation, also as Flemish says it ("ge moet mij ni meer bellen"). */
const NOT = '(?:niet|nie|ni)';

/** "ik wil niet meer gebeld worden", "bel mij toch maar niet", "u hoeft me niet te bellen", "hoeft ni meer te bellen", "don't call me". */
const NO_LONGER_CALLED = [
  /\b(?:niet|nie|ni|nooit|geen)\b.*\b(?:terug)?gebeld\b/,
  new RegExp(`\\bbel\\b.*\\b(?:mij|me)\\b.*\\b${NOT}\\b`),
  new RegExp(`\\b(?:mij|me)\\b.*\\b${NOT}\\b.*\\b(?:terug)?\\s*(?:te\\s+)?(?:terug)?bellen\\b`),
  new RegExp(`\\b(?:hoeft|hoeven|moet|moeten)\\b.*\\b${NOT}\\b.*\\b(?:te\\s+)?(?:terug)?bellen\\b`),
  /\b(?:don'?t|do not|no need to|stop)\b.*\b(?:call|phone|ring)(?:ing)?\s+me\b/,
];

/** "bel mij terug", "kunde mij eens terugbellen", "call me back": the wish itself, not a question whether we call back. */
const CALLBACK_WISH = /terug\s*bel|\bbel[t]?\b.*\bterug\b|call (?:me )?back/;

/** Whether a message already asks to be called back ("kunde mij eens terugbellen"), and does not withdraw such a request. */
export function asksForCallback(text: string | undefined): boolean {
  const said = text?.toLowerCase() ?? '';
  return CALLBACK_WISH.test(said) && !callbackCancellationIn(text);
}

/**
 * Whether a message asks to cancel a callback request ("annuleer terugbelverzoek KDR-482",
 * "cancel my callback", "ik wil niet meer gebeld worden"), with the reference when it names one
 * (null when it does not).
 */
export function callbackCancellationIn(text: string | undefined): { reference: string | null } | undefined {
  const said = text?.toLowerCase() ?? '';
  const asksCancel = (CALLBACK_WORD.test(said) && CANCEL_WORD.test(said)) || NO_LONGER_CALLED.some((pattern) => pattern.test(said));
  if (!asksCancel) return undefined;
  return { reference: parseCallbackReference(text ?? '') ?? null };
}
