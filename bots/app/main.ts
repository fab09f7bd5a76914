import { startApp } from './app';
import { ConfigError, createConfig } from './config';
import { createLog, errorFields } from './log';

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
  const app = await startApp(config, log);
  log.info(`Bot Framework endpoint: ${app.url}/api/messages`, { telegram: config.telegram ? 'on' : 'off: set TELEGRAM_BOT_TOKEN' });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`energobot failed to start: ${JSON.stringify(errorFields(error))}\n`);
  process.exit(1);
});
