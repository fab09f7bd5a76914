import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { InProcessChatLock } from '../../core/runner/in-memory-state';
import { stateKeys, type ChatStates, type TurnStart, type TurnWrites } from '../../core/runner/state-ports';
import { FlowState } from '../entities';
import { inTransaction } from '../transaction';

export interface SqlChatStatesOptions {
  readonly sessionTtlMs: number;
  readonly deliveryTtlMs: number;
  /** Time for the expiry of entries; the clock of the machine unless a test moves it. */
  readonly now?: () => number;
}

/**
 * The embedded default's chat states in its own database, so a restart keeps a half-answered
 * question: the same keys, values and expiries as Redis (see `RedisChatStates`). The embedded
 * default is one process, so the chat's lock is this process's; a second process on the same
 * database needs Redis.
 */
export class SqlChatStates implements ChatStates {
  private readonly lock = new InProcessChatLock();
  private readonly now: () => number;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: SqlChatStatesOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  turn<R>(chat: string, delivery: string, work: (start: TurnStart, writes: TurnWrites) => Promise<R>): Promise<R> {
    const keys = stateKeys(chat, delivery);
    return this.lock.run(keys.lock, async () => {
      const em = this.orm.em.fork() as SqlEntityManager;
      const start = {
        done: (await this.read(em, keys.done)) === true,
        session: await this.read(em, keys.session),
        journal: ((await this.read(em, keys.journal)) as Record<string, unknown> | undefined) ?? {},
      };
      return work(start, {
        keep: async (entries) => {
          const kept = (await this.read(em, keys.journal)) as Record<string, unknown> | undefined;
          await this.write(em, keys.journal, { ...kept, ...entries }, this.options.deliveryTtlMs);
        },
        // All at once: a crash in between never leaves a delivery done without its session.
        finish: (session) =>
          inTransaction(this.orm, async (tx) => {
            await this.write(tx, keys.session, session, this.options.sessionTtlMs);
            await this.write(tx, keys.done, true, this.options.deliveryTtlMs);
            await tx.nativeDelete(FlowState, { key: keys.journal });
          }),
      });
    });
  }

  /** Expired entries go as they are met, and with them every other expired one (as Redis forgets keys). */
  private async read(em: SqlEntityManager, key: string): Promise<unknown> {
    const row = await em.findOne(FlowState, { key }, { disableIdentityMap: true });
    if (!row) return undefined;
    if (row.expiresAt.getTime() > this.now()) return JSON.parse(row.value) as unknown;
    await em.nativeDelete(FlowState, { expiresAt: { $lte: new Date(this.now()) } });
    return undefined;
  }

  private async write(em: SqlEntityManager, key: string, value: unknown, ttlMs: number): Promise<void> {
    const fields = { value: JSON.stringify(value), expiresAt: new Date(this.now() + ttlMs) };
    await em.upsert(FlowState, { key, ...fields }, { onConflictFields: ['key'], onConflictMergeFields: ['value', 'expiresAt'] });
  }
}
