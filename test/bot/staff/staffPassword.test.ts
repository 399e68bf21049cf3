import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  hashStaffPassword,
  isStaffPasswordHash,
  parseStaffAccounts,
  UNKNOWN_ACCOUNT_HASH,
  verifyStaffPassword,
} from '../../../bot/staff/staffPassword.js';

const FAST = { N: 1024, r: 8, p: 1 };

describe('staff passwords', () => {
  it('hash with scrypt in the scrypt$N$r$p$salt$hash format, salted, and verify', async () => {
    const hash = await hashStaffPassword('een lang wachtwoord', FAST);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashStaffPassword('een lang wachtwoord', FAST)).not.toBe(hash);
    expect(await verifyStaffPassword('een lang wachtwoord', hash)).toBe(true);
    expect(await verifyStaffPassword('een lang wachtwoorD', hash)).toBe(false);
    expect(await verifyStaffPassword('een lang wachtwoord', 'scrypt$3$8$1$x$y')).toBe(false);
  });

  it('the placeholder for unknown accounts is well-formed and matches nothing', async () => {
    expect(isStaffPasswordHash(UNKNOWN_ACCOUNT_HASH)).toBe(true);
    expect(await verifyStaffPassword('', UNKNOWN_ACCOUNT_HASH)).toBe(false);
  });

  it('STAFF_ACCOUNTS reads name:hash pairs and refuses malformed ones without echoing the hash', async () => {
    const an = await hashStaffPassword('wachtwoord van an', FAST);
    const bo = await hashStaffPassword('wachtwoord van bo', FAST);
    expect(parseStaffAccounts(`An:${an}, bo:${bo}`)).toEqual([
      { name: 'an', passwordHash: an },
      { name: 'bo', passwordHash: bo },
    ]);
    expect(parseStaffAccounts(null)).toEqual([]);
    expect(() => parseStaffAccounts(`an:${an},an:${bo}`)).toThrow(/twice/);
    expect(() => parseStaffAccounts('an:plaintext-password')).toThrow(/not a scrypt hash/);
    expect(() => parseStaffAccounts('an:plaintext-password')).not.toThrow(/plaintext/);
    expect(() => parseStaffAccounts(`:${an}`)).toThrow(/name/);
  });

  it('the CLI prints a hash for a password read from stdin', async () => {
    const run = promisify(execFile);
    const child = run('node_modules/.bin/tsx', ['cli/hashStaffPassword.ts']);
    child.child.stdin!.end('een lang wachtwoord\n');
    const { stdout } = await child;
    const hash = stdout.trim();
    expect(isStaffPasswordHash(hash)).toBe(true);
    expect(await verifyStaffPassword('een lang wachtwoord', hash)).toBe(true);
  });
});
