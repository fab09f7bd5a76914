import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { exited, listeningUrl, root, startProcess } from '../support/process';
import { initORM } from '../../db/orm';
import { shiftedClock } from '../support/machine-clock';
import { Account } from '../../db/entities';
import { describeWithRedis, redisUrl } from '../support/redis';

describe('the energobot process', () => {
  it('stops on a SIGTERM sent to `npm start` itself, as a container sends it to its first process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'energobot-npm-start-'));
    try {
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: root,
        env: {
          PATH: process.env['PATH'] ?? '',
          ...shiftedClock(),
          HOME: dir,
          PORT: '0',
          SQLITE_PATH: join(dir, 'energobot.sqlite'),
          MAIL_OUTBOX_DIR: join(dir, 'outbox'),
        },
      });
      let stdout = '';
      npm.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      // The pipes close when every process holding them has exited: npm and the bot it started.
      const closed = new Promise<void>((resolve) => npm.on('close', () => resolve()));
      await listeningUrl(npm);
      npm.kill('SIGTERM');
      await closed;
      expect(stdout).toContain('"message":"stopping","signal":"SIGTERM"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad variable, naming it in one line', async () => {
    const result = await exited(startProcess({ PORT: 'eighty', REDIS_URL: 'http://cache' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT: expected a port number');
    expect(result.stderr).toContain('REDIS_URL: expected a Redis URL (redis://… or rediss://…)');
  });
});

describeWithPostgres('the energobot process in production mode', () => {
  it('`npm run seed` writes the demo accounts into a configured database, asking for nothing but the database', async () => {
    const database = await createTestDatabase();
    try {
      const seed = spawn(process.execPath, ['--import', 'tsx', join(root, 'bots', 'app', 'seed.ts')], {
        cwd: root,
        env: { PATH: process.env['PATH'] ?? '', ...shiftedClock(), DATABASE_URL: database.url },
      });
      const { code, stdout, stderr } = await exited(seed);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('demo accounts written to PostgreSQL');
      const orm = await initORM({ kind: 'postgresql', url: database.url });
      try {
        expect(await orm.em.fork().count(Account, { demo: true })).toBe(3);
      } finally {
        await orm.close();
      }
    } finally {
      await database.drop();
    }
  });

  describeWithRedis('with PostgreSQL and Redis', () => {
    it('runs the migrations, reports both healthy, and stops cleanly on SIGTERM', async () => {
      const database = await createTestDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'energobot-process-'));
      try {
        const child = startProcess({
          PORT: '0',
          DATABASE_URL: database.url,
          PAYMENTS_PROVIDER: 'sandbox',
          REDIS_URL: redisUrl as string,
          MAIL_OUTBOX_DIR: join(dir, 'outbox'),
        });
        const result = exited(child);
        const url = await listeningUrl(child);
        const health = await fetch(`${url}/health`);
        expect(await health.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
        child.kill('SIGTERM');
        const { code, stdout } = await result;
        expect(code).toBe(0);
        expect(stdout).toContain('"message":"stopping","signal":"SIGTERM"');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await database.drop();
      }
    });
  });
});
