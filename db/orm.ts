import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM as LibSqlORM, LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PostgresORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/core';
import { entities } from './entity-list';
import { migrationsList } from './migrations';

export type Database = { readonly kind: 'postgresql'; readonly url: string } | { readonly kind: 'sqlite'; readonly path: string };

/**
 * PostgreSQL runs the generated migrations; the embedded SQLite file has no migration history
 * of its own and is brought up to the entities' shape instead.
 */
export async function initORM(database: Database, options: { debug?: boolean } = {}): Promise<MikroORM> {
  if (database.kind === 'postgresql') {
    const orm = await PostgresORM.init({
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      entities,
      extensions: [Migrator],
      // Running migrations writes no snapshot: only `migration:create` keeps one, under a fixed name.
      migrations: { migrationsList, path: 'db/migrations', transactional: true, silent: true, snapshot: false },
      // Nothing waits forever: a connection, a query or the pool answers or fails within seconds.
      pool: { min: 0, max: 10, acquireTimeoutMillis: 5_000, createTimeoutMillis: 3_000 },
      driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: 5_000, query_timeout: 6_000 } },
      debug: options.debug ?? false,
      allowGlobalContext: false,
    });
    await orm.getMigrator().up();
    return orm;
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const orm = await LibSqlORM.init({
    driver: LibSqlDriver,
    dbName: database.path,
    entities,
    debug: options.debug ?? false,
    allowGlobalContext: false,
  });
  await orm.getSchemaGenerator().updateSchema();
  return orm;
}
