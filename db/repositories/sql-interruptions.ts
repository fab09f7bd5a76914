import type { InferEntity, MikroORM } from '@mikro-orm/core';
import type {
  Interruption as Published,
  InterruptionChange,
  InterruptionDraft,
  InterruptionKind,
  Interruptions,
} from '../../core/features/interruptions/ports';
import { Interruption } from '../entities';
import { plainQueryOf } from '../plain-query';
import { insertOnce } from './insert-once';
import { createHash } from 'node:crypto';

type Row = InferEntity<typeof Interruption>;

export class SqlInterruptions implements Interruptions {
  constructor(private readonly orm: MikroORM) {}

  async publish(draft: InterruptionDraft, at: Date): Promise<{ interruption: Published; again: boolean }> {
    const em = this.orm.em.fork();
    const fingerprint = fingerprintOf(draft);
    const row = {
      kind: draft.kind,
      area: draft.area,
      startsAt: draft.from,
      until: draft.until,
      reason: draft.reason,
      endedAt: null,
      version: 1,
      toldVersion: 0,
      createdAt: at,
      fingerprint,
    };
    const inserted = await insertOnce(em, Interruption, row);
    const published = await em.findOneOrFail(Interruption, { fingerprint });
    return { interruption: publishedOf(published), again: !inserted };
  }

  async change(id: number, version: number, change: InterruptionChange, at: Date): Promise<Published | null> {
    const em = this.orm.em.fork();
    // Compared and set in one statement: of two changes at once, one wins and the other reads again.
    const won = await em.nativeUpdate(
      Interruption,
      { id, version, endedAt: null },
      // Ended, it is what it said no more: the same words may be published again later.
      { ...('ended' in change ? { endedAt: at, fingerprint: null } : { until: change.until }), version: version + 1 },
    );
    return won === 1 ? this.get(id) : null;
  }

  async told(id: number, version: number): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Interruption, { id, toldVersion: { $lt: version } }, { toldVersion: version });
  }

  async untold(): Promise<Published[]> {
    const ids = await plainQueryOf(this.orm).rows('select id from interruption where told_version < version order by id', []);
    const rows = await this.orm.em.fork().find(Interruption, { id: { $in: ids.map((row) => Number(row['id'])) } }, { orderBy: { id: 'asc' } });
    return rows.map(publishedOf);
  }

  async latest(limit: number): Promise<Published[]> {
    return (await this.orm.em.fork().find(Interruption, {}, { orderBy: { id: 'desc' }, limit })).map(publishedOf);
  }

  async get(id: number): Promise<Published | null> {
    const row = await this.orm.em.fork().findOne(Interruption, { id });
    return row ? publishedOf(row) : null;
  }

  async active(): Promise<Published[]> {
    return (await this.orm.em.fork().find(Interruption, { endedAt: null }, { orderBy: { startsAt: 'asc' } })).map(publishedOf);
  }
}

function publishedOf(row: Row): Published {
  return {
    id: row.id,
    kind: row.kind as InterruptionKind,
    area: row.area,
    from: row.startsAt,
    until: row.until,
    reason: row.reason,
    endedAt: row.endedAt ?? null,
    version: row.version,
  };
}

/** Its words and times, hashed: a column of fixed length however long the area and the reason. */
function fingerprintOf(draft: InterruptionDraft): string {
  const said = [draft.kind, draft.area, draft.from.toISOString(), draft.until.toISOString(), draft.reason];
  return createHash('sha256').update(JSON.stringify(said)).digest('hex');
}
