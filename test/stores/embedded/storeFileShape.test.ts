import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { openStores } from '../../../stores/openStores.js';
import { isStoreError } from '../../../stores/storeErrors.js';

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** Opens the embedded stores as `npm start` does, on a DATA_DIR holding one hand-made file. */
async function startWith(file: string, content: string) {
  dataDir = mkdtempSync(join(tmpdir(), 'assistent-shape-'));
  writeFileSync(join(dataDir, file), content);
  return openStores({ storage: 'lowdb', dataDir }, createMemoryLogger());
}

describe('store files of the wrong shape at start-up', () => {
  it.each([
    ['bookings.json', '{"bookings": {"KDR-482": {"name": "An"}}}', 'bookings must be a list'],
    ['bookings.json', '{"bookings": "none"}', 'bookings must be a list'],
    ['callbackRequests.json', '{"requests": 3}', 'requests must be a list'],
    ['botState-00.json', '{"items": []}', 'items must be an object'],
    ['surveyResponses.json', '{"responses": [], "recentRequests": null}', 'recentRequests must be a list'],
    ['conversationOutcomes.json', '{"counts": {}, "openDays": []}', 'counts must be a list'],
  ])('refuses %s holding %s, naming the field, and leaves the file as it was', async (file, content, problem) => {
    const opening = startWith(file, content);
    const error = await opening.then(
      async (stores) => {
        await stores.close();
        return undefined;
      },
      (caught: unknown) => caught,
    );
    expect(isStoreError(error, 'STORE_FILE_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(problem);
    expect(readFileSync(join(dataDir!, file), 'utf8')).toBe(content);
  });

  it('still opens a file that lacks a collection added later', async () => {
    const stores = await startWith('surveyResponses.json', '{"responses": []}');
    await stores.close();
  });
});
