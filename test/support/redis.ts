import { spawnSync } from 'node:child_process';
import { machineClock } from './machine-clock';

export const redisUrl = process.env['REDIS_URL'];

/** Skips only where the machine has no Redis at all; CI sets REQUIRE_SERVICES so it never does. */
export const describeWithRedis = redisUrl ? describe : describe.skip;

/**
 * Suites that kill a Redis of their own need Debian's redis-server; where it is missing they skip,
 * as the other store suites do (CI installs it and fails on any skipped test).
 */
export const describeWithRedisServer = spawnSync('redis-server', ['--version'], { env: machineClock() }).status === 0 ? describe : describe.skip;
