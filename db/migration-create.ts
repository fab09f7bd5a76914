import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entity-list';
import { migrationsList } from './migrations';

/** `npm run migration:create` against DATABASE_URL: writes the next migration under db/migrations. */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL: set it to the PostgreSQL database to diff the entities against');
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, path: 'db/migrations', emit: 'ts', snapshotName: '.snapshot-energobot' },
  });
  const migrator = orm.getMigrator();
  await migrator.up();
  const created = await migrator.createMigration();
  console.log(created.fileName ? `created db/migrations/${created.fileName}; add it to db/migrations/index.ts` : 'no changes');
  await orm.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
