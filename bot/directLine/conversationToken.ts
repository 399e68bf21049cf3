import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Per-conversation tokens for the local Direct Line endpoint.
 *
 * A token is a compact JWT signed with HMAC-SHA256, because Web Chat and botframework-directlinejs
 * decode the token (without verifying it) to read the `user` claim: a user id fixed in the token
 * cannot be forged by the page. The secret is random per process, so a restart invalidates every
 * token, just as it forgets every in-memory conversation.
 */
export interface ConversationTokenClaims {
  /** Conversation the token gives access to, and no other. */
  conv: string;
  /** The resident's channel user id; the `dl_` prefix marks it as fixed by the token. */
  user: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
}

export interface DirectLineTokenGrant {
  token: string;
  conversationId: string;
  /** Seconds until the token expires, as Direct Line answers it. */
  expires_in: number;
}

type TokenCheck = { ok: true; claims: ConversationTokenClaims } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export interface ConversationTokenService {
  /** A token for a new, random conversation and user id. */
  issueForNewConversation(): DirectLineTokenGrant;
  /** A fresh token (new expiry) for the same conversation and user. */
  reissue(claims: Pick<ConversationTokenClaims, 'conv' | 'user'>): DirectLineTokenGrant;
  /** Checks an `Authorization` header value (`Bearer <token>`). */
  check(authorizationHeader: string | undefined): TokenCheck;
}

const DEFAULT_TOKEN_TTL_SECONDS = 30 * 60;

const HEADER_SEGMENT = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TOKEN_LENGTH = 1024;

/** Random id safe in URLs and in activity ids (no `|`). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function createConversationTokenService(options: {
  tokenSecret: Buffer;
  now?: () => number;
  ttlSeconds?: number;
}): ConversationTokenService {
  const { tokenSecret } = options;
  if (tokenSecret.length < 32) {
    // A short key would make the signature guessable; the caller passes randomBytes(32) or more.
    throw new Error('tokenSecret must be at least 32 bytes');
  }
  const now = options.now ?? Date.now;
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;

  const sign = (payloadSegment: string): string =>
    createHmac('sha256', tokenSecret).update(`${HEADER_SEGMENT}.${payloadSegment}`).digest('base64url');

  const reissue = ({ conv, user }: Pick<ConversationTokenClaims, 'conv' | 'user'>): DirectLineTokenGrant => {
    const iat = Math.floor(now() / 1000);
    const claims: ConversationTokenClaims = { conv, user, iat, exp: iat + ttlSeconds };
    const payloadSegment = base64url(JSON.stringify(claims));
    return { token: `${HEADER_SEGMENT}.${payloadSegment}.${sign(payloadSegment)}`, conversationId: conv, expires_in: ttlSeconds };
  };

  return {
    issueForNewConversation: () => reissue({ conv: randomId(), user: `dl_${randomId(12)}` }),
    reissue,
    check(authorizationHeader) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorizationHeader?.trim() ?? '');
      if (!match) return { ok: false, reason: 'missing' };
      const token = match[1]!;
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
      const [header, payload, signature, ...rest] = token.split('.');
      if (header !== HEADER_SEGMENT || !payload || !signature || rest.length > 0) return { ok: false, reason: 'invalid' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
      const claims = parseClaims(payload);
      if (!claims) return { ok: false, reason: 'invalid' };
      if (claims.exp * 1000 <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
  };
}

function parseClaims(payloadSegment: string): ConversationTokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payloadSegment, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { conv, user, iat, exp } = value as Record<string, unknown>;
  if (typeof conv !== 'string' || !ID_PATTERN.test(conv)) return null;
  if (typeof user !== 'string' || !ID_PATTERN.test(user)) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return { conv, user, iat, exp };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
