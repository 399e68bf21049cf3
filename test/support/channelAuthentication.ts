import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { vi } from 'vitest';
import { startTestServer } from './testServer.js';

/** The bot's app id in the channel-authentication tests: the audience of every channel token. */
export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';

/**
 * The test server with Bot Framework channel authentication on, taking the channel's signing keys from
 * the OpenID metadata at `metadataUrl` (a fake channel on loopback, or a port where nothing listens).
 */
export function startServerWithChannelAuth(metadataUrl: string) {
  return startTestServer({
    botAuth: { appId: TEST_APP_ID, appPassword: 'test-password', appType: 'MultiTenant', tenantId: null },
    // Overriding one parameter makes botbuilder expect all of them: the public cloud's values but for the metadata.
    authOverrides: {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    },
  });
}

/**
 * What console.error, warn and log print from now on, kept in `lines` instead of printed (errors with
 * their stack). Install it before the adapter is built, as the real console would be.
 */
export function captureConsole(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spies = (['error', 'warn', 'log'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '));
    }),
  );
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
