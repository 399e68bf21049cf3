/**
 * For whom a resident asks a document and which model of the criminal-record extract, as said in a
 * message ("een reispas voor mijne zoon van 8", "de overlijdensakte van ons ma", "model 2 voor de
 * chiro"). Pure: words in, details out; nothing said means nothing filled, and the dialog asks.
 */
import { childAge } from './childAge.js';
import { withinOneEdit, wordsOf } from './plainText.js';

/** The values of the document dialog's "voor wie" question (REQUESTERS in the municipality data). */
export type RequesterSaid = 'self' | 'child' | 'deceased' | 'other';
/** The models of the criminal-record extract in data/documents.json. */
type ModelSaid = 'model-1' | 'model-2';

export interface ModelMention {
  id: ModelSaid;
  /** `named`: "model 2", "het tweede model"; `purpose`: what it is for ("voor de jeugdbeweging", "voor mijn werk"). */
  how: 'named' | 'purpose';
}

/** The resident's own word for the person, as the dialogs say it back ("uw dochter"): `documents:relations.<relation>`. */
export type Relation =
  | 'son'
  | 'daughter'
  | 'mother'
  | 'father'
  | 'husband'
  | 'wife'
  | 'partner'
  | 'grandson'
  | 'granddaughter'
  | 'grandmother'
  | 'grandfather'
  | 'brother'
  | 'sister';

export interface RequesterMention {
  who: RequesterSaid;
  /** Who the person is to the resident, when one person was said in a word the dialogs can say back. */
  relation?: Relation;
  /**
   * Said as the one the document is for ("voor mijn zoon", "van ons ma", "voor mezelf", "mijn reispas"),
   * not only mentioned ("mijn vader is overleden, ik heb een akte nodig").
   */
  explicit: boolean;
}

export interface DocumentDetails {
  requester?: RequesterMention;
  model?: ModelMention;
}

/** What a message says about the request besides the document; each part only when it is clear. */
export function documentDetails(text: string): DocumentDetails {
  const words = clauseWords(text);
  const requester = requesterSaid(words);
  const model = modelSaid(words);
  return { ...(requester ? { requester } : {}), ...(model ? { model } : {}) };
}

/** A word with the number of the clause (between punctuation) it stands in. */
interface Word {
  word: string;
  clause: number;
}

function clauseWords(text: string): Word[] {
  return text.split(/[.,;:!?()\n]+/).flatMap((clause, index) => wordsOf(clause).map((word) => ({ word, clause: index })));
}

// ---------------------------------------------------------------- requester

/** Words for a person, also in Flemish and chat forms, and the relation the dialogs say back. */
const RELATIONS: ReadonlyMap<string, Relation> = new Map([
  ...(['zoon', 'zoontje', 'zoonlief', 'son'] as const).map((word) => [word, 'son'] as const),
  ...(['dochter', 'dochtertje', 'dochterlief', 'daughter'] as const).map((word) => [word, 'daughter'] as const),
  ...(['moeder', 'ma', 'mama', 'mams', 'moeke', 'mother', 'mum', 'mom'] as const).map((word) => [word, 'mother'] as const),
  ...(['vader', 'pa', 'papa', 'paps', 'vake', 'father', 'dad'] as const).map((word) => [word, 'father'] as const),
  ...(['man', 'echtgenoot', 'ventje', 'husband'] as const).map((word) => [word, 'husband'] as const),
  ...(['vrouw', 'echtgenote', 'vrouwtje', 'wife'] as const).map((word) => [word, 'wife'] as const),
  ...(['partner', 'wederhelft', 'lief'] as const).map((word) => [word, 'partner'] as const),
  ...(['kleinzoon', 'grandson'] as const).map((word) => [word, 'grandson'] as const),
  ...(['kleindochter', 'granddaughter'] as const).map((word) => [word, 'granddaughter'] as const),
  ...(['oma', 'bomma', 'meme', 'grootmoeder', 'grandmother', 'grandma'] as const).map((word) => [word, 'grandmother'] as const),
  ...(['opa', 'bompa', 'pepe', 'grootvader', 'grandfather', 'grandpa'] as const).map((word) => [word, 'grandfather'] as const),
  ...(['broer', 'broertje', 'brother'] as const).map((word) => [word, 'brother'] as const),
  ...(['zus', 'zuster', 'zusje', 'sister'] as const).map((word) => [word, 'sister'] as const),
]);

