import { startApp, type App } from './app';
import { ConfigError, createConfig } from './config';
import { createLog, errorFields } from '../../core/kernel/log';

/** SIGTERM to exit: within this, whatever is unreachable. */
const stopDeadlineMs = 8_000;

async function main(): Promise<void> {
  let config;
  try {
    config = createConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`energobot cannot start; fix these variables:\n${error.message}\n`);
    process.exit(2);
  }
  const log = createLog(config.logLevel);
  // Undefined until started: a signal during start-up finds nothing to stop (a const would be read before it is set).
  let app: App | undefined = undefined;
  let stopping = false;
  // Listened for before anything starts: a stop while the database migrates exits at once, and cleanly.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    // Whatever still hangs (an unreachable platform, a store that does not answer) does not hold
    // the process past its deadline: what was not sent waits in the outbox, updates are redelivered.
    setTimeout(() => {
      log.warn('stopping took too long; exiting');
      process.exit(0);
    }, stopDeadlineMs).unref();
    await app?.stop().catch((error: unknown) => log.error('stopping failed', errorFields(error)));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  app = await startApp(config, log);
  log.info(`Bot Framework endpoint: ${app.url}/api/messages`, {
    telegram: config.telegram ? 'on' : 'off: set TELEGRAM_BOT_TOKEN',
    max: config.max ? 'on' : 'off: set MAX_BOT_TOKEN',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`energobot failed to start: ${JSON.stringify(errorFields(error))}\n`);
  process.exit(1);
});
