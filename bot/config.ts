import type { HandoffMode } from '../services/callback/handoffMode.js';
import { DEFAULT_BOOKING_RETENTION_DAYS } from '../services/appointments/bookingRetention.js';
import { isProxyAddressOrRange, type TrustedProxies } from './http/clientAddress.js';
import { parseStaffAccounts, type StaffAccount } from './staff/staffPassword.js';
import { CodedError } from '../services/errorCatalogue.js';

/**
 * The process configuration, read and validated once at start-up from the environment.
 * Names follow docs/contract/http.md. A wrong value stops the start with a one-line reason.
 */
export interface Config {
  port: number;
  host: string;
  /** NODE_ENV in lower case ("Production" counts as production). */
  nodeEnv: string;
  /** NODE_ENV is production: channel authentication required, secure cookies, HSTS. */
  production: boolean;
  /** Bot Framework channel authentication; null = local mode (no authentication). */
  botAuth: BotAuthConfig | null;
  directLineSecret: string | null;
  storage: 'lowdb' | 'postgres';
  dataDir: string;
  databaseUrl: string | null;
  luis: LuisConfig | null;
  reportsToken: string | null;
  /** Signs residents' calendar (.ics) links; null = a random key per process (links end with a restart). */
  calendarLinkSecret: string | null;
  /** The public address of this app, for links sent to residents; null = links relative to the page. */
  publicBaseUrl: string | null;
  /** Behind reverse proxies: how many hops, or which addresses, may set X-Forwarded-For; null = none (TRUST_PROXY). */
  trustProxy: TrustedProxies | null;
  defaultLocale: string;
  /** Phone staff who may sign in to /staff, with scrypt password hashes (STAFF_ACCOUNTS). */
  staffAccounts: StaffAccount[];
  /** Days a closed callback request is kept before it is deleted (CALLBACK_RETENTION_DAYS). */
  callbackRetentionDays: number;
  /** Days a booking (name, e-mail or phone) is kept after its appointment, cancellation or move (BOOKING_RETENTION_DAYS). */
  bookingRetentionDays: number;
  /** `callback` (the staff's callback queue) or `agentHub` (a handoff.initiate event) (HANDOFF_MODE). */
  handoffMode: HandoffMode;
}

export interface BotAuthConfig {
  appId: string;
  appPassword: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | null;
}

export interface LuisConfig {
  appId: string;
  apiKey: string;
  endpoint: string;
}

export class ConfigError extends CodedError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

type Env = Record<string, string | undefined>;

const SUPPORTED_LOCALES = ['nl-BE', 'nl', 'en', 'en-GB', 'en-US'];

type Read = (name: string) => string | null;

export function readConfig(env: Env): Config {
  const value: Read = (name) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  const nodeEnv = (value('NODE_ENV') ?? 'development').toLowerCase();
  const production = nodeEnv === 'production';
  const botAuth = readBotAuth(value);
  if (production && !botAuth) {
    throw new ConfigError('NODE_ENV=production requires MicrosoftAppId: refusing to start without channel authentication.');
  }
  // Checked in this order, so the first wrong setting is the one the start names.
  const { storage, databaseUrl } = readStorage(value);
  const defaultLocale = readDefaultLocale(value('DEFAULT_LOCALE'));
  const calendarLinkSecret = readSecret('CALENDAR_LINK_SECRET', value('CALENDAR_LINK_SECRET'), 32);
  const publicBaseUrl = readPublicBaseUrl(value('PUBLIC_BASE_URL'));
  const reportsToken = readSecret('REPORTS_TOKEN', value('REPORTS_TOKEN'), 16);
  return {
    port: readPort(value('PORT')),
    host: value('HOST') ?? (botAuth ? '0.0.0.0' : '127.0.0.1'),
    nodeEnv,
    production,
    botAuth,
    directLineSecret: value('DIRECT_LINE_SECRET'),
    storage,
    dataDir: value('DATA_DIR') ?? 'var',
    databaseUrl,
    luis: readLuis(value),
    reportsToken,
    calendarLinkSecret,
    publicBaseUrl,
    trustProxy: readTrustProxy(value('TRUST_PROXY')),
    defaultLocale,
    staffAccounts: readStaffAccounts(value('STAFF_ACCOUNTS')),
    callbackRetentionDays: readRetentionDays('CALLBACK_RETENTION_DAYS', value('CALLBACK_RETENTION_DAYS'), 30),
    bookingRetentionDays: readRetentionDays('BOOKING_RETENTION_DAYS', value('BOOKING_RETENTION_DAYS'), DEFAULT_BOOKING_RETENTION_DAYS),
    handoffMode: readHandoffMode(value('HANDOFF_MODE')),
  };
}

