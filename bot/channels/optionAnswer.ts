import { parseDutchNumber } from '../../nlu/dutchNumbers.js';
import type { Language } from '../i18n.js';
import {
  answerPhrases,
  answerWords,
  longestPhrase,
  onlyFillerAround,
  noParticles,
  phrasesIn,
  phraseWords,
  phraseWordSetOf,
  sameWord,
  type PhraseMatch,
  type Words,
} from './answerPhrases.js';
import type { Option } from './renderer.js';
import { optionMeaning, readYesNoWords, type YesNo } from './yesNoAnswer.js';

/** Which option an answer picks, and whether the answer said only that. */
export interface OptionAnswer {
  option: Option;
  /**
   * True when the answer is the option and nothing more: its number, label, code, a synonym, or yes/no
   * with politeness. False when the option was found among other words: a confident command may win then.
   */
  whole: boolean;
}

/** What matching needs to know about the question besides its options. */
export interface AnswerQuestion {
  language: Language;
  /** The question's id (e.g. `survey.awareness`): keys its synonyms in `answers.json`. */
  id?: string;
  /** Compare the answer's key words with the labels' (default true). Off where the recognizer reads free requests better (the menu). */
  keyWords?: boolean;
}

/**
 * Which option a resident's answer picks, in this order: its number ("2", "twee", "de tweede",
 * "4/5", "een vier"), its label or code, the longest label or synonym the answer contains
 * (`locales/<lang>/answers.json`), the first words of one label ("nee" for "Nee, dank u"),
 * yes or no in any of their forms for a yes/no option, the label's key words ("nooit gebruikt"),
 * and last a yes or no among other words. Undefined when the answer picks none or several.
 */
export function matchAnswer(answer: string, options: readonly Option[], question: AnswerQuestion): OptionAnswer | undefined {
  const number = optionNumber(answer);
  if (number !== undefined) {
    const option = options[number - 1];
    return option ? { option, whole: true } : undefined;
  }
  // "ik ben 72", "45 jaar" at the age question: the option whose range ("65+", "35-49") holds it.
  const age = ageIn(answer);
  const ranged = age === undefined ? undefined : options.find((option) => inRange(age, option.value));
  if (ranged) return { option: ranged, whole: true };
  const words = answerWords(answer);
  if (words.length === 0) return undefined;
  const said = words.join(' ');
  const exact = options.find((option) => phraseWords(option.label).join(' ') === said || phraseWords(option.value).join(' ') === said);
  if (exact) return { option: exact, whole: true };

  const yesNo = yesNoOption(words, options, question);
  const found = meaningfulPhrases(words, phraseCandidates(options, question), question.language);
  const phrase = longestPhrase(found);
  const chosen = phrase === 'ambiguous' ? firstInPrecedence(found, question) : phrase;
  if (phrase === 'ambiguous' && !chosen) return undefined;
  if (chosen) {
    const whole = phrase !== 'ambiguous' && onlyFillerAround(words, chosen.start, chosen.length, question.language);
    // "nee toch niet" holds the label "Nee" and more, "nee hoor, dat is goed" the label "Nee" and an agreement:
    // the yes/no reader reads the whole answer.
    return !whole && yesNo?.whole ? yesNo : { option: chosen.key, whole };
  }

  // "nee" for "Nee, dank u", "ja" for "Ja, bel mij terug": the first words of exactly one label.
  const started = options.filter((option) => startsWithWords(phraseWords(option.label), words));
  if (started.length === 1) return { option: started[0]!, whole: true };
  if (yesNo?.whole) return yesNo;
  // Key words before a yes/no among other words: "ja maar ik gebruik het nooit" is about using it.
  const byKeyWords = question.keyWords === false ? undefined : bestByKeyWords(words, options, question.language);
  return byKeyWords ? { option: byKeyWords, whole: false } : yesNo;
}

