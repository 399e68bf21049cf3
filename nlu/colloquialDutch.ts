/**
 * Flemish spoken forms and chat spellings, written as the standard words the training data uses.
 * Residents type "kunde mij helpen", "zijde gij open", "'k wou een afspraak", "laat ma": the
 * recognizer should not need every such form in its training data to understand them.
 * Verb forms of the same verb become one form, so "kunt", "kunnen" and "kunde" count as one word.
 */
const STANDARD_FORMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  // The Flemish verb with "ge" (you) glued to it: "kunde" is "kunt ge".
  ['kunde', ['kan', 'u']],
  ['kunt', ['kan']],
  ['kun', ['kan']],
  ['kunnen', ['kan']],
  ['konde', ['kon', 'u']],
  ['zijde', ['zijn', 'u']],
  ['zedde', ['zijn', 'u']],
  ['zijt', ['zijn']],
  ['hebde', ['heb', 'u']],
  ['hebt', ['heb']],
  ['moete', ['moet', 'u']],
  ['moette', ['moet', 'u']],
  ['moeten', ['moet']],
  ['weette', ['weet', 'u']],
  ['weten', ['weet']],
  ['gade', ['gaat', 'u']],
  ['moogt', ['mag']],
  ['moogde', ['mag', 'u']],
  ['mogen', ['mag']],
  ['mocht', ['mag']],
  // "ik wou", "ik wilde", "ik zou willen": the polite past says the same as "ik wil".
  ['wou', ['wil']],
  ['wilde', ['wil']],
  ['wilt', ['wil']],
  ['willen', ['wil']],
  ['zoudt', ['zou']],
  ['zoude', ['zou', 'u']],
  ['zouden', ['zou']],
  // Short spoken forms.
  ['wa', ['wat']],
  ['da', ['dat']],
  ["da's", ['dat', 'is']],
  ['nie', ['niet']],
  ['ni', ['niet']],
  ['ma', ['maar']],
  ['mar', ['maar']],
  ["'k", ['ik']],
  ['k', ['ik']],
  ['ne', ['een']],
  ['nen', ['een']],
  ['gij', ['u']],
  ['ge', ['u']],
  ['jij', ['je']],
  ['jou', ['je']],
  ['jullie', ['u']],
  ['mijne', ['mijn']],
  ['me', ['mij']],
  // Chat spellings and abbreviations.
  ['oke', ['ok']],
  ['okay', ['ok']],
  ['okido', ['ok']],
  ['nr', ['nummer']],
  ['nrs', ['nummer']],
  ['tel', ['telefoon']],
  ['thx', ['thanks']],
  ['pls', ['aub']],
  ['plz', ['aub']],
  ['asb', ['aub']],
  ['svp', ['aub']],
  ['alstublieft', ['aub']],
  ['alsjeblieft', ['aub']],
  ['asjeblieft', ['aub']],
  ['astublieft', ['aub']],
  ['please', ['aub']],
  // Words that say the same thing to this assistant: one word learns from all their examples,
  // so "mercikes" is as clear a thanks as "bedankt".
  ['merci', ['bedankt']],
  ['mercikes', ['bedankt']],
  ['merciekes', ['bedankt']],
  ['dank', ['bedankt']],
  ['dankje', ['bedankt']],
  ['dankjewel', ['bedankt']],
  ['dankuwel', ['bedankt']],
  ['thanks', ['bedankt']],
  ['thank', ['bedankt']],
  ['bedank', ['bedankt']],
  // The stemmer makes "daag" (bye) the same word as "dag" (hello).
  ['daag', ['doei']],
  ['doeg', ['doei']],
  ['salut', ['doei']],
  ['salukes', ['doei']],
  ['ciao', ['doei']],
  ['bye', ['doei']],
  ['goodbye', ['doei']],
  ['hoi', ['hallo']],
  ['hey', ['hallo']],
  ['hi', ['hallo']],
  ['hai', ['hallo']],
  ['hello', ['hallo']],
  ['allo', ['hallo']],
  ['yo', ['hallo']],
  ['goeiemorgen', ['goeiedag']],
  ['goedemorgen', ['goeiedag']],
  ['goeiemiddag', ['goeiedag']],
  ['goedemiddag', ['goeiedag']],
  ['goedenmiddag', ['goeiedag']],
  ['goeienamiddag', ['goeiedag']],
  ['goedenamiddag', ['goeiedag']],
  ['goeienavond', ['goeiedag']],
  ['goeieavond', ['goeiedag']],
  ['goedenavond', ['goeiedag']],
  ['goededag', ['goeiedag']],
  ['goeiendag', ['goeiedag']],
  ['goedendag', ['goeiedag']],
]);

/** How many forms one word may pass through on its way to standard words. */
const MAX_FORM_CHAIN = 3;

/** "goeie morgen" greets; "morgen" alone is tomorrow ("zijn jullie morgen open"). */
const GOOD = new Set(['goeie', 'goede', 'goeien', 'goeden', 'goei']);
const PART_OF_DAY = new Set(['morgen', 'middag', 'namiddag', 'avond', 'dag', 'voormiddag']);

/** The words with every colloquial form replaced by its standard words; other words unchanged. */
export function standardWords(words: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    if (GOOD.has(word) && PART_OF_DAY.has(words[i + 1] ?? '')) {
      result.push('goeiedag');
      i += 1;
      continue;
    }
    // A form may stand for another form ("thx" → "thanks" → "bedankt"): follow it to the end.
    let forms: readonly string[] = [word];
    for (let depth = 0; depth < MAX_FORM_CHAIN && forms.some((form) => STANDARD_FORMS.has(form)); depth += 1) {
      forms = forms.flatMap((form) => STANDARD_FORMS.get(form) ?? [form]);
    }
    result.push(...forms);
  }
  return result;
}

/** Whether a word is one of the colloquial forms `standardWords` rewrites. */
export function isColloquialForm(word: string): boolean {
  return STANDARD_FORMS.has(word);
}
