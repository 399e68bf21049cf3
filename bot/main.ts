import { createApp } from './app.js';
import { readConfig } from './config.js';
import { errorCode } from '../services/errorCatalogue.js';
import { createConsoleLogger } from './logger.js';

/** After SIGTERM the process is gone by then, whatever still hangs. */
const STOP_DEADLINE_MS = 10_000;

/** Starts the assistant: a wrong configuration or data file stops the start with a one-line reason. */
async function main(): Promise<void> {
  const logger = createConsoleLogger();
  let app: Awaited<ReturnType<typeof createApp>>;
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
    app = await createApp(config, logger);
  } catch (error) {
    process.stderr.write(`Cannot start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  if (!config.botAuth) {
    logger.warn('auth.disabled', {
      reason: 'MicrosoftAppId is not set: channel authentication is off; listening on loopback only unless HOST is set',
      host: config.host,
    });
  }
  app.server.listen(config.port, config.host, () => {
    const { port } = app.server.address();
    logger.info('server.listening', { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}` });
  });
  app.server.on('error', (error: Error) => {
    logger.error('server.failed', { code: errorCode(error) });
    process.exitCode = 1;
    void app.close();
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    // app.close() ends every connection within its grace period; this only guards against a store that never answers.
    setTimeout(() => {
      logger.error('server.stopTimedOut', {});
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error('process.unhandledRejection', { code: errorCode(reason) }));
}

void main();
