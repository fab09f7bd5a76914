import { raw, type EntityManager, type EntityName, type RequiredEntityData } from '@mikro-orm/core';
import { insertOnce } from './insert-once';

/** The columns every outbox table has: mail waiting to go out, pushes into chats. */
interface OutboxRow {
  id: number;
  nextAttemptAt: Date;
  attempts: number;
  sentAt?: Date | null;
  gaveUpAt?: Date | null;
  lastError?: string | null;
}

/**
 * Claims rows that are due: each row's next attempt moves past `leaseMs` first, so another
 * process polling the same table skips it, and a crash mid-send only delays it. With `lane`
 * (the columns of one chat), a row waits while an earlier row of its lane is still to be sent
 * (backing off, or in another process's hands): a chat's messages arrive in the order queued.
 */
export async function claimDue<T extends OutboxRow>(
  em: EntityManager,
  entity: EntityName<T>,
  now: Date,
  limit: number,
  leaseMs: number,
  where: Record<string, unknown> = {},
  lane?: readonly (keyof T & string)[],
): Promise<T[]> {
  const pending = { ...where, sentAt: null, gaveUpAt: null };
  let rows = await em.find(entity, { ...pending, nextAttemptAt: { $lte: now } } as never, { orderBy: { id: 'asc' } as never, limit });
  if (lane && rows.length > 0) {
    const laneOf = (row: T) => lane.map((column) => String(row[column])).join('\u0000');
    const firsts = new Map<string, T>();
    for (const row of rows) if (!firsts.has(laneOf(row))) firsts.set(laneOf(row), row);
    const ahead = [...firsts.values()].map((row) => ({ ...Object.fromEntries(lane.map((column) => [column, row[column]])), id: { $lt: row.id } }));
    const blocked = new Set((await em.find(entity, { ...pending, $or: ahead } as never, { fields: lane as never })).map(laneOf));
    rows = rows.filter((row) => !blocked.has(laneOf(row)));
  }
  const claimed: T[] = [];
  for (const row of rows) {
    // Still due, so still nobody's: compared by range, since a time written elsewhere may carry microseconds a Date has not.
    const won = await em.nativeUpdate(
      entity,
      { id: row.id, nextAttemptAt: { $lte: now }, sentAt: null } as never,
      { nextAttemptAt: new Date(now.getTime() + leaseMs) } as never,
    );
    if (won === 1) claimed.push(row);
  }
  return claimed;
}

export async function markSent<T extends OutboxRow>(em: EntityManager, entity: EntityName<T>, id: number, at: Date): Promise<void> {
  await em.nativeUpdate(entity, { id } as never, { sentAt: at } as never);
}

export async function markGaveUp<T extends OutboxRow>(em: EntityManager, entity: EntityName<T>, id: number, error: string, at: Date): Promise<void> {
  await em.nativeUpdate(entity, { id } as never, { gaveUpAt: at, lastError: error.slice(0, 2000) } as never);
}

/** One update, no flush: a flush enters an AsyncLocalStorage, and the whole process would pay for it from then on. */
export async function markFailed<T extends OutboxRow>(em: EntityManager, entity: EntityName<T>, id: number, error: string, retryAt: Date): Promise<void> {
  await em.nativeUpdate(entity, { id } as never, { attempts: raw('attempts + 1'), lastError: error.slice(0, 2000), nextAttemptAt: retryAt } as never);
}

/**
 * Queues rows, dropping those whose `dedupeKey` is queued already (a publication repeated, or run
 * twice at once): how many were new. Rows without a key are always new.
 */
export async function insertNew<T extends { dedupeKey?: string | null }>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly RequiredEntityData<T>[],
): Promise<number> {
  const keyOf = (row: RequiredEntityData<T>) => (row as { dedupeKey?: string | null }).dedupeKey ?? null;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const keys = chunk.map(keyOf).filter((key): key is string => key !== null);
    const seen = new Set(
      keys.length ? (await em.find(entity, { dedupeKey: { $in: keys } } as never, { fields: ['dedupeKey'] as never })).map((row) => keyOf(row as never)) : [],
    );
    const fresh = chunk.filter((row) => !seen.has(keyOf(row)));
    try {
      if (fresh.length) await em.insertMany<T>(entity, fresh);
      inserted += fresh.length;
    } catch {
      // Another publication queued some of them meanwhile: one at a time, each taken or dropped.
      for (const row of fresh) if (await insertOnce(em, entity, row)) inserted += 1;
    }
  }
  return inserted;
}
