import { createHmac, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createConversationTokenService } from '../../../bot/directLine/conversationToken.js';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');

function service(now = () => NOW, tokenSecret = randomBytes(32)) {
  return { tokenSecret, tokens: createConversationTokenService({ tokenSecret, now }) };
}

function decodePart(token: string, index: number) {
  return JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8'));
}

describe('conversation tokens', () => {
  it('are JWTs whose claims Web Chat can read: conversation, dl_ user and expiry', () => {
    const { tokens } = service();

    const grant = tokens.issueForNewConversation();

    expect(decodePart(grant.token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodePart(grant.token, 1);
    expect(claims).toEqual({ conv: grant.conversationId, user: expect.stringMatching(/^dl_/), iat: NOW / 1000, exp: NOW / 1000 + 1800 });
    expect(grant.expires_in).toBe(1800);
    expect(tokens.check(`Bearer ${grant.token}`)).toEqual({ ok: true, claims });
  });

  it('gives every new conversation its own id and user', () => {
    const { tokens } = service();
    const a = tokens.issueForNewConversation();
    const b = tokens.issueForNewConversation();

    expect(a.conversationId).not.toBe(b.conversationId);
    expect(decodePart(a.token, 1).user).not.toBe(decodePart(b.token, 1).user);
  });

  it('rejects a token whose header claims another algorithm, even when correctly signed', () => {
    const { tokens, tokenSecret } = service();
    const payload = tokens.issueForNewConversation().token.split('.')[1]!;
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const signature = createHmac('sha256', tokenSecret).update(`${header}.${payload}`).digest('base64url');

    expect(tokens.check(`Bearer ${header}.${payload}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(`Bearer ${header}.${payload}.`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects correctly signed claims of the wrong shape', () => {
    const { tokens, tokenSecret } = service();
    const header = tokens.issueForNewConversation().token.split('.')[0]!;
    const payload = Buffer.from(JSON.stringify({ conv: 'a|b', user: 'dl_x', iat: 1, exp: 9e9 })).toString('base64url');
    const signature = createHmac('sha256', tokenSecret).update(`${header}.${payload}`).digest('base64url');

    expect(tokens.check(`Bearer ${header}.${payload}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('tells a missing header from an expired token', () => {
    let now = NOW;
    const { tokens } = service(() => now);
    const { token } = tokens.issueForNewConversation();

    expect(tokens.check(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(tokens.check(`Basic ${token}`)).toEqual({ ok: false, reason: 'missing' });
    now += 1800 * 1000;
    expect(tokens.check(`Bearer ${token}`)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a signing secret that is too short to be safe', () => {
    expect(() => createConversationTokenService({ tokenSecret: Buffer.alloc(8) })).toThrow(/32 bytes/);
  });
});
