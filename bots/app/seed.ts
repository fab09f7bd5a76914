import { createSeedConfig } from './config';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';

/** `npm run seed`: writes (or refreshes) the demo accounts in the configured database. */
async function main(): Promise<void> {
  const config = createSeedConfig(process.env);
  const orm = await initORM(config.database);
  await seedDemoAccounts(orm, new Date(), { timeZone: config.timeZone });
  await orm.close();
  console.log(`demo accounts written to ${config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
