import {
  ActivityHandler,
  ActivityTypes,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  type Dialog,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import type { MainDialogOptions } from '../dialogs/mainDialog.js';
import { isNoRequest } from '../domain/nluContract.js';
import type { Recognition, Recognizer } from '../nlu/recognizer.js';
import { answeredBefore, withAnswer, type AnsweredActivity } from './conversationMemory.js';
import type { TurnObserver } from './conversationMemory.js';
import { LANGUAGE_NAMES, LANGUAGES, rememberingTranslator, resolveLanguage, type Language, type Translate } from './i18n.js';
import { setTurnServices, turnServices } from './turnState.js';

export interface AssistantBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  mainDialog: Dialog;
  recognizer: Recognizer;
  i18n: i18n;
  defaultLocale: string;
  /** Run every turn once language and recognition are known, before the dialogs (e.g. the conversation memory). */
  observers?: readonly TurnObserver[];
}

/** Words common in English and not in Dutch: two of them, and more than Dutch ones, make a message English. */
const ENGLISH_WORDS = new Set([
  'i',
  'you',
  'the',
  'need',
  'want',
  'my',
  'are',
  'do',
  'does',
  'can',
  'how',
  'what',
  'when',
  'where',
  'please',
  'hello',
  'speak',
  'english',
  'to',
  'for',
  'of',
  'with',
  'would',
  'like',
  'have',
  'get',
  'birth',
  'certificate',
  'appointment',
  'passport',
  'thanks',
  'thank',
  'your',
  'is',
  'an',
  'make',
  'book',
]);
const DUTCH_WORDS = new Set([
  'ik',
  'je',
  'u',
  'de',
  'het',
  'een',
  'van',
  'voor',
  'mijn',
  'wil',
  'kan',
  'hoe',
  'wat',
  'wanneer',
  'waar',
  'graag',
  'aub',
  'niet',
  'en',
  'is',
  'op',
  'met',
  'zijn',
  'jullie',
  'afspraak',
  'dag',
  'hallo',
  'nodig',
  'heb',
]);
const ASKS_ABOUT_ENGLISH = /\b(?:speak|talk|understand|write)\b.*\benglish\b|^\s*(?:in\s+)?english\s*(?:please)?\s*\??\s*$/;

function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word) && !DUTCH_WORDS.has(word)).length;
  const dutch = words.filter((word) => DUTCH_WORDS.has(word) && !ENGLISH_WORDS.has(word)).length;
  return english >= 2 && english > dutch;
}

/**
 * The turn-state key under which botbuilder-dialogs keeps the memory scopes and path resolvers of a
 * turn's DialogStateManagers (botbuilder-dialogs lib/memory/dialogStateManager.js). Without it the
 * turn's first DialogContext builds them anew (about 140 µs and a few hundred objects).
 */
const STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

/** From this score a request in a message about the language is answered: more likely meant than not. */
const REQUEST_MIN_SCORE = 0.5;

/** What a message about the language may ask besides: anything but greeting, thanks, help or nothing. */
function asksSomethingElse(recognition: Recognition | null | undefined): boolean {
  return !!recognition && !isNoRequest(recognition.intent, ['help']) && recognition.score >= REQUEST_MIN_SCORE;
}

/**
 * The turn loop. A resend of a message already answered gets that answer again and runs nothing;
 * otherwise it resolves the language (saved choice, then the activity's locale, then the default) and
 * the meaning of the message once, lets the observers see the turn, answers a switch of language or
 * offers English, runs the main dialog, remembers the answer for resends, and saves conversation and
 * user state at the end of every turn.
 */
