import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * Per-conversation tokens for the local Direct Line endpoint.
 *
 * A token is a compact JWT signed with HMAC-SHA256 (the `jose` library), because Web Chat and botframework-directlinejs
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
  issueForNewConversation(): Promise<DirectLineTokenGrant>;
  /** A fresh token (new expiry) for the same conversation and user. */
  reissue(claims: Pick<ConversationTokenClaims, 'conv' | 'user'>): Promise<DirectLineTokenGrant>;
  /** Checks an `Authorization` header value (`Bearer <token>`): signature (HS256 only), expiry, claims. */
  check(authorizationHeader: string | undefined): Promise<TokenCheck>;
}

const DEFAULT_TOKEN_TTL_SECONDS = 30 * 60;

const ALGORITHM = 'HS256';
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

  const reissue = async ({ conv, user }: Pick<ConversationTokenClaims, 'conv' | 'user'>): Promise<DirectLineTokenGrant> => {
    const iat = Math.floor(now() / 1000);
    const token = await new SignJWT({ conv, user })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(tokenSecret);
    return { token, conversationId: conv, expires_in: ttlSeconds };
  };

  return {
    issueForNewConversation: () => reissue({ conv: randomId(), user: `dl_${randomId(12)}` }),
    reissue,
    async check(authorizationHeader) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorizationHeader?.trim() ?? '');
      if (!match) return { ok: false, reason: 'missing' };
      const token = match[1]!;
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, tokenSecret, {
          algorithms: [ALGORITHM],
          typ: 'JWT',
          requiredClaims: ['iat', 'exp'],
          currentDate: new Date(now()),
        }));
      } catch (error) {
        // Expired only once the signature holds: a forged token is invalid, whatever its expiry says.
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
      const claims = readClaims(payload);
      return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
    },
  };
}

/** The claims of a verified token, when they have our shape (ids safe in URLs and activity ids). */
function readClaims(value: unknown): ConversationTokenClaims | null {
  if (typeof value !== 'object' || value === null) return null;
  const { conv, user, iat, exp } = value as Record<string, unknown>;
  if (typeof conv !== 'string' || !ID_PATTERN.test(conv)) return null;
  if (typeof user !== 'string' || !ID_PATTERN.test(user)) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return { conv, user, iat, exp };
}
