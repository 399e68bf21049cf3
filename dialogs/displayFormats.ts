import type { Language } from '../bot/i18n.js';

const NUMBER_LOCALES: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A price in euro as residents read it in `{{price}} euro`: "90", "2,50" (nl), "2.50" (en). */
export function euroAmount(price: number, language: Language): string {
  const digits = Number.isInteger(price) ? 0 : 2;
  return price.toLocaleString(NUMBER_LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The same text with a capital first letter, for names from data used as a button label. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nl-BE') + text.slice(1);
}

/** The same text with a small first letter, for a label (which starts with a capital) used inside a sentence. */
export function inSentence(text: string): string {
  return text.charAt(0).toLocaleLowerCase('nl-BE') + text.slice(1);
}
