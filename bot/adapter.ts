import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { i18n } from 'i18next';
import type { BotAuthConfig } from './config.js';
import { errorCode } from '../services/errorCatalogue.js';
import { resolveLanguage } from './i18n.js';
import type { Logger } from './logger.js';

export interface AdapterDeps {
  botAuth: BotAuthConfig | null;
  logger: Logger;
  i18n: i18n;
  /** The phone number offered in the apology, as residents dial it. */
  phoneDisplay: string;
  defaultLocale: string;
  /** Test seam: OpenID metadata URLs of a fake channel, so tests can sign their own tokens. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

/** CloudAdapter with its turn entry point public, so our own routes validate the HTTP request first. */
export class AssistantAdapter extends CloudAdapter {
  constructor(
    private readonly authentication: ConfigurationBotFrameworkAuthentication,
    private readonly appId: string,
  ) {
    super(authentication);
  }

  /** Whether channels must sign their requests (MicrosoftAppId is set); false in local mode. */
  get authenticates(): boolean {
    return this.appId !== '';
  }

  /** Authenticates (header) or trusts (an in-process result) the activity and runs one turn. */
  processTurn(
    authorization: string | AuthenticateRequestResult,
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return typeof authorization === 'string'
      ? this.processActivity(authorization, activity as Activity, logic)
      : this.processActivity(authorization, activity as Activity, logic);
  }

  /**
   * Runs a turn that arrived inside this process (the local Direct Line endpoint, which checked
   * its own token) and returns the bot's replies instead of sending them to a channel.
   */
  async processLocalTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const claimsIdentity = this.createClaimsIdentity(this.appId);
    const response = await this.processActivity(
      {
        // Replies return in the response; the audience only names the channel they would go to.
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        claimsIdentity,
        connectorFactory: this.authentication.createConnectorFactory(claimsIdentity),
        callerId: undefined as unknown as string,
      },
      { ...activity, deliveryMode: 'expectReplies' } as Activity,
      logic,
    );
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}

export interface BotRuntime {
  adapter: AssistantAdapter;
  authentication: ConfigurationBotFrameworkAuthentication;
}

let connectorNoiseSilenced = false;

/**
 * botframework-connector writes to console.error for every token it rejects: the whole public key
 * set, or the expired token's error with its stack. Anyone can send such tokens, so that would let
 * anyone fill the log; a rejected token is answered 401 and that is all. Only these two shapes are
 * dropped; everything else reaches the console as before.
 */
/* eslint-disable no-console -- the one place that wraps the console, to filter the connector's own writes */
function silenceConnectorTokenNoise(): void {
  if (connectorNoiseSilenced) return;
  connectorNoiseSilenced = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('Error finding key for token')) return;
    if (first instanceof Error && first.name === 'TokenExpiredError') return;
    original(...args);
  };
}
/* eslint-enable no-console */

/** The CloudAdapter with channel authentication from config and the one turn-error handler. */
export function createAdapter(deps: AdapterDeps): BotRuntime {
  if (deps.botAuth) silenceConnectorTokenNoise();
  const authentication = new ConfigurationBotFrameworkAuthentication({
    ...(deps.botAuth
      ? {
          MicrosoftAppId: deps.botAuth.appId,
          MicrosoftAppPassword: deps.botAuth.appPassword ?? undefined,
          MicrosoftAppType: deps.botAuth.appType,
          MicrosoftAppTenantId: deps.botAuth.tenantId ?? undefined,
        }
      : {}),
    ...deps.authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new AssistantAdapter(authentication, deps.botAuth?.appId ?? '');
  adapter.onTurnError = (context, error) => handleTurnError(context, error, deps);
  return { adapter, authentication };
}

/**
 * Logs the error's code (never its message: it may quote the resident), apologises in the
 * resident's language with the phone number, and never throws: a failed apology is logged too.
 */
async function handleTurnError(context: TurnContext, error: unknown, deps: AdapterDeps): Promise<void> {
  deps.logger.error('turn.failed', {
    code: errorCode(error),
    channel: context.activity.channelId,
    activityType: context.activity.type,
  });
  try {
    const t = deps.i18n.getFixedT(resolveLanguage(undefined, context.activity.locale, deps.defaultLocale));
    await context.sendActivity(t('common:error.apology', { phone: deps.phoneDisplay }));
  } catch (sendError) {
    deps.logger.error('turn.apologyFailed', { code: errorCode(sendError) });
  }
}
