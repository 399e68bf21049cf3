/**
 * Builds the Microsoft Teams app package an IT admin uploads (Teams admin center → Manage apps → Upload):
 *   MicrosoftAppId=<bot id> npm run teams:package -- [--out dist/teams-app.zip] [--privacy-url URL] [--terms-url URL]
 * The bot id comes from the configuration (MicrosoftAppId), the public address from PUBLIC_BASE_URL,
 * names and descriptions from locales/<lang>/teamsApp.json, the developer from data/municipality.json.
 * The package is validated before it is written; a problem is printed and the exit code is 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createI18n } from '../bot/i18n.js';
import { loadMunicipalityData } from '../services/municipality/municipalityData.js';
import { buildTeamsPackage, teamsPackageProblems } from '../teams/appPackage.js';
import { parseArgs, UsageError } from './cliSupport.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['out', 'privacy-url', 'terms-url'], []);
  const botId = process.env.MicrosoftAppId?.trim();
  if (!botId) throw new UsageError("set MicrosoftAppId to the Azure Bot's Microsoft App ID: the Teams app needs the bot id");
  if (!GUID.test(botId)) throw new UsageError(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${botId}"`);
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const zip = buildTeamsPackage({
    botId,
    version,
    municipality: loadMunicipalityData().municipality,
    publicBaseUrl: process.env.PUBLIC_BASE_URL?.trim() || undefined,
    privacyUrl: args.values.get('privacy-url'),
    termsOfUseUrl: args.values.get('terms-url'),
    i18n: createI18n(),
  });
  const problems = teamsPackageProblems(zip);
  if (problems.length > 0) {
    process.stderr.write(`The Teams app package is not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n`);
    return 1;
  }
  const out = args.values.get('out') ?? 'dist/teams-app.zip';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`${out} (${zip.length} bytes): manifest.json, en.json, color.png, outline.png\n`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
