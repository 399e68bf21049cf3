import type { Server } from 'restify';

import type { AttemptLimiter } from '../../services/attemptLimiter.js';
import { clientAddress } from '../http/clientAddress.js';
import type { Logger } from '../logger.js';
import { randomId, type DirectLineTokenGrant } from './conversationToken.js';
import { sendError } from '../http/httpErrors.js';
import { sendJson } from './jsonAnswer.js';

/**
 * `POST /api/directline/token`: gives the web page a token for one conversation.
 *
 * Local mode signs a token for our own Direct Line endpoint. Azure mode exchanges the
 * Direct Line secret server-side (`tokens/generate`) so the secret never reaches the page.
 */
export type DirectLineTokenSource =
  | { mode: 'local'; issueToken: () => Promise<DirectLineTokenGrant> }
  | {
      mode: 'azure';
      secret: string;
      /** Default `https://directline.botframework.com`; tests point it at a local fake. */
      baseUrl?: string;
      fetch?: typeof fetch;
      /** Default 5000 ms. */
      timeoutMs?: number;
      logger?: Logger;
    };

const DEFAULT_DIRECT_LINE_BASE_URL = 'https://directline.botframework.com';
const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Each token starts a conversation (and, in Azure mode, costs a call to Azure), so one address gets
 * a limited number; the limiter is optional so tests of the exchange itself need none.
 */
export function registerDirectLineTokenRoute(server: Server, source: DirectLineTokenSource, limiter?: AttemptLimiter): void {
  const issue = source.mode === 'local' ? source.issueToken : createAzureTokenExchange(source);

  server.post('/api/directline/token', async (req, res) => {
    const address = clientAddress(req);
    if (limiter && !(await limiter.allows(address))) {
      res.header('Retry-After', String(await limiter.retryAfterSeconds(address)));
      sendError(res, 'TooManyRequests', 'Too many new conversations from this address; try again later.');
      return;
    }
    await limiter?.record(address);
    let grant: DirectLineTokenGrant | undefined;
    try {
      grant = await issue();
    } catch {
      grant = undefined;
    }
    if (!grant) {
      sendError(res, 'DirectLineUnavailable', 'The chat service is not available right now.');
      return;
    }
    // Only these three fields: whatever else an upstream answer holds stays on the server.
    sendJson(res, 200, { token: grant.token, conversationId: grant.conversationId, expires_in: grant.expires_in });
  });
}

type AzureSource = Extract<DirectLineTokenSource, { mode: 'azure' }>;

/** Calls Direct Line's tokens/generate; resolves undefined (and logs a code) when that fails. */
function createAzureTokenExchange(source: AzureSource): () => Promise<DirectLineTokenGrant | undefined> {
  const doFetch = source.fetch ?? fetch;
  const url = `${(source.baseUrl ?? DEFAULT_DIRECT_LINE_BASE_URL).replace(/\/+$/, '')}/v3/directline/tokens/generate`;
  const timeoutMs = source.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async () => {
    let response: globalThis.Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${source.secret}`, 'Content-Type': 'application/json' },
        // A `dl_` user id inside the token stops the page from posting as someone else.
        body: JSON.stringify({ user: { id: `dl_${randomId(12)}` } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      source.logger?.warn('directline.tokenGenerateFailed', { reason: timedOut ? 'timeout' : 'network' });
      return undefined;
    }
    if (!response.ok) {
      source.logger?.warn('directline.tokenGenerateFailed', { reason: 'status', status: response.status });
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const grant = readGrant(await response.json().catch(() => undefined));
    if (!grant) source.logger?.warn('directline.tokenGenerateFailed', { reason: 'malformed' });
    return grant;
  };
}

function readGrant(value: unknown): DirectLineTokenGrant | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { token, conversationId, expires_in } = value as Record<string, unknown>;
  if (typeof token !== 'string' || token.length === 0) return undefined;
  if (typeof conversationId !== 'string' || conversationId.length === 0) return undefined;
  if (typeof expires_in !== 'number' || !Number.isFinite(expires_in)) return undefined;
  return { token, conversationId, expires_in };
}
