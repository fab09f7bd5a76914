import type { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { createLog, errorFields } from '../../core/kernel/log';
import { initORM } from '../../db/orm';
import { needsDemoAccounts, seedDemoAccounts } from '../../db/seed';
import { startReferenceBilling, type ReferenceBilling } from '../integrations/billing/reference-server';
import { ConfigError, createSeedConfig } from './config';

const demoSchema = z.object({
  BILLING_DEMO_PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3979),
  BILLING_DEMO_HOST: z.string().trim().min(1).default('127.0.0.1'),
  // Empty is unset: the demo then asks for no token, as energobot sends none without one.
  BILLING_API_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});

/** What a bad variable says, one per line, before anything starts. */
function demoConfig(env: NodeJS.ProcessEnv) {
  const parsed = demoSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  return { ...createSeedConfig(env), port: parsed.data.BILLING_DEMO_PORT, host: parsed.data.BILLING_DEMO_HOST, token: parsed.data.BILLING_API_TOKEN };
}

/**
 * `npm run billing:demo`: the demo accounts over docs/billing-api.yaml, from the database energobot
 * itself would open (the embedded file, seeded on first use, or DATABASE_URL's PostgreSQL).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = demoConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`the reference billing cannot start; fix these variables:\n${error.message}\n`);
    process.exit(2);
  }
  const log = createLog('info');
  // Undefined until opened: a signal during start-up finds nothing to close (a const would be read before it is set).
  let orm: MikroORM | undefined = undefined;
  let billing: ReferenceBilling | undefined = undefined;
  const stop = async () => {
    await billing?.close();
    await orm?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  orm = await initORM(config.database);
  if (config.database.kind === 'sqlite' && (await needsDemoAccounts(orm))) await seedDemoAccounts(orm, new Date(), { timeZone: config.timeZone });
  billing = await startReferenceBilling({ orm, port: config.port, host: config.host, token: config.token, log });
  log.info('the reference billing is listening', { url: billing.url, database: config.database.kind, token: config.token ? 'required' : 'none' });
}

main().catch((error: unknown) => {
  process.stderr.write(`the reference billing failed to start: ${JSON.stringify(errorFields(error))}\n`);
  process.exit(1);
});
