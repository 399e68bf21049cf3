/**
 * No stored survey row, outcome count or export carries an identifier or free text: scan the
 * real files in DATA_DIR, the JSON report and the CSV for everything that identified the
 * resident in the conversation.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../bot/logger.js';
import { openEmbeddedFiles } from '../../stores/embedded/embeddedFiles.js';
import { openEmbeddedSurveyStores } from '../../stores/survey/openSurveyStores.js';
import { surveyReportToCsv } from '../../services/survey/surveyCsv.js';
import { createI18n } from '../../bot/i18n.js';
import { csvLabels } from '../../bot/http/dashboard/dashboardTexts.js';
import { buildSurveyReport } from '../../services/survey/surveyReport.js';
import { baseline } from '../services/survey/surveyFixtures.js';
import { createConversation } from '../support/conversation.js';
import { surveyRecognizer } from '../support/survey.js';

const IDENTIFIERS = {
  conversationId: 'conv-7c1e9b42-privacy',
  userId: '+32470123456', // on SMS the channel's user id is the phone number
  name: 'Jan Peeters',
  phone: '0470 12 34 56',
  phoneDigits: '470123456',
  freeText: 'het loket was echt top',
  activityId: 'act-5f2a91',
};

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('survey privacy', () => {
  it('stores and exports no user id, conversation id, name, phone, activity id or free text', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'survey-privacy-'));
    let now = new Date('2026-03-10T10:00:00Z');
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const stores = await openEmbeddedSurveyStores(files, { now: () => now });
    const talk = createConversation({
      recognizer: surveyRecognizer,
      channelId: 'sms',
      storage: new MemoryStorage(),
      user: { id: IDENTIFIERS.userId, name: IDENTIFIERS.name },
      conversationId: IDENTIFIERS.conversationId,
      survey: { ...stores, now: () => now, random: () => 0 },
    });

    await talk.say(`Ik ben ${IDENTIFIERS.name}, mijn nummer is ${IDENTIFIERS.phone}`);
    await talk.say('daag');
    await talk.sayWithId('2', `${IDENTIFIERS.activityId}-1`);
    await talk.say(IDENTIFIERS.freeText); // not an option: asked again
    await talk.sayWithId('5', `${IDENTIFIERS.activityId}-2`);
    await talk.say('1');

    const scan = async (when: string) => {
      const texts: string[] = [];
      for (const file of await readdir(dataDir!)) {
        if (file.endsWith('.json')) texts.push(await readFile(path.join(dataDir!, file), 'utf8'));
      }
      const rows = await stores.surveyStore.list({ from: '2026-01-01', to: '2026-12-31' });
      const counts = await stores.outcomeStore.counts({ from: '2026-01-01', to: '2026-12-31' });
      const report = buildSurveyReport(rows, { from: '2026-01-01', to: '2026-12-31' }, baseline, counts);
      texts.push(JSON.stringify(rows), JSON.stringify(report), surveyReportToCsv(report, csvLabels(createI18n())));
      const everything = texts.join('\n');
      for (const [what, value] of Object.entries(IDENTIFIERS)) {
        expect(everything, `${what} found ${when}`).not.toContain(value);
      }
      expect(everything).not.toContain('Peeters');
      expect(everything).not.toContain('7c1e9b42');
      return rows;
    };

    const rows = await scan('while the day is open');
    // The row is there and holds codes only.
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'channel', 'day', 'id', 'outcome', 'questionnaireVersion']);
    expect(rows[0]!.answers).toEqual({ awareness: 'awareNotUsed', satisfaction: 5, appointmentPreference: 'appointment' });

    now = new Date('2026-03-13T10:00:00Z');
    await scan('after the day was closed');
    await files.close();
  });
});
