import { MemoryStorage, TestAdapter, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { TrackedConversationState, TrackedUserState } from '../../../stores/botState/changeTrackedState.js';
import { EmbeddedStateStorage, openStateCollections } from '../../../stores/botState/embeddedStateStorage.js';
import { makeTempDir } from '../embedded/storeTestSupport.js';

/** A storage that counts the writes it gets, by key. */
class CountingStorage implements Storage {
  readonly writes: string[] = [];
  constructor(private readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.writes.push(...Object.keys(changes));
    await this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The embedded storage compares with its own stored values (rememberSavedForm); MemoryStorage with the tracker's copies. */
const storages: [string, () => Promise<Storage>][] = [
  ['MemoryStorage', async () => new MemoryStorage()],
  [
    'EmbeddedStateStorage',
    async () => {
      const { dir, remove } = await makeTempDir();
      const collections = await openStateCollections(dir);
      cleanups.push(async () => {
        await Promise.all([collections.conversations.close(), collections.users.close()]);
        await remove();
      });
      return new EmbeddedStateStorage(collections);
    },
  ],
];

async function turns(logic: (context: TurnContext) => Promise<void>, messages: string[]): Promise<void> {
  const adapter = new TestAdapter(async (context) => {
    await logic(context);
    await context.sendActivity('ok');
  });
  for (const message of messages) await adapter.send(message).assertReply('ok');
}

describe.each(storages)('TrackedConversationState and TrackedUserState on %s', (_name, openStorage) => {
  it('save a state only in the turns that changed it, and carry it from turn to turn', async () => {
    const storage = new CountingStorage(await openStorage());
    const conversation = new TrackedConversationState(storage);
    const user = new TrackedUserState(storage);
    const count = conversation.createProperty<{ turns: number[] }>('count');
    const language = user.createProperty<string>('language');
    const seen: number[] = [];
    await turns(
      async (context) => {
        const text = context.activity.text ?? '';
        const state = await count.get(context, { turns: [] });
        if (text !== 'kijk') state.turns.push(state.turns.length + 1);
        seen.push(state.turns.length);
        if (text === 'english') await language.set(context, 'en');
        else await language.get(context);
        await conversation.saveChanges(context);
        await user.saveChanges(context);
      },
      ['een', 'kijk', 'english', 'kijk'],
    );
    expect(seen).toEqual([1, 1, 2, 2]);
    const conversationWrites = storage.writes.filter((key) => key.includes('/conversations/'));
    const userWrites = storage.writes.filter((key) => key.includes('/users/'));
    expect(conversationWrites).toHaveLength(2);
    expect(userWrites).toHaveLength(1);
  });

  it('sees a change made after an earlier save of the same turn, and saves a cleared state', async () => {
    const storage = new CountingStorage(await openStorage());
    const conversation = new TrackedConversationState(storage);
    const step = conversation.createProperty<number>('step');
    await turns(
      async (context) => {
        await step.set(context, 1);
        await conversation.saveChanges(context);
        await conversation.saveChanges(context);
        await step.set(context, 2);
        await conversation.saveChanges(context);
      },
      ['een'],
    );
    expect(storage.writes).toHaveLength(2);
    await turns(
      async (context) => {
        expect(await step.get(context)).toBe(2);
        await conversation.clear(context);
        await conversation.saveChanges(context);
      },
      ['twee'],
    );
    expect(storage.writes).toHaveLength(3);
    await turns(async (context) => expect(await step.get(context)).toBeUndefined(), ['drie']);
  });

  it('reads again when forced, and deletes the stored state', async () => {
    const storage = new CountingStorage(await openStorage());
    const conversation = new TrackedConversationState(storage);
    const step = conversation.createProperty<number>('step');
    await turns(
      async (context) => {
        await step.set(context, 5);
        await conversation.saveChanges(context);
        await step.set(context, 6);
        await conversation.load(context, true);
        expect(await step.get(context)).toBe(5);
        expect(conversation.get(context)).toMatchObject({ step: 5 });
        await conversation.delete(context);
        expect(conversation.get(context)).toBeUndefined();
      },
      ['een'],
    );
    await turns(async (context) => expect(await step.get(context)).toBeUndefined(), ['twee']);
  });
});
