import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../bot/adapter.js';
import { residentMessage } from '../../cli/residentMessage.js';
import { createMemoryLogger } from '../../bot/logger.js';
import { TEST_PHONE } from '../support/conversation.js';
import { createKeyedI18n } from '../support/keyedLocales.js';

function runtime(botAuth: Parameters<typeof createAdapter>[0]['botAuth'] = null) {
  const logger = createMemoryLogger();
  const { adapter } = createAdapter({ botAuth, logger, i18n: createKeyedI18n(), phoneDisplay: TEST_PHONE.display, defaultLocale: 'nl-BE' });
  return { adapter, logger };
}

const incoming = residentMessage({
  id: 'turn-1',
  text: 'mijn naam is Jan Peeters, 0470 12 34 56',
  channelId: 'directline',
  from: 'resident',
  conversation: 'conversation',
}) as Partial<Activity>;

describe('turn errors', () => {
  it('apologise in Dutch with the phone number, and log only a code', async () => {
    const { adapter, logger } = runtime();
    const replies = await adapter.processLocalTurn(incoming, async () => {
      throw Object.assign(new Error(`failed for ${incoming.text}`), { code: 'BOOKING_FAILED' });
    });
    expect(replies.map((r) => r.text).join()).toContain('«common:error.apology»');
    expect(replies.map((r) => r.text).join()).toContain(`phone=${TEST_PHONE.display}`);
    expect(logger.lines.some((line) => line.includes('"code":"BOOKING_FAILED"'))).toBe(true);
    expect(logger.lines.join('\n')).not.toMatch(/Jan|Peeters|0470/);
  });

  it('an error without a code is logged as UNEXPECTED, never with its message', async () => {
    const { adapter, logger } = runtime();
    await adapter.processLocalTurn(incoming, async () => {
      throw new Error('secret detail 0470 12 34 56');
    });
    expect(logger.lines.join('\n')).toContain('UNEXPECTED');
    expect(logger.lines.join('\n')).not.toContain('secret detail');
  });

  it('do not crash the turn when the apology cannot be sent either', async () => {
    const { adapter, logger } = runtime();
    await expect(
      adapter.processLocalTurn(incoming, async (context) => {
        context.onSendActivities(async () => {
          throw new Error('channel down');
        });
        throw new Error('first failure');
      }),
    ).resolves.toEqual([]);
    expect(logger.lines.some((line) => line.includes('turn.apologyFailed'))).toBe(true);
  });
});

describe('local turns', () => {
  it('return the replies of an in-process turn, also with channel authentication configured', async () => {
    const { adapter } = runtime({ appId: 'app-id', appPassword: 'secret', appType: 'MultiTenant', tenantId: null });
    const replies = await adapter.processLocalTurn(incoming, async (context) => {
      await context.sendActivity('pong');
    });
    expect(replies.map((r) => r.text)).toEqual(['pong']);
    expect(replies[0]?.recipient?.id).toBe('resident');
  });
});