/** "4/5", "4 op 5", "een vier", "ik geef een 4", "4 sterren": the number of a score, else parseDutchNumber. */
function optionNumber(answer: string): number | undefined {
  const score = answer
    .toLowerCase()
    .replace(/(\d{1,2})\s*(?:\/|op|uit|van(?: de)?|out of)\s*\d{1,2}\b/g, '$1')
    .replace(/\b(?:ik geef|i give|geef|score|cijfer|sterren|ster|punten|stars?|points?)\b/g, ' ')
    // "een vier", "'n 4": the article before a number is no number itself.
    .replace(/\b(?:een|'n|ne|a)\s+(?=\d|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four|five)/g, '');
  return parseDutchNumber(score);
}

/**
 * On a yes/no question (one option means yes or no, and at most one the opposite), the option that
 * yes or no in any of its forms picks. Not on other questions: "liever niet" is no answer to "Wist u dat…?" with two yeses.
 */
function yesNoOption(words: Words, options: readonly Option[], question: AnswerQuestion): OptionAnswer | undefined {
  const { language } = question;
  const meanings = options.map((option) => optionMeaning(option, language));
  const count = (meaning: YesNo) => meanings.filter((meant) => meant === meaning).length;
  // "Wilt u nog meer weten?" with one "Nee, dank u" option is a yes/no question too; "Wist u dat…?" with two yeses is not.
  const picks = (meaning: YesNo) => count(meaning) === 1 && count(meaning === 'yes' ? 'no' : 'yes') <= 1;
  // Neither a yes nor a no would pick an option (the menu): the answer need not be read for one.
  if (!picks('yes') && !picks('no')) return undefined;
  const asks = question.id !== undefined && answerPhrases(language).confirmations.includes(question.id) ? 'confirmation' : 'wish';
  const yesNo = readYesNoWords(words, language, asks);
  if (!yesNo || !picks(yesNo.meaning)) return undefined;
  return { option: options[meanings.indexOf(yesNo.meaning)]!, whole: yesNo.whole };
}

/**
 * The phrases found, without those that only say "nee" or "ja" next to a more telling one, and without those the answer turns around: "goed" does not count in "helemaal niet
 * goed", nor "ik gebruik het" in "ik gebruik het eigenlijk nooit". A phrase with a negation of its own counts.
 */
function meaningfulPhrases(
  words: Words,
  candidates: ReadonlyArray<{ key: Option; phrase: Words }>,
  language: Language,
): PhraseMatch<Option>[] {
  const negations = phraseWordSetOf(language, 'negations');
  // A first "nee" answers the question; it does not turn the rest around ("nee, de naam is fout").
  const first = noParticles(language);
  const negatedAt = words.flatMap((word, index) => (negations.has(word) && !(index === 0 && first.has(word)) ? [index] : []));
  const found = phrasesIn(words, candidates).filter((match) => {
    const span = words.slice(match.start, match.start + match.length);
    if (span.some((word) => negations.has(word))) return true;
    return negatedAt.every((index) => index >= match.start && index < match.start + match.length);
  });
  // "nee, de naam is fout": the label "Nee" says less than "de naam is fout" and does not make it ambiguous.
  const meaningful = found.filter((match) => !onlyFillerAround(words.slice(match.start, match.start + match.length), 0, 0, language));
  return meaningful.length > 0 ? meaningful : found;
}

function phraseCandidates(options: readonly Option[], question: AnswerQuestion): Array<{ key: Option; phrase: Words }> {
  const synonyms = answerPhrases(question.language).options;
  const byQuestion = question.id === undefined ? undefined : synonyms[question.id];
  const byGroup = question.id === undefined ? undefined : synonyms[question.id.split('.')[0]!];
  return options.flatMap((option) => [
    { key: option, phrase: phraseWords(option.label) },
    ...(option.short ? [{ key: option, phrase: phraseWords(option.short) }] : []),
    ...[...(byQuestion?.[option.value] ?? []), ...(byGroup?.[option.value] ?? [])].map((text) => ({
      key: option,
      phrase: phraseWords(text),
    })),
  ]);
}

/** Of the options an answer names, the one the question lets win (`precedence` in answers.json); undefined without one. */
function firstInPrecedence(found: readonly PhraseMatch<Option>[], question: AnswerQuestion): PhraseMatch<Option> | undefined {
  const order = question.id === undefined ? undefined : answerPhrases(question.language).precedence[question.id];
  if (!order) return undefined;
  const ranked = found.filter((match) => order.includes(match.key.value));
  ranked.sort((a, b) => order.indexOf(a.key.value) - order.indexOf(b.key.value));
  return ranked[0];
}

/** "ik ben 72", "72 jaar", "45 jaar oud", "I'm 30": an age and nothing else. */
function ageIn(answer: string): number | undefined {
  const age = /^\s*(?:ik ben|ben|ik ben al|i am|i'm|im)?\s*(\d{1,3})\s*(?:jaar(?: oud)?|j|years?(?: old)?)?\s*[.!]?\s*$/i.exec(answer);
  return age ? Number(age[1]) : undefined;
}

/** Whether `number` lies in the range an option's value names: "18-34", "65+". */
function inRange(number: number, value: string): boolean {
  const range = /^(\d+)(?:-(\d+)|\+)$/.exec(value);
  if (!range) return false;
  return number >= Number(range[1]) && (range[2] === undefined || number <= Number(range[2]));
}

function startsWithWords(label: Words, said: Words): boolean {
  return said.length < label.length && said.every((word, index) => sameWord(word, label[index]!));
}

/**
 * The option whose label shares the most key words with the answer, with negation taken into
 * account ("nooit gebruikt" is closer to "Ja, maar ik gebruik het niet" than to "… al gebruikt").
 * Undefined on a tie or when nothing is shared.
 */
function bestByKeyWords(words: Words, options: readonly Option[], language: Language): Option | undefined {
  const stopwords = phraseWordSetOf(language, 'stopwords');
  const negations = phraseWordSetOf(language, 'negations');
  const keyWords = (text: Words) => text.filter((word) => !stopwords.has(word) && !negations.has(word)).map(stem);
  const negated = (text: Words) => text.some((word) => negations.has(word));
  const said = keyWords(words);
  if (said.length === 0) return undefined;
  const saidNegated = negated(words);
  const scored = options.map((option) => {
    const label = phraseWords(option.label);
    const shared = keyWords(label).filter((word) => said.some((saidWord) => sameWord(saidWord, word))).length;
    const agreement = shared === 0 ? 0 : negated(label) === saidNegated ? 1 : -1;
    return { option, score: shared + agreement };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 1 || (second && second.score === best.score)) return undefined;
  return best.option;
}

/** A rough Dutch stem, enough to compare "gebruikt", "gebruiken" and "gebruik". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:en|t|d|e)$/, '');
}
