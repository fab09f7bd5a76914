import type { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** What a plain query binds: dates and booleans are stored the way each database's MikroORM stores them. */
export type SqlValue = string | number | boolean | Date | null;

/** A row as the driver returns it: columns by name, values not yet in the domain's types. */
export type PlainRow = Readonly<Record<string, unknown>>;

/**
 * Reads on the hot path (nearly every update) as prepared statements on the ORM's own pool: no
 * query building, no entities, no identity map. Written with `?` placeholders; each database's
 * statement is prepared once per connection. Writes stay with MikroORM.
 */
export interface PlainQuery {
  // Function properties, not methods: repositories take them out (`const { rows } = …`), and none uses `this`.
  readonly rows: (sql: string, params: readonly SqlValue[]) => Promise<PlainRow[]>;
  /** The same statements on a transaction's connection (MikroORM's transaction context). */
  readonly within: (transaction: Knex.Transaction) => PlainQuery;
  /** What ends a select that locks the rows it reads until the transaction ends: SQLite has one writer and no such clause. */
  readonly lockingRead: string;
}

interface PooledClient<C> {
  acquireConnection(): Promise<C>;
  releaseConnection(connection: C): Promise<unknown>;
}

interface PgConnection {
  query(config: { name: string; text: string; values: readonly SqlValue[] }): Promise<{ rows: PlainRow[] }>;
}

interface LibSqlStatement {
  all(params: readonly (string | number | null)[]): PlainRow[];
}

interface LibSqlConnection {
  prepare(sql: string): LibSqlStatement;
}

const queries = new WeakMap<MikroORM, PlainQuery>();

/** The pool under MikroORM's Knex, or a transaction's one connection: Knex types its client `any`. */
function poolOf<C>(knex: { readonly client: unknown }): PooledClient<C> {
  return knex.client as PooledClient<C>;
}

/** The one plain query of an ORM: its statements are prepared once for all repositories. */
export function plainQueryOf(orm: MikroORM): PlainQuery {
  let query = queries.get(orm);
  if (!query) {
    const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    query = orm.em.getPlatform() instanceof PostgreSqlPlatform ? postgresQuery(poolOf<PgConnection>(knex)) : sqliteQuery(poolOf<LibSqlConnection>(knex));
    queries.set(orm, query);
  }
  return query;
}

async function withConnection<C, R>(pool: PooledClient<C>, work: (connection: C) => Promise<R> | R): Promise<R> {
  const connection = await pool.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** Named statements: PostgreSQL parses and plans each once per connection. */
function postgresQuery(pool: PooledClient<PgConnection>): PlainQuery {
  const statements = new Map<string, { name: string; text: string }>();
  const on = (connections: PooledClient<PgConnection>): PlainQuery => ({
    rows: (sql, params) => {
      let statement = statements.get(sql);
      if (!statement) {
        let index = 0;
        statement = { name: `energobot_${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++index}`) };
        statements.set(sql, statement);
      }
      const { name, text } = statement;
      return withConnection(connections, async (connection) => (await connection.query({ name, text, values: params })).rows);
    },
    within: (transaction) => on(poolOf<PgConnection>(transaction)),
    lockingRead: ' for update',
  });
  return on(pool);
}

/** MikroORM keeps SQLite dates as milliseconds and booleans as 0 or 1. */
function sqliteQuery(pool: PooledClient<LibSqlConnection>): PlainQuery {
  const statements = new WeakMap<LibSqlConnection, Map<string, LibSqlStatement>>();
  const bound = (value: SqlValue) => (value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value);
  const on = (connections: PooledClient<LibSqlConnection>): PlainQuery => ({
    rows: (sql, params) =>
      withConnection(connections, (connection) => {
        const prepared = statements.get(connection) ?? new Map<string, LibSqlStatement>();
        statements.set(connection, prepared);
        let statement = prepared.get(sql);
        if (!statement) {
          statement = connection.prepare(sql);
          prepared.set(sql, statement);
        }
        return statement.all(params.map(bound));
      }),
    within: (transaction) => on(poolOf<LibSqlConnection>(transaction)),
    lockingRead: '',
  });
  return on(pool);
}

/** A date column as either database returns it. */
export function dateColumn(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return new Date(/^\d+$/.test(value) ? Number(value) : value);
  throw new TypeError(`Not a date: ${String(value)}`);
}

/** A boolean column: PostgreSQL's boolean or SQLite's 0/1. */
export function booleanColumn(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A text column that may be null: the driver gives text as a string, a numeric column as a number. */
export function nullableText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw new TypeError(`Not text: ${typeof value}`);
}

/** A JSON column: PostgreSQL's jsonb arrives parsed, SQLite's text does not. */
export function jsonColumn<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