type PersonKind = 'child' | 'relative' | 'nonRelative';

/** Own children, also in Flemish and chat forms ("mijne zoon", "ons kleinen", "de kleine"). */
const CHILD_WORDS = new Set([
  'zoon',
  'zoontje',
  'zoonlief',
  'zoons',
  'zonen',
  'dochter',
  'dochtertje',
  'dochterlief',
  'dochters',
  'kind',
  'kindje',
  'kindjes',
  'kinderen',
  'kinders',
  'kids',
  'baby',
  'babytje',
  'bebe',
  'tweeling',
  'pasgeborene',
  'boreling',
  'kleintje',
  'kleinen',
  'spruit',
  'jongen',
  'jongske',
  'meisje',
  'meiske',
  'pleegkind',
  'pleegzoon',
  'pleegdochter',
  'stiefzoon',
  'stiefdochter',
  'son',
  'daughter',
  'child',
  'children',
  'kid',
]);
/** Child words that name one own child even without "mijn": "reispas zoon 8j". */
const OWN_CHILD_WORDS = new Set(['zoon', 'zoontje', 'dochter', 'dochtertje', 'son', 'daughter']);
/** Adjectives used as a noun for a child, with "de", "onze": "voor de kleine", "onze jongste". */
const CHILD_ADJECTIVES = new Set(['kleine', 'kleinste', 'jongste', 'oudste', 'middelste', 'youngest', 'eldest', 'oldest']);
const RELATIVE_WORDS = new Set([
  'vader',
  'pa',
  'papa',
  'paps',
  'vake',
  'vati',
  'moeder',
  'ma',
  'mama',
  'mams',
  'moeke',
  'moemoe',
  'ouders',
  'stiefvader',
  'stiefmoeder',
  'schoonvader',
  'schoonmoeder',
  'schoonouders',
  'opa',
  'oma',
  'bompa',
  'bomma',
  'pepe',
  'meme',
  'grootvader',
  'grootmoeder',
  'grootouders',
  'man',
  'vrouw',
  'echtgenoot',
  'echtgenote',
  'partner',
  'wederhelft',
  'lief',
  'ventje',
  'broer',
  'broers',
  'broertje',
  'zus',
  'zuster',
  'zussen',
  'zusje',
  'zuske',
  'schoonbroer',
  'schoonzus',
  'schoonzuster',
  'schoonzoon',
  'schoondochter',
  'oom',
  'nonkel',
  'tante',
  'neef',
  'nicht',
  'kleinzoon',
  'kleindochter',
  'kleinkind',
  'kleinkinderen',
  'petekind',
  'metekind',
  'father',
  'dad',
  'daddy',
  'mother',
  'mom',
  'mum',
  'mommy',
  'parents',
  'husband',
  'wife',
  'brother',
  'sister',
  'grandfather',
  'grandmother',
  'grandpa',
  'grandma',
  'uncle',
  'aunt',
  'grandson',
  'granddaughter',
  'grandchild',
]);
const NON_RELATIVE_WORDS = new Set([
  'buurman',
  'buurvrouw',
  'buren',
  'buur',
  'vriend',
  'vriendin',
  'kennis',
  'collega',
  'klant',
  'client',
  'bewoner',
  'patient',
  'neighbour',
  'neighbor',
  'friend',
  'colleague',
]);
/** First-person possessives, for "mijn identiteitskaart" (the resident's own document). */
const MY = new Set(['mijn', "m'n", 'mn', 'mijne', 'mijnen', 'men', 'min', 'onze', 'ons', 'onzen', 'my', 'our']);
/** Third-person possessives, for "zijn geboorteakte" (the document of the person just named). */
const THEIRS = new Set(['zijn', "z'n", 'haar', "d'r", 'hun', 'his', 'her', 'their']);
const DEFINITE_ARTICLES = ['de', 'het', "'t", 'the'];
/** Possessives: the only determiners before an adult relative ("mijn man", not "de man aan het loket"). */
const POSSESSIVES = new Set([...MY, ...THEIRS]);
/** Determiners that may stand before a plural or a vague child word ("mijn kinderen", not "een kind"). */
const OWN_DETERMINERS = new Set([...MY, ...DEFINITE_ARTICLES]);
/** Words that introduce a possessor ("mijn", "ons", "mijne", "de kleine"): an adult relative is only a person after one. */
const DETERMINERS = new Set([...POSSESSIVES, ...DEFINITE_ARTICLES, 'ne', 'nen', 'een', 'a']);
/** "iemand", "een ander": a person only as the one it is for ("voor iemand anders") or who died ("iemand die overleden is"). */
const SOMEONE_WORDS = new Set(['iemand', 'ander', 'someone', 'somebody', 'another']);
/** Words between a determiner and its noun: "mijn 2 kinderen", "mijn overleden vader", "ons jongste dochter". */
const MODIFIERS = new Set([
  'eigen',
  'andere',
  'other',
  'lieve',
  'beide',
  'twee',
  'drie',
  'vier',
  'oudste',
  'jongste',
  'kleine',
  'kleinste',
  'grote',
  'middelste',
  'oude',
  'bejaarde',
  'zieke',
  'own',
  'two',
  'three',
  'little',
  'young',
  'old',
  'elderly',
]);
/** Prepositions that make the person the one the document is for ("voor mijn zoon", "van ons ma", "for my son"). */
const FOR = new Set(['voor', 'van', 'vr', 'for', 'of']);
/** Who told the resident is not who the document is for: "mijn buurvrouw zegt dat…", "volgens mijn dochter…". */
const SAYS = new Set([
  'zegt',
  'zei',
  'zegde',
  'zeggen',
  'zeiden',
  'vertelt',
  'vertelde',
  'vertelden',
  'beweert',
  'beweerde',
  'raadt',
  'raadde',
  'denkt',
  'dacht',
  'meent',
  'vindt',
  'says',
  'said',
  'told',
  'thinks',
]);
/** "heeft gezegd", "van mijn collega gehoord": the participles of telling. */
const TOLD = new Set(['gezegd', 'verteld', 'gehoord', 'vernomen', 'aangeraden', 'geraden', 'heard']);
const ACCORDING_TO = new Set(['volgens', 'according']);
/** "niet voor de buurvrouw": the person it is not for. */
const NOT_FOR = new Set(['niet', 'nie', 'ni', 'not']);
/** Prepositions after which a person only comes along ("ik ga met mijn kinderen op reis"). */
const WITH = new Set(['met', 'with', 'samen']);
const AND = new Set(['en', 'of', 'and', 'or', '&']);
/** Words after "de kleine" that show it is the child itself, not "de kleine vraag". */
const AFTER_CHILD_ADJECTIVE = new Set([
  'zijn',
  'haar',
  "z'n",
  'van',
  'is',
  'heeft',
  'moet',
  'wil',
  'gaat',
  'nodig',
  'en',
  'die',
  'ook',
  'een',
  'want',
  'omdat',
  'aub',
  'alstublieft',
  'alstublief',
  'asjeblieft',
  'svp',
  'nog',
  'of',
  'jaar',
  'is',
  'has',
  'needs',
  'and',
  'who',
]);
/** Death, said of a person ("mijn vader is overleden", "wijlen mijn man", "my late husband"). */
const DEATH_WORDS = new Set([
  'overleden',
  'overleed',
  'overlijden',
  'gestorven',
  'stierf',
  'sterven',
  'gestorve',
  'dood',
  'doodgegaan',
  'wijlen',
  'zaliger',
  'zalige',
  'begraven',
  'begrafenis',
  'gecremeerd',
  'crematie',
  'heengegaan',
  'ontslapen',
  'verongelukt',
  'verloren',
  'overledene',
  'died',
  'deceased',
  'dead',
  'late',
  'passed',
  'death',
  'funeral',
]);
/** The death deed named: the person it is said of has died ("de overlijdensakte van mijn vader"). */
const DEATH_DEED = /^(?:overlijdens\w*|overlijden|death)$/;
/** A document named as a noun: "mijn identiteitskaart", "zijn geboorteakte", "my passport". */
const DOCUMENT_NOUN =
  /^(?:e|kids)?-?id'?s?$|(?:kaart|pas|paspoort|bewijs|akte|attest|uittreksel|getuigschrift|handtekening|certificaat|boekje|document|papieren|papier|passport|certificate|card|licen[cs]e|record|extract)(?:en|s|je|ke)?$/;
