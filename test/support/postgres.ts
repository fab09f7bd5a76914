import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const postgresUrl = process.env['DATABASE_URL'];

/** Skips only where the machine has no PostgreSQL at all; CI sets REQUIRE_SERVICES so it never does. */
export const describeWithPostgres = postgresUrl ? describe : describe.skip;

/** A database of its own for one test file, dropped afterwards. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `energobot_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresUrl as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
