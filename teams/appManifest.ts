import { createHash } from 'node:crypto';
import type { i18n } from 'i18next';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../bot/i18n.js';
import type { Municipality } from '../services/municipality/municipalityData.js';
import { ACCENT_COLOR } from './appIcons.js';

const MANIFEST_VERSION = '1.17';
const SCHEMA_BASE = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}`;
export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';

/** What the Teams app is made of: the bot registration, the app's version and the municipality's facts. */
export interface TeamsAppInput {
  /** The Azure Bot's Microsoft App ID (`MicrosoftAppId`). */
  botId: string;
  /** The app's version, x.y.z (the package.json version). */
  version: string;
  municipality: Pick<Municipality, 'name' | 'shortName' | 'website'>;
  /** This app's public address (`PUBLIC_BASE_URL`): its host becomes a valid domain. */
  publicBaseUrl?: string;
  /** Privacy notice and terms of use; the municipality's website when not given. */
  privacyUrl?: string;
  termsOfUseUrl?: string;
  i18n: i18n;
}

/**
 * The Teams app id: a name-based UUID (version 5) of the bot id, so every build for one bot
 * yields the same app and an admin's upload replaces the earlier version instead of adding one.
 */
export function teamsAppId(botId: string): string {
  const hash = createHash('sha1').update(`teams-app:${botId.toLowerCase()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The files of the app package besides the icons: manifest.json (Dutch) and one localization file per other language. */
export function teamsManifestFiles(input: TeamsAppInput): Record<string, object> {
  const others = LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE);
  const texts = (language: Language) => {
    const t = input.i18n.getFixedT(language);
    const values = { municipality: input.municipality.shortName };
    return {
      name: { short: t('teamsApp:name.short', values), full: t('teamsApp:name.full', values) },
      description: { short: t('teamsApp:description.short', values), full: t('teamsApp:description.full', values) },
    };
  };
  const manifest = {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: teamsAppId(input.botId),
    localizationInfo: {
      defaultLanguageTag: 'nl-be',
      additionalLanguages: others.map((language) => ({ languageTag: language, file: `${language}.json` })),
    },
    developer: {
      name: input.municipality.name,
      websiteUrl: input.municipality.website,
      privacyUrl: input.privacyUrl ?? input.municipality.website,
      termsOfUseUrl: input.termsOfUseUrl ?? input.municipality.website,
    },
    ...texts(SOURCE_LANGUAGE),
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: ACCENT_COLOR,
    // Residents talk to the assistant one to one; it has no use in a team channel or a group chat.
    bots: [{ botId: input.botId, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false }],
    validDomains: input.publicBaseUrl ? [new URL(input.publicBaseUrl).host] : [],
  };
  const files: Record<string, object> = { 'manifest.json': manifest };
  for (const language of others) {
    const { name, description } = texts(language);
    files[`${language}.json`] = {
      $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`,
      'name.short': name.short,
      'name.full': name.full,
      'description.short': description.short,
      'description.full': description.full,
    };
  }
  return files;
}