const SELF_WORDS = new Set(['mezelf', 'mijzelf', 'mijnzelf', 'ikzelf', 'myself']);
/** "de mijne is vervallen", "den mijnen", "het mijne": the resident's own, said as a pronoun. */
const MINE = new Set(['mijne', 'mijnen']);
/** Before a noun that is a thing, not a person: "de school van", "het werk van", "the school of". */
const DEFINITE = ['de', 'den', 'het', "'t"];
const THING_DETERMINERS = new Set([...DEFINITE, 'een', 'ne', 'nen', 'the', 'a']);
/** After "voor": the resident. "voor mij", "voor mij zelf", "for me". */
const ME = new Set(['mij', 'me', 'mezelf', 'mijzelf', 'mijnzelf']);
/** A person said after a death word this far on in the same clause died: "mijn man is vorige maand plots overleden". */
const DEATH_WINDOW = 6;
/** Typos are forgiven in person words this long ("dochtre", "moedre"). */
const FUZZY_MIN_LENGTH = 5;
const ADULT_AGE = 18;

interface Person {
  kind: PersonKind;
  /** The word that names the person ("dochter", "ons ma" → "ma"). */
  word: string;
  /** Where the noun stands, and where its determiner (or the noun) starts. */
  at: number;
  start: number;
  /** Said as the one the document is for: after "voor"/"van", before "zijn reispas", or pointed at by "voor haar". */
  tied: boolean;
  dead: boolean;
}