function readStorage(value: Read): Pick<Config, 'storage' | 'databaseUrl'> {
  const storage = value('STORAGE') ?? 'lowdb';
  if (storage !== 'lowdb' && storage !== 'postgres') {
    throw new ConfigError(`STORAGE must be "lowdb" or "postgres", not "${storage}".`);
  }
  const databaseUrl = value('DATABASE_URL');
  if (storage === 'postgres' && !databaseUrl) {
    throw new ConfigError('STORAGE=postgres requires DATABASE_URL.');
  }
  return { storage, databaseUrl };
}

function readDefaultLocale(raw: string | null): string {
  const defaultLocale = raw ?? 'nl-BE';
  if (!SUPPORTED_LOCALES.includes(defaultLocale)) {
    throw new ConfigError(`DEFAULT_LOCALE must be one of ${SUPPORTED_LOCALES.join(', ')}, not "${defaultLocale}".`);
  }
  return defaultLocale;
}

/** An optional secret: null when unset, refused when shorter than `minLength`. */
function readSecret(name: string, raw: string | null, minLength: number): string | null {
  if (raw !== null && raw.length < minLength) throw new ConfigError(`${name} must be at least ${minLength} characters long.`);
  return raw;
}

function readPublicBaseUrl(raw: string | null): string | null {
  if (raw !== null && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(raw)) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) address such as https://chat.gemeente.be, not "${raw}".`);
  }
  return raw;
}

const MAX_PROXY_HOPS = 10;

function readTrustProxy(raw: string | null): TrustedProxies | null {
  if (raw === null || raw === 'false') return null;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > MAX_PROXY_HOPS)
      throw new ConfigError(`TRUST_PROXY as a number of proxies must be 1 to ${MAX_PROXY_HOPS}, not "${raw}".`);
    return { hops };
  }
  const addresses = raw.split(',').map((entry) => entry.trim());
  const wrong = addresses.find((entry) => !isProxyAddressOrRange(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be false, a number of proxies (App Service: 1) or their addresses (10.0.0.5,10.1.0.0/16); "${wrong || raw}" is none of these.`,
    );
  }
  return { addresses };
}

function readStaffAccounts(raw: string | null): StaffAccount[] {
  try {
    return parseStaffAccounts(raw);
  } catch (error) {
    throw new ConfigError(`STAFF_ACCOUNTS must be name:hash,name2:hash2: ${(error as Error).message}.`);
  }
}

function readRetentionDays(name: string, raw: string | null, fallback: number): number {
  if (raw === null) return fallback;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(`${name} must be a whole number of days from 1 to 3650, not "${raw}".`);
  }
  return days;
}

function readHandoffMode(raw: string | null): HandoffMode {
  if (raw === null) return 'callback';
  if (raw !== 'callback' && raw !== 'agentHub') {
    throw new ConfigError(`HANDOFF_MODE must be "callback" or "agentHub", not "${raw}".`);
  }
  return raw;
}

function readPort(raw: string | null): number {
  if (raw === null) return 3978;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function readBotAuth(value: Read): BotAuthConfig | null {
  const appId = value('MicrosoftAppId');
  if (!appId) return null;
  const appType = value('MicrosoftAppType') ?? 'MultiTenant';
  if (appType !== 'MultiTenant' && appType !== 'SingleTenant' && appType !== 'UserAssignedMSI') {
    throw new ConfigError(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "${appType}".`);
  }
  const tenantId = value('MicrosoftAppTenantId');
  if (appType !== 'MultiTenant' && !tenantId) {
    throw new ConfigError(`MicrosoftAppType=${appType} requires MicrosoftAppTenantId.`);
  }
  const appPassword = value('MicrosoftAppPassword');
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    throw new ConfigError(`MicrosoftAppId is set, so MicrosoftAppPassword is required for MicrosoftAppType=${appType}.`);
  }
  return { appId, appPassword, appType, tenantId };
}

function readLuis(value: Read): LuisConfig | null {
  const names = ['LUIS_APP_ID', 'LUIS_API_KEY', 'LUIS_ENDPOINT'] as const;
  const set = names.filter((name) => value(name) !== null);
  if (set.length === 0) return null;
  if (set.length < names.length) {
    const missing = names.filter((name) => value(name) === null);
    throw new ConfigError(`The LUIS recognizer needs ${names.join(', ')}; missing: ${missing.join(', ')}.`);
  }
  const endpoint = value('LUIS_ENDPOINT')!;
  if (!/^https?:\/\/[^\s]+$/.test(endpoint)) {
    throw new ConfigError(`LUIS_ENDPOINT must be an http(s) URL, not "${endpoint}".`);
  }
  return { appId: value('LUIS_APP_ID')!, apiKey: value('LUIS_API_KEY')!, endpoint };
}
