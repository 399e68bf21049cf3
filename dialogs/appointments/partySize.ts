/**
 * For how many people a booking request is ("voor mijn 2 kinderen", "voor mij en mijn zoon", "voor ons twee"):
 * an appointment at the counter is for one person, so each of them needs one.
 */
import { dutchNumberWord } from '../../nlu/dutchNumbers.js';

/** More than this many in one message is read as this many: beyond it the phone serves better than a chain of bookings. */
const MOST_PEOPLE = 4;

const COUNT = '(\\d|twee|drie|vier|vijf|zes)';
const PEOPLE_NOUN =
  '(?:kinderen|kids|kinders|zonen|zoons|dochters|kleinkinderen|kleinkids|kleinzonen|kleindochters|personen|mensen|broers|zussen|zusjes|broertjes)';
const PERSON_NOUN =
  '(?:zoon|zoontje|dochter|dochtertje|kind|man|vrouw|partner|vriend|vriendin|zus|zuster|zusje|broer|broertje|moeder|mama|ma|vader|papa|pa|oma|opa|kleinzoon|kleindochter|echtgenoot|echtgenote|lief)';
const MY = "(?:mijn|m'n|men|mijne|onze|ons|me)";
const ME = '(?:mij|mezelf|mijzelf|ik|me)';

/** "voor mijn 2 kinderen", "onze drie kids", "voor 2 personen". */
const COUNTED = new RegExp(`(?<!\\p{L})(?:${MY}\\s+|voor\\s+)${COUNT}\\s+${PEOPLE_NOUN}(?!\\p{L})`, 'u');
/** "voor ons twee", "met ons drieën", "voor ons allebei". */
const US = new RegExp(`(?<!\\p{L})(?:voor|met)\\s+ons\\s+(twee|drie|vier|tweeen|drieen|vieren|2|3|4|allebei|beiden)(?!\\p{L})`, 'u');
/** "voor mij en mijn zoon", "mijn zus en ik", "mijn man en mijn dochter". */
const PAIR = new RegExp(
  `(?<!\\p{L})(?:${ME}\\s+(?:en|&)\\s+${MY}\\s+${PERSON_NOUN}|${MY}\\s+${PERSON_NOUN}\\s+(?:en|&)\\s+(?:${ME}|${MY}\\s+${PERSON_NOUN}))(?!\\p{L})`,
  'u',
);

/** How many people the message books for, from 2; undefined for one (or when it does not say). */
export function peopleToBook(text: string): number | undefined {
  const said = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  const counted = COUNTED.exec(said)?.[1] ?? US.exec(said)?.[1];
  const count = counted === undefined ? (PAIR.test(said) ? 2 : undefined) : countOf(counted);
  return count === undefined || count < 2 ? undefined : Math.min(count, MOST_PEOPLE);
}

/** "met ons tweeën", "allebei": the number they stand for. */
const GROUP_WORDS: Record<string, number> = { allebei: 2, beiden: 2, tweeen: 2, drieen: 3, vieren: 4 };

function countOf(word: string): number | undefined {
  if (/^\d$/.test(word)) return Number(word);
  return GROUP_WORDS[word] ?? dutchNumberWord(word);
}
