import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff passwords, stored only as scrypt hashes: `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64url). The parameters travel with the hash, so they can be raised later without breaking
 * existing accounts.
 */
export interface StaffAccount {
  name: string;
  passwordHash: string;
}

const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const HASH_FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;
const STAFF_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

interface ParsedHash {
  params: { N: number; r: number; p: number };
  salt: Buffer;
  hash: Buffer;
}

/** Hashes a password for STAFF_ACCOUNTS (see `cli/hashStaffPassword.ts`). */
export async function hashStaffPassword(password: string, params = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether a hash has our format and sane parameters (checked once, when the configuration is read). */
export function isStaffPasswordHash(text: string): boolean {
  return parseHash(text) !== undefined;
}

/** Compares in constant time. A malformed hash never matches. */
export async function verifyStaffPassword(password: string, passwordHash: string): Promise<boolean> {
  const parsed = parseHash(passwordHash);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** A hash no password matches, verified for unknown account names so they take as long as known ones. */
export const UNKNOWN_ACCOUNT_HASH = `scrypt$${DEFAULT_PARAMS.N}$${DEFAULT_PARAMS.r}$${DEFAULT_PARAMS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

function parseHash(text: string): ParsedHash | undefined {
  const match = HASH_FORMAT.exec(text);
  if (!match) return undefined;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Bounds keep a typo in the configuration from costing gigabytes or minutes per login.
  const powerOfTwo = N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!powerOfTwo || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { params: { N, r, p }, salt: Buffer.from(match[4]!, 'base64url'), hash: Buffer.from(match[5]!, 'base64url') };
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, length = KEY_LENGTH): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Reads STAFF_ACCOUNTS: `name:hash,name2:hash2`. Throws a one-line reason (never echoing a hash)
 * for a malformed entry, a bad name, a bad hash or a name used twice.
 */
export function parseStaffAccounts(text: string | null): StaffAccount[] {
  if (!text) return [];
  const accounts: StaffAccount[] = [];
  for (const [index, entry] of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .entries()) {
    const separator = entry.indexOf(':');
    const name = separator > 0 ? entry.slice(0, separator).trim().toLowerCase() : '';
    const passwordHash = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (!STAFF_NAME.test(name)) {
      throw new Error(`entry ${index + 1} needs a name of lowercase letters, digits, . _ or - before the colon`);
    }
    if (!isStaffPasswordHash(passwordHash)) {
      throw new Error(`the hash of "${name}" is not a scrypt hash made by cli/hashStaffPassword.ts`);
    }
    if (accounts.some((account) => account.name === name)) throw new Error(`"${name}" appears twice`);
    accounts.push({ name, passwordHash });
  }
  return accounts;
}