export class AssistantBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly savedLanguage: StatePropertyAccessor<Language | undefined>;
  private readonly answeredActivities: StatePropertyAccessor<AnsweredActivity[]>;
  /** One translator per language for every turn: it remembers the texts it looked up. */
  private readonly translators: Record<Language, Translate>;
  /**
   * The memory scopes the first turn's dialogs built, handed to every later turn: they keep nothing of
   * a turn (each reads the turn's own state), as DialogManager.stateConfiguration is kept across turns.
   */
  private stateManagerConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: AssistantBotDeps) {
    super();
    const dialogState: StatePropertyAccessor<DialogState> = deps.conversationState.createProperty('dialogState');
    this.dialogs = new DialogSet(dialogState).add(deps.mainDialog);
    this.savedLanguage = deps.userState.createProperty('language');
    this.answeredActivities = deps.conversationState.createProperty('answeredActivities');
    this.translators = Object.fromEntries(LANGUAGES.map((language) => [language, rememberingTranslator(deps.i18n, language)])) as Record<
      Language,
      Translate
    >;

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== context.activity.recipient?.id);
      if (joined.length > 0) await this.startConversation(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (!(await this.switchLanguage(context)) && !(await this.offerEnglish(context))) await this.continueConversation(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (await this.replayedAnswer(context)) return;
    const sent = this.collectReplies(context);
    if (this.stateManagerConfiguration) context.turnState.set(STATE_MANAGER_CONFIGURATION, this.stateManagerConfiguration);
    await this.prepareTurn(context);
    for (const observer of this.deps.observers ?? []) await observer.observeTurn(context);
    await super.run(context);
    await this.rememberAnswer(context, sent);
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }

  /**
   * Direct Line and Teams resend a message they got no answer to in time. A resend of a message this
   * conversation already answered runs no turn (the side effects of the first one stand, and the next
   * question does not take the resend as its answer) and gets the first answer again.
   */
  private async replayedAnswer(context: TurnContext): Promise<boolean> {
    const answered = answeredBefore(await this.answeredActivities.get(context, []), context.activity);
    if (!answered) return false;
    if (answered.replies && answered.replies.length > 0) await context.sendActivities(answered.replies);
    return true;
  }

  /** Everything this turn sends, as it is sent. */
  private collectReplies(context: TurnContext): Partial<Activity>[] {
    const sent: Partial<Activity>[] = [];
    context.onSendActivities(async (_context, activities, next) => {
      sent.push(...activities);
      return next();
    });
    return sent;
  }

  private async rememberAnswer(context: TurnContext, sent: readonly Partial<Activity>[]): Promise<void> {
    const { id, type } = context.activity;
    if (type !== ActivityTypes.Message || !id) return;
    await this.answeredActivities.set(context, withAnswer(await this.answeredActivities.get(context, []), id, sent));
  }

  private async prepareTurn(context: TurnContext): Promise<void> {
    const language = resolveLanguage(await this.savedLanguage.get(context), context.activity.locale, this.deps.defaultLocale);
    const text = context.activity.type === ActivityTypes.Message ? context.activity.text?.trim() : undefined;
    setTurnServices(context, {
      language,
      t: this.translators[language],
      recognition: text ? await this.deps.recognizer.recognize(text, language) : null,
    });
  }

  private async startConversation(context: TurnContext): Promise<void> {
    const dc = await this.createDialogContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.deps.mainDialog.id, { menu: 'welcome' } satisfies MainDialogOptions);
  }

  private async continueConversation(context: TurnContext): Promise<void> {
    const dc = await this.createDialogContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.mainDialog.id);
  }

  /** The turn's root dialog context; the first one also gives the memory scopes every later turn reuses. */
  private async createDialogContext(context: TurnContext): Promise<DialogContext> {
    const dc = await this.dialogs.createContext(context);
    this.stateManagerConfiguration ??= dc.state.configuration;
    return dc;
  }

  /**
   * A message in English from a resident who chose no language: the assistant goes on in English
   * (saying how to switch back) and answers the message, unless it only asked about English.
   * Returns true when nothing more is to be said this turn.
   */
  private async offerEnglish(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    if ((await this.savedLanguage.get(context)) !== undefined || turnServices(context).language === 'en' || !looksEnglish(text))
      return false;
    await this.savedLanguage.set(context, 'en');
    // The message was already understood: only the words of the answers change.
    setTurnServices(context, { ...turnServices(context), language: 'en', t: this.translators.en });
    await context.sendActivity(this.deps.i18n.t('common:language.continuingInEnglish', { lng: 'en' }));
    // "do you speak English? I need a passport for my son": the request is answered too.
    return ASKS_ABOUT_ENGLISH.test(text.toLowerCase()) && !asksSomethingElse(turnServices(context).recognition);
  }

  /** A message that is only a language's own name ("English", "Nederlands") saves that language. */
  private async switchLanguage(context: TurnContext): Promise<boolean> {
    const said = context.activity.text?.trim().toLowerCase();
    const chosen = LANGUAGES.find((language) => said !== undefined && LANGUAGE_NAMES[language].includes(said));
    if (!chosen) return false;
    await this.savedLanguage.set(context, chosen);
    await context.sendActivity(this.deps.i18n.t('common:language.switched', { lng: chosen }));
    return true;
  }
}
