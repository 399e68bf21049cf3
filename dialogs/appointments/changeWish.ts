/** What a message says about changing an appointment: calling it off, or moving it. */

/** A word for calling the appointment off ("annuleer hem", "zeg ze maar af", "schrap die afspraak"), not under a negation. */
const CANCEL_VERB =
  /(?<!\p{L})(?:annul\p{L}*|afzeg\p{L}*|afgezegd|zeg\p{L}*(?:\s+\p{L}+){0,3}\s+af|schrap\p{L}*|afgelast\p{L}*|cancel\p{L}*|afbestel\p{L}*)(?!\p{L})/u;
const NOT_CANCEL = /(?<!\p{L})(?:niet|nie|ni|geen|not|don'?t)\s+(?:\p{L}+\s+)?(?:annul|afzeg|zeg|schrap|afgelast|cancel|afbestel)/u;

/** Whether the resident asks to cancel the appointment itself ("ach nee, annuleer hem toch maar gewoon"), not just to stop. */
export function wishesToCancel(text: string): boolean {
  const said = text.toLowerCase();
  return CANCEL_VERB.test(said) && !NOT_CANCEL.test(said);
}

/** A word for moving the appointment ("verzetten", "verplaatsen", "een ander uur", "e ander moment"). */
const MOVE_WORD =
  /(?<!\p{L})(?:verzet\p{L}*|verplaats\p{L}*|verschui[fv]\p{L}*|move|reschedul\p{L}*|(?:een|e|ne|nen|an?)\s+ander(?:e|en)?\s+(?:moment|uur|dag|tijdstip|datum|day|time))(?!\p{L})/u;
const NOT_MOVE = /(?<!\p{L})(?:niet|nie|ni|geen|not|don'?t)\s+(?:\p{L}+\s+)?(?:verzet|verplaats|verschui|move)/u;
/** "in plaats van annuleren", "ipv annuleren": the word after it is what the resident does not want. */
const INSTEAD_OF = /(?<!\p{L})(?:in plaats van|ipv|i\.p\.v\.|instead of)\s+\p{L}+/gu;
/** "kan ik ze niet verplaatsen?", "kan da nie verzet worden": a question, whose "niet" asks rather than refuses. */
const ASKS = /^\s*(?:\p{L}+[,\s]+)?(?:kan|kunt|kunnen|kun|mag|is|gaat|lukt|can|could)(?!\p{L})|\?\s*$/u;

/** Whether the resident asks to move the appointment ("nee, verzetten liever", "kan ik ze niet verplaatsen?"), not refuses to. */
export function wishesToMove(text: string): boolean {
  const said = text.toLowerCase().replace(INSTEAD_OF, ' ');
  return MOVE_WORD.test(said) && (!NOT_MOVE.test(said) || ASKS.test(said));
}

/**
 * "ja en kan ik dan een nieuwe maken voor dinsdag?", "annuleer die van maandag en zet er een op woensdag": one more
 * booking asked with the cancel. From the words that ask it on: what comes before names the appointment cancelled.
 */
const NEW_BOOKING =
  /(?<!\p{L})(?:(?:een|ene|ne|nen|e|1)\s+(?:nieuwe?|andere)(?!\p{L})|nieuwe\s+afspraak|(?:zet|maak|boek|plan|leg)\p{L}*\s+(?:er\s+)?(?:dan\s+)?(?:maar\s+)?(?:een|ene|ne|nen|e|1)(?!\p{L}))/u;

/** The part of the message that asks a new booking with the cancel, from its first word; undefined when it asks none. */
export function newBookingAsked(text: string): string | undefined {
  const found = NEW_BOOKING.exec(text.toLowerCase());
  return found ? text.slice(found.index) : undefined;
}
