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

type Row = InferEntity<typeof Interruption>;

export class SqlInterruptions implements Interruptions {
  constructor(private readonly orm: MikroORM) {}

  async publish(draft: InterruptionDraft, at: Date): Promise<Published> {
    const em = this.orm.em.fork();
    const row = em.create(Interruption, {
      kind: draft.kind,
      area: draft.area,
      startsAt: draft.from,
      until: draft.until,
      reason: draft.reason,
      endedAt: null,
      version: 1,
      toldVersion: 0,
      createdAt: at,
    });
    await em.flush();
    return published(row);
  }

  async change(id: number, version: number, change: InterruptionChange, at: Date): Promise<Published | null> {
    const em = this.orm.em.fork();
    // Compared and set in one statement: of two changes at once, one wins and the other reads again.
    const won = await em.nativeUpdate(
      Interruption,
      { id, version, endedAt: null },
      { ...('ended' in change ? { endedAt: at } : { until: change.until }), version: version + 1 },
    );
    return won === 1 ? this.get(id) : null;
  }

  async told(id: number, version: number): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Interruption, { id, toldVersion: { $lt: version } }, { toldVersion: version });
  }

  async untold(): Promise<Published[]> {
    const ids = await plainQueryOf(this.orm).rows('select id from interruption where told_version < version order by id', []);
    const rows = await this.orm.em.fork().find(Interruption, { id: { $in: ids.map((row) => Number(row['id'])) } }, { orderBy: { id: 'asc' } });
    return rows.map(published);
  }

  async latest(limit: number): Promise<Published[]> {
    return (await this.orm.em.fork().find(Interruption, {}, { orderBy: { id: 'desc' }, limit })).map(published);
  }

  async get(id: number): Promise<Published | null> {
    const row = await this.orm.em.fork().findOne(Interruption, { id });
    return row ? published(row) : null;
  }

  async active(): Promise<Published[]> {
    return (await this.orm.em.fork().find(Interruption, { endedAt: null }, { orderBy: { startsAt: 'asc' } })).map(published);
  }
}

function published(row: Row): Published {
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
