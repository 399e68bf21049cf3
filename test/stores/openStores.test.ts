import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../support/appServer.js';
import { readable } from '../support/conversation.js';
import { messageActivity, postJson } from '../support/testServer.js';

const repoFile = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const handedOver: string = repoFile('locales/nl/handoff.json').callUs.replace(
  '{{phone}}',
  repoFile('data/municipality.json').phone.display,
);

// The PostgreSQL side of openStores is tested in test/stores/postgres/postgresStores.test.ts.
describe('the embedded store in the app', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const say = async (conversationId: string, text: string) => {
    const response = await postJson(`${app.baseUrl}/api/messages`, messageActivity(text, { conversation: { id: conversationId } }));
    return readable(((await response.json()) as { activities: Partial<Activity>[] }).activities);
  };

  it('runs concurrent turns of one conversation one after another (the in-process turn lock)', async () => {
    await say('concurrent', 'hallo');
    // Both pick option 5 of the same menu: in order, only the first still sees the menu.
    const replies = await Promise.all([say('concurrent', '5'), say('concurrent', '5'), say('concurrent', '5')]);
    expect(replies.filter((reply) => reply.includes(handedOver))).toHaveLength(1);
  });
});
