import type { Redis } from 'ioredis';
import type { BillingCache } from '../../../core/features/billing/ports';
import type { AccountNumber } from '../../../core/kernel/account-number';

/** A read billing answered, and when: fresh for seconds, then the last known while billing is away. */
export interface CachedRead {
  readonly value: unknown;
  /** ISO time of billing's answer. */
  readonly at: string;
}

/** Where billing's answers are kept: per account (all of it forgotten at once), or `shared` (tariffs). */
export interface BillingCacheStore extends BillingCache {
  get(scope: string, read: string): Promise<CachedRead | null>;
  set(scope: string, read: string, cached: CachedRead): Promise<void>;
}

/** How long the last known answer is kept for the time billing is away. */
export const lastKnownKeptMs = 24 * 3600_000;

/** One Redis hash per account: a read is a field, forgetting the account is one `DEL`. */
export class RedisBillingCache implements BillingCacheStore {
  constructor(private readonly redis: Redis) {}

  async get(scope: string, read: string): Promise<CachedRead | null> {
    const raw = await this.redis.hget(keyOf(scope), read);
    return raw === null ? null : (JSON.parse(raw) as CachedRead);
  }

  async set(scope: string, read: string, cached: CachedRead): Promise<void> {
    await this.redis.multi().hset(keyOf(scope), read, JSON.stringify(cached)).pexpire(keyOf(scope), lastKnownKeptMs).exec();
  }

  async forget(account: AccountNumber): Promise<void> {
    await this.redis.del(keyOf(account));
  }
}

const keyOf = (scope: string) => `billing:${scope}`;

/** The embedded default's cache: this process's memory, the accounts seen last kept, up to a bound. */
export class MemoryBillingCache implements BillingCacheStore {
  private readonly scopes = new Map<string, { readonly reads: Map<string, CachedRead>; readonly until: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxScopes = 10_000,
  ) {}

  get(scope: string, read: string): Promise<CachedRead | null> {
    const kept = this.scopes.get(scope);
    return Promise.resolve(kept && kept.until > this.clock() ? (kept.reads.get(read) ?? null) : null);
  }

  set(scope: string, read: string, cached: CachedRead): Promise<void> {
    const reads = this.scopes.get(scope)?.reads ?? new Map<string, CachedRead>();
    reads.set(read, cached);
    // Re-inserted, so the map's first entry is the scope least recently written.
    this.scopes.delete(scope);
    this.scopes.set(scope, { reads, until: this.clock() + lastKnownKeptMs });
    if (this.scopes.size > this.maxScopes) this.scopes.delete(this.scopes.keys().next().value as string);
    return Promise.resolve();
  }

  forget(account: AccountNumber): Promise<void> {
    this.scopes.delete(account);
    return Promise.resolve();
  }
}
