// @grammyjs/storage-redis 2.6 names a `types` file it does not ship (only mod.d.cts and
// mod.d.mts), so CommonJS resolution finds no types; this restates the one class we use.
declare module '@grammyjs/storage-redis' {
  import type { Redis } from 'ioredis';

  export class RedisAdapter<T> {
    constructor(options: { instance?: Redis; ttl?: number; autoParseDates?: boolean });
    read(key: string): Promise<T | undefined>;
    write(key: string, value: T): Promise<void>;
    delete(key: string): Promise<void>;
  }
}
