import { createHmac, randomBytes } from 'node:crypto';

import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { createConversationTokenService } from '../../../bot/directLine/conversationToken.js';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');

function service(now = () => NOW, tokenSecret = randomBytes(32)) {
  return { tokenSecret, tokens: createConversationTokenService({ tokenSecret, now }) };
}

function decodePart(token: string, index: number) {
  return JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8'));
}

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (secret: Buffer, input: string) => createHmac('sha256', secret).update(input).digest('base64url');

describe('conversation tokens', () => {
  it('are JWTs whose claims Web Chat can read: conversation, dl_ user and expiry', async () => {
    const { tokens } = service();

    const grant = await tokens.issueForNewConversation();

    expect(decodePart(grant.token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodePart(grant.token, 1);
    expect(claims).toEqual({ conv: grant.conversationId, user: expect.stringMatching(/^dl_/), iat: NOW / 1000, exp: NOW / 1000 + 1800 });
    expect(grant.expires_in).toBe(1800);
    expect(await tokens.check(`Bearer ${grant.token}`)).toEqual({ ok: true, claims });
  });

  it('gives every new conversation its own id and user; a reissued token keeps both with a new expiry', async () => {
    let now = NOW;
    const { tokens } = service(() => now);
    const a = await tokens.issueForNewConversation();
    const b = await tokens.issueForNewConversation();

    expect(a.conversationId).not.toBe(b.conversationId);
    expect(decodePart(a.token, 1).user).not.toBe(decodePart(b.token, 1).user);
    now += 600_000;
    const again = await tokens.reissue(decodePart(a.token, 1));
    expect(decodePart(again.token, 1)).toEqual({ ...decodePart(a.token, 1), iat: NOW / 1000 + 600, exp: NOW / 1000 + 600 + 1800 });
  });

  it('rejects a tampered token: other claims under the old signature, or a signature of another secret', async () => {
    const { tokens } = service();
    const [header, payload, signature] = (await tokens.issueForNewConversation()).token.split('.');
    const otherConversation = segment({ ...decodePart(`${header}.${payload}`, 1), conv: 'someone-else' });

    expect(await tokens.check(`Bearer ${header}.${otherConversation}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    const foreign = await service(() => NOW).tokens.issueForNewConversation();
    expect(await tokens.check(`Bearer ${foreign.token}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.check(`Bearer ${header}.${payload}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.check(`Bearer ${header}.${payload}.${signature}x`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects a token whose header claims another algorithm or type, even when correctly signed', async () => {
    const { tokens, tokenSecret } = service();
    const payload = (await tokens.issueForNewConversation()).token.split('.')[1]!;
    const none = segment({ alg: 'none', typ: 'JWT' });
    expect(await tokens.check(`Bearer ${none}.${payload}.${hs256(tokenSecret, `${none}.${payload}`)}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await tokens.check(`Bearer ${none}.${payload}.`)).toEqual({ ok: false, reason: 'invalid' });
    const claims = decodePart(`x.${payload}`, 1);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', typ: 'JWT' }).sign(tokenSecret);
    expect(await tokens.check(`Bearer ${hs512}`)).toEqual({ ok: false, reason: 'invalid' });
    const otherType = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(tokenSecret);
    expect(await tokens.check(`Bearer ${otherType}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects correctly signed claims of the wrong shape or without an expiry', async () => {
    const { tokens, tokenSecret } = service();
    const header = segment({ alg: 'HS256', typ: 'JWT' });
    for (const claims of [
      { conv: 'a|b', user: 'dl_x', iat: 1, exp: 9e9 },
      { conv: 'abc', user: 'dl_x', iat: 1 },
    ]) {
      const payload = segment(claims);
      expect(
        await tokens.check(`Bearer ${header}.${payload}.${hs256(tokenSecret, `${header}.${payload}`)}`),
        JSON.stringify(claims),
      ).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('tells a missing header from an expired token, and a tampered expired token is invalid', async () => {
    let now = NOW;
    const { tokens } = service(() => now);
    const { token } = await tokens.issueForNewConversation();

    expect(await tokens.check(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await tokens.check(`Basic ${token}`)).toEqual({ ok: false, reason: 'missing' });
    now += 1800 * 1000 - 1000;
    expect((await tokens.check(`Bearer ${token}`)).ok).toBe(true);
    now += 1000;
    expect(await tokens.check(`Bearer ${token}`)).toEqual({ ok: false, reason: 'expired' });
    const [header, payload] = token.split('.');
    const forged = segment({ ...decodePart(token, 1), exp: NOW / 1000 + 999_999 });
    expect(await tokens.check(`Bearer ${header}.${forged}.${token.split('.')[2]}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(payload).not.toBe(forged);
  });

  it('refuses a signing secret that is too short to be safe', () => {
    expect(() => createConversationTokenService({ tokenSecret: Buffer.alloc(8) })).toThrow(/32 bytes/);
  });
});
