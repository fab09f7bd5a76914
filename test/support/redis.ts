export const redisUrl = process.env['REDIS_URL'];

/** Skips only where the machine has no Redis at all; CI sets REQUIRE_SERVICES so it never does. */
export const describeWithRedis = redisUrl ? describe : describe.skip;