/** For whom the message asks the document, when it says so. */
function requesterSaid(words: readonly Word[]): RequesterMention | undefined {
  const plain = words.map((w) => w.word);
  const persons = personsIn(words);
  const deathDeed = plain.some((word) => DEATH_DEED.test(word));
  for (const person of persons) if (deathDeed) person.dead = true;
  tieByPronouns(plain, persons);
  const adult = isAdultChild(plain);
  const category = (person: Person): RequesterSaid => (person.dead ? 'deceased' : person.kind === 'child' && !adult ? 'child' : 'other');

  const explicitSelf = saysForMe(plain);
  const tiedPersons = persons.filter((p) => p.tied);
  const tied: RequesterSaid[] = [...tiedPersons.map(category), ...(explicitSelf ? ['self' as const] : [])];
  if (tied.length > 0) return withRelation(onlyOne(tied, true), tiedPersons);
  if (ownsDocument(plain)) return { who: 'self', explicit: true };
  return withRelation(onlyOne(persons.map(category), false), persons);
}

/** The relation of the one person the requester stands for, when that person's word has one. */
function withRelation(requester: RequesterMention | undefined, persons: readonly Person[]): RequesterMention | undefined {
  if (!requester || requester.who === 'self' || persons.length !== 1) return requester;
  const relation = RELATIONS.get(persons[0]!.word);
  return relation ? { ...requester, relation } : requester;
}

/** One requester, or none when the message names people the document could be for in different ways. */
function onlyOne(values: readonly RequesterSaid[], explicit: boolean): RequesterMention | undefined {
  const distinct = new Set(values);
  return distinct.size === 1 ? { who: values[0]!, explicit } : undefined;
}

