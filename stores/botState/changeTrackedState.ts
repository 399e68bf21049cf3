import { ConversationState, UserState, type BotState, type TurnContext } from 'botbuilder';
import { copyAsJson, unchangedAsJson } from '../embedded/jsonValueCopy.js';

type State = Record<string, unknown>;

/** Items a storage handed out or took in → its own JSON form of them (see `rememberSavedForm`). */
const savedForms = new WeakMap<object, Readonly<State>>();

/**
 * For a storage that keeps items as JSON values it never changes in place: tells the trackers that
 * `form` is what it holds of `item` (one it just read out as a copy of `form`, or just wrote), so
 * they compare with it instead of making a copy of their own. Kept only as long as `item` lives.
 */
export function rememberSavedForm(item: object, form: Readonly<State>): void {
  savedForms.set(item, form);
}

/** The state as JSON, read-only: the storage's own form of it where it told us, else a copy. */
const savedFormOf = (state: State): Readonly<State> => savedForms.get(state) ?? (copyAsJson(state) as State);

/** What one turn holds of one state: the live object the accessors change, and a copy as it was read or last saved. */
interface TrackedEntry {
  state: State;
  /** The state as JSON when read or last saved (never changed); null after `clear` (always saved). */
  saved: Readonly<State> | null;
}

// A mixin's base must take any arguments (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BotStateClass = new (...args: any[]) => BotState;

/**
 * botbuilder's BotState tells a changed state by hashing its JSON text (a replacer-driven
 * stringify and sha256) when it loads and again when it saves, twice per turn per state. This
 * keeps a JSON copy instead and compares it with the live state at save time, stopping at the
 * first difference: the same decision (is the state, without its eTag, what JSON would write
 * differently?) at a fraction of the cost. Everything else is BotState's behaviour: load once per
 * turn (or when forced), save with eTag '*', `clear` forces the next save, `delete` removes it.
 */
function changeTracked<Base extends BotStateClass>(base: Base) {
  class ChangeTracked extends base {
    private readonly trackedKey = Symbol('trackedState');

    override async load(context: TurnContext, force = false): Promise<State> {
      const cached = this.entryOf(context);
      if (!force && cached) return cached.state;
      const key = await this.storageKey(context);
      const items = await this.storage.read([key]);
      const state = (items[key] as State | undefined) ?? {};
      context.turnState.set(this.trackedKey, { state, saved: savedFormOf(state) } satisfies TrackedEntry);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      let entry = this.entryOf(context);
      if (!force && (!entry || (entry.saved !== null && unchangedAsJson(entry.saved, entry.state, 'eTag')))) return;
      const key = await this.storageKey(context);
      entry ??= { state: {}, saved: null };
      entry.state.eTag = '*';
      await this.storage.write({ [key]: entry.state });
      entry.saved = savedFormOf(entry.state);
      context.turnState.set(this.trackedKey, entry);
    }

    override async clear(context: TurnContext): Promise<void> {
      context.turnState.set(this.trackedKey, { state: {}, saved: null } satisfies TrackedEntry);
    }

    override async delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.trackedKey);
      await this.storage.delete([await this.storageKey(context)]);
    }

    override get(context: TurnContext): State | undefined {
      return this.entryOf(context)?.state;
    }

    private entryOf(context: TurnContext): TrackedEntry | undefined {
      return context.turnState.get(this.trackedKey) as TrackedEntry | undefined;
    }
  }
  return ChangeTracked;
}

/** ConversationState that tells a change without hashing the state's JSON (see `changeTracked`). */
export class TrackedConversationState extends changeTracked(ConversationState) {}

/** UserState that tells a change without hashing the state's JSON (see `changeTracked`). */
export class TrackedUserState extends changeTracked(UserState) {}
