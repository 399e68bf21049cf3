import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { colorIcon } from '../../teams/appIcons.js';
import { teamsAppId, type TeamsAppInput } from '../../teams/appManifest.js';
import { buildTeamsPackage, teamsPackageProblems } from '../../teams/appPackage.js';
import { decodePng } from '../../teams/pngImage.js';
import { testFacts } from '../support/conversation.js';

const BOT_ID = '0b7f3c2e-5d1a-4c6b-9e8f-1a2b3c4d5e6f';
const input: TeamsAppInput = {
  botId: BOT_ID,
  version: '1.2.3',
  municipality: testFacts().municipality,
  publicBaseUrl: 'https://chat.wilgenbeke.example',
  i18n: createI18n(),
};

function filesOf(zip: Uint8Array) {
  const files = unzipSync(zip);
  return { files, json: (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, any> };
}

describe('the Teams app package', () => {
  it('validates: manifest and English localization against the schema, icons 192×192 and 32×32 white on transparency', () => {
    const zip = buildTeamsPackage(input);
    expect(teamsPackageProblems(zip)).toEqual([]);
    const { files, json } = filesOf(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(decodePng(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
    expect(decodePng(files['outline.png']!)).toMatchObject({ width: 32, height: 32 });
    const manifest = json('manifest.json');
    expect(manifest.bots).toEqual([{ botId: BOT_ID, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false }]);
    expect(manifest).toMatchObject({ manifestVersion: '1.17', version: '1.2.3', validDomains: ['chat.wilgenbeke.example'] });
    expect(manifest.name.short).toContain(testFacts().municipality.shortName);
    expect(json('en.json')['name.short']).toContain(testFacts().municipality.shortName);
  });

  it('keeps one Teams app id per bot, so a new upload replaces the old version', () => {
    const id = (filesOf(buildTeamsPackage(input)).json('manifest.json') as { id: string }).id;
    expect(id).toBe(teamsAppId(BOT_ID));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(teamsAppId('ffffffff-0000-4000-8000-000000000000')).not.toBe(id);
  });

  it.each([
    [
      'a developer name over 32 characters',
      { municipality: { ...input.municipality, name: 'Gemeente met een heel erg lange officiële naam' } },
      /developer\/name/,
    ],
    ['a version that is not x.y.z', { version: 'v1' }, /manifest\.json\/version/],
    ['a bot id that is no GUID', { botId: 'not-a-guid' }, /bots\/0\/botId/],
    ['a privacy notice that is not https', { privacyUrl: 'http://www.wilgenbeke.example/privacy' }, /privacyUrl/],
  ])('reports %s', (_what, change, problem) => {
    expect(teamsPackageProblems(buildTeamsPackage({ ...input, ...change })).join('\n')).toMatch(problem);
  });

  it('reports wrong icons and missing files', () => {
    const { files } = filesOf(buildTeamsPackage(input));
    expect(teamsPackageProblems(zipSync({ ...files, 'outline.png': colorIcon() })).join('\n')).toMatch(/outline\.png is 192×192/);
    const { 'en.json': _english, ...withoutEnglish } = files;
    expect(teamsPackageProblems(zipSync(withoutEnglish))).toContain('en.json is named in the manifest but missing');
    expect(teamsPackageProblems(zipSync({ 'manifest.json': strToU8('{}') })).join('\n')).toMatch(
      /must have required property 'manifestVersion'/,
    );
  });
});

describe('npm run teams:package', () => {
  const run = promisify(execFile);
  const cli = (env: Record<string, string>, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'cli/teamsPackage.ts', ...args], { env: { PATH: process.env.PATH!, ...env } });

  it('writes a valid package with the configured bot id', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-')), 'app.zip');
    await cli({ MicrosoftAppId: BOT_ID }, ['--out', out]);
    const zip = readFileSync(out);
    expect(teamsPackageProblems(zip)).toEqual([]);
    expect(filesOf(zip).json('manifest.json').bots[0].botId).toBe(BOT_ID);
  }, 30_000);

  it('refuses to build without a bot id, with a one-line reason and exit code 2', async () => {
    await expect(cli({}, [])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('MicrosoftAppId') });
  }, 30_000);
});