function personsIn(words: readonly Word[]): Person[] {
  const plain = words.map((w) => w.word);
  const persons: Person[] = [];
  let lastTiedEnd = -2;
  for (let i = 0; i < plain.length; i += 1) {
    const word = plain[i]!;
    // "voor mij en mijn zoon": the son is said as one it is for, too.
    if (FOR.has(word) && ME.has(plain[i + 1] ?? '')) lastTiedEnd = i + 1;
    const start = determinerStart(plain, i);
    const kind = personKind(plain, i, start);
    if (!kind) continue;
    // "van wijlen mijn man": the preposition stands before the death word.
    const before = (DEATH_WORDS.has(plain[start - 1] ?? '') ? plain[start - 2] : plain[start - 1]) ?? '';
    if (WITH.has(before) || toldIt(plain, i, start) || (FOR.has(before) && NOT_FOR.has(plain[start - 2] ?? ''))) continue;
    const possessed = (THEIRS.has(plain[i + 1] ?? '') && DOCUMENT_NOUN.test(plain[i + 2] ?? '')) || word.endsWith("'s");
    const coordinated = AND.has(before) && lastTiedEnd === start - 2;
    const tied = (FOR.has(before) && !ofAnotherThing(plain, start)) || possessed || coordinated;
    const dead = saidToHaveDied(words, i, start, plain);
    if (SOMEONE_WORDS.has(word) && !tied && !dead) continue;
    if (tied) lastTiedEnd = i;
    persons.push({ kind, word: word.replace(/'s$/, ''), at: i, start, tied, dead });
  }
  return persons;
}

/** "mijn buurvrouw zegt…", "volgens mijn dochter", "van een collega gehoord": the person who told the resident. */
function toldIt(words: readonly string[], i: number, start: number): boolean {
  if (ACCORDING_TO.has(words[start - 1] ?? '')) return true;
  if (SAYS.has(words[i + 1] ?? '')) return true;
  return [1, 2, 3].some((offset) => TOLD.has(words[i + offset] ?? ''));
}

/**
 * "voor de school van mijn zoon", "voor het werk van mijn vrouw": "van" ties the person to another
 * thing than the document (a purpose), so the person is only mentioned. "de overlijdensakte van ons ma" still ties.
 */
function ofAnotherThing(words: readonly string[], start: number): boolean {
  const preposition = words[start - 1];
  const thing = words[start - 2];
  if ((preposition !== 'van' && preposition !== 'of') || thing === undefined || DOCUMENT_NOUN.test(thing)) return false;
  return THING_DETERMINERS.has(words[start - 3] ?? '');
}

/** Where the noun phrase of the word at `i` starts: its determiner, past modifiers and numbers ("mijn 2 kinderen"). */
function determinerStart(words: readonly string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && j >= i - 3 && (MODIFIERS.has(words[j]!) || DEATH_WORDS.has(words[j]!) || /^\d{1,2}$/.test(words[j]!))) j -= 1;
  return j >= 0 && DETERMINERS.has(words[j]!) ? j : i;
}

function personKind(words: readonly string[], i: number, start: number): PersonKind | undefined {
  const word = words[i]!.replace(/'s$/, '');
  const determiner = start < i ? words[start]! : undefined;
  const next = words[i + 1];
  if (CHILD_ADJECTIVES.has(word)) {
    const own = determiner !== undefined && OWN_DETERMINERS.has(determiner);
    return own && (next === undefined || AFTER_CHILD_ADJECTIVE.has(next)) ? 'child' : undefined;
  }
  // "kids id" is the document, not the children.
  if (word === 'kids' && (next === 'id' || next === 'ids')) return undefined;
  if (isIn(CHILD_WORDS, word)) {
    if (OWN_CHILD_WORDS.has(word)) return 'child';
    return determiner !== undefined && OWN_DETERMINERS.has(determiner) ? 'child' : undefined;
  }
  if (SOMEONE_WORDS.has(word)) {
    // "een ander document" is no person; "iemand anders", "een ander" are.
    return word !== 'ander' || next === undefined || AFTER_CHILD_ADJECTIVE.has(next) ? 'nonRelative' : undefined;
  }
  if (determiner === undefined) return undefined;
  if (isIn(RELATIVE_WORDS, word)) return POSSESSIVES.has(determiner) ? 'relative' : undefined;
  if (isIn(NON_RELATIVE_WORDS, word)) return 'nonRelative';
  return undefined;
}

function isIn(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  if (word.length < FUZZY_MIN_LENGTH) return false;
  for (const known of words) if (known.length >= FUZZY_MIN_LENGTH && withinOneEdit(known, word)) return true;
  return false;
}

/** A death word among the person's own words ("mijn overleden vader"), or after it in the same clause before another person. */
function saidToHaveDied(words: readonly Word[], i: number, start: number, plain: readonly string[]): boolean {
  for (let j = start; j < i; j += 1) if (DEATH_WORDS.has(plain[j]!)) return true;
  if (start > 0 && (plain[start - 1] === 'wijlen' || plain[start - 1] === 'late')) return true;
  const clause = words[i]!.clause;
  for (let j = i + 1; j <= i + DEATH_WINDOW && j < words.length && words[j]!.clause === clause; j += 1) {
    const word = plain[j]!;
    if (DEATH_WORDS.has(word)) return true;
    if (CHILD_WORDS.has(word) || RELATIVE_WORDS.has(word) || NON_RELATIVE_WORDS.has(word)) return false;
  }
  return false;
}

/** "voor haar", "van hem", "zijn geboorteakte": the document is for the person named before (or after). */
function tieByPronouns(words: readonly string[], persons: Person[]): void {
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const pointsBack =
      (FOR.has(words[i - 1] ?? '') && ['hem', 'haar', 'hen', 'hun', 'him', 'her', 'them'].includes(word)) ||
      (THEIRS.has(word) && DOCUMENT_NOUN.test(words[i + 1] ?? '') && !persons.some((p) => p.at === i - 1));
    if (!pointsBack) continue;
    const person = [...persons].reverse().find((p) => p.at < i) ?? persons.find((p) => p.at > i);
    if (person) person.tied = true;
  }
}

/** "voor mij", "voor mezelf", "mijn eigen", "de mijne", "for me": the resident asks for themselves. */
function saysForMe(words: readonly string[]): boolean {
  return words.some((word, i) => {
    if (SELF_WORDS.has(word)) return true;
    if (MINE.has(word) && DEFINITE.includes(words[i - 1] ?? '')) return true;
    if ((word === 'eigen' || word === 'own') && MY.has(words[i - 1] ?? '')) return true;
    const next = words[i + 1] ?? '';
    return FOR.has(word) && word !== 'van' && word !== 'of' && ME.has(next) && (next !== 'mijn' || words[i + 2] === 'zelf');
  });
}

/** "mijn identiteitskaart is vervallen", "my passport": the resident's own document. */
function ownsDocument(words: readonly string[]): boolean {
  return words.some((word, i) => {
    if (!MY.has(word)) return false;
    for (let j = i + 1; j <= i + 3 && j < words.length; j += 1) {
      const next = words[j]!;
      if (DOCUMENT_NOUN.test(next)) return true;
      if (!MODIFIERS.has(next) && !OWN_DOCUMENT_MODIFIERS.has(next)) return false;
    }
    return false;
  });
}

/** Words between "mijn" and the document: "mijn nieuwe identiteitskaart", "mijn vervallen e-id". */
const OWN_DOCUMENT_MODIFIERS = new Set([
  'nieuwe',
  'nieuw',
  'oude',
  'oud',
  'vervallen',
  'verlopen',
  'huidige',
  'belgische',
  'internationale',
  'voorlopig',
  'voorlopige',
  'e',
  'new',
  'expired',
  'current',
  'belgian',
  'driving',
  'identity',
  'id',
  'birth',
  'marriage',
]);

/** A child said to be an adult ("mijn zoon van 19"): asked for as someone else, with a proxy. */
function isAdultChild(words: readonly string[]): boolean {
  const age = childAge(words);
  return typeof age === 'number' && age >= ADULT_AGE;
}

// ---------------------------------------------------------------- model

const MODEL_WORDS = new Set(['model', 'modelleke', 'mod', 'type', 'versie']);
const ONE = new Set(['1', 'een', 'eén', 'i', 'eerste', 'one', 'first']);
const TWO = new Set(['2', 'twee', 'ii', 'tweede', 'two', 'second']);
const NEGATIONS = new Set(['geen', 'niet', 'not', 'no']);
/**
 * Work with minors: model 2 (article 596, second paragraph). Youth movements by their names,
 * schools, childcare, coaching and monitoring.
 */
const MINORS_PURPOSE = new Set([
  'jeugdbeweging',
  'jeugdwerk',
  'jeugdhuis',
  'jeugdclub',
  'jeugdtrainer',
  'jeugdcoach',
  'jeugdleider',
  'jeugdleiding',
  'jeugdkamp',
  'chiro',
  'scouts',
  'scouting',
  'ksa',
  'klj',
  'kaj',
  'vksj',
  'kazou',
  'speelplein',
  'speelpleinwerking',
  'speelpleinen',
  'grabbelpas',
  'vakantiekamp',
  'sportkamp',
  'kamp',
  'monitor',
  'monitrice',
  'animator',
  'animatrice',
  'leiding',
  'leider',
  'leidster',
  'kinderopvang',
  'opvang',
  'buitenschoolse',
  'creche',
  'kinderdagverblijf',
  'onthaalouder',
  'onthaalmoeder',
  'babysit',
  'babysitter',
  'babysitten',
  'oppas',
  'kinderoppas',
  'school',
  'kleuterschool',
  'basisschool',
  'lagere',
  'middelbare',
  'secundaire',
  'leerkracht',
  'leraar',
  'lerares',
  'juf',
  'juffrouw',
  'meester',
  'onderwijs',
  'lesgeven',
  'kleuterjuf',
  'kinderverzorgster',
  'kinderverzorger',
  'opvoeder',
  'opvoedster',
  'jeugdhulp',
  'jeugdzorg',
  'pleegzorg',
  'pleegouder',
  'trainer',
  'coach',
  'zwemleraar',
  'zwemles',
  'kindjes',
  'kleuters',
  'teacher',
  'childcare',
  'nursery',
  'youth',
  'scout',
  'coaching',
]);
/** "werken met kinderen": minors as the people one works with. */
const MINORS = new Set([
  'kinderen',
  'kids',
  'jongeren',
  'minderjarigen',
  'jeugd',
  'kleuters',
  'leerlingen',
  'kindjes',
  'tieners',
  'children',
  'minors',
  'youngsters',
  'pupils',
]);
/** What model 1 is for, as the question's own option says ("Voor werk of voor iets anders"). */
const GENERAL_PURPOSE = new Set([
  'werk',
  'werkgever',
  'job',
  'sollicitatie',
  'solliciteren',
  'interim',
  'interimkantoor',
  'visum',
  'verblijfsvergunning',
  'naturalisatie',
  'taxi',
  'bewaking',
  'beveiliging',
  'vergunning',
  'gewoon',
  'gewone',
  'algemeen',
  'algemene',
  'standaard',
  'normale',
  'work',
  'employer',
  'visa',
  'general',
  'standard',
]);

/** Which model of the criminal-record extract the message names or describes; undefined when it does not or says both. */
function modelSaid(words: readonly Word[]): ModelMention | undefined {
  const plain = words.map((w) => w.word);
  const named = namedModels(plain);
  if (named.length > 0) {
    const ids = new Set(named);
    return ids.size === 1 ? { id: named[0]!, how: 'named' } : undefined;
  }
  const negated = (i: number): boolean => NEGATIONS.has(plain[i - 1] ?? '') || NEGATIONS.has(plain[i - 2] ?? '');
  const minors = plain.some((word, i) => !negated(i) && (MINORS_PURPOSE.has(word) || (MINORS.has(word) && WITH.has(plain[i - 1] ?? ''))));
  if (minors) return { id: 'model-2', how: 'purpose' };
  if (plain.some((word, i) => GENERAL_PURPOSE.has(word) && !negated(i))) return { id: 'model-1', how: 'purpose' };
  return undefined;
}

/** "model 2", "model2", "het tweede model", "artikel 596 tweede lid"; "niet model 1 maar model 2" names model 2. */
function namedModels(words: readonly string[]): ModelSaid[] {
  const found: Array<{ id: ModelSaid; negated: boolean }> = [];
  words.forEach((word, i) => {
    const glued = /^(?:model|mod|type)(1|2)$/.exec(word);
    let id: ModelSaid | undefined;
    if (glued) id = glued[1] === '1' ? 'model-1' : 'model-2';
    else if (MODEL_WORDS.has(word)) id = numberModel(words[i + 1]) ?? (ordinal(words[i - 1]) ? numberModel(words[i - 1]) : undefined);
    else if (word === '596') id = TWO.has(words[i + 1] ?? '') ? 'model-2' : ONE.has(words[i + 1] ?? '') ? 'model-1' : undefined;
    else if (word === '595') id = 'model-1';
    if (!id) return;
    // "model 1 of 2": not sure which.
    const alternative = MODEL_WORDS.has(word) && AND.has(words[i + 2] ?? '') ? numberModel(words[i + 3]) : undefined;
    if (alternative) found.push({ id: alternative, negated: false });
    found.push({ id, negated: NEGATIONS.has(words[i - 1] ?? '') || NEGATIONS.has(words[i - 2] ?? '') });
  });
  const kept = found.filter((f) => !f.negated).map((f) => f.id);
  if (kept.length > 0) return kept;
  // "geen model 2": of two models, the other one.
  const negated = new Set(found.map((f) => f.id));
  return negated.size === 1 ? [negated.has('model-1') ? 'model-2' : 'model-1'] : [];
}

function numberModel(word: string | undefined): ModelSaid | undefined {
  if (word === undefined) return undefined;
  if (ONE.has(word)) return 'model-1';
  if (TWO.has(word)) return 'model-2';
  return undefined;
}

function ordinal(word: string | undefined): boolean {
  return word === 'eerste' || word === 'tweede' || word === 'first' || word === 'second';
}
