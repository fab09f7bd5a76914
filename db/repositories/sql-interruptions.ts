import type { InferEntity, MikroORM } from '@mikro-orm/core';
import type {
  Interruption as Published,
  InterruptionChange,
  InterruptionDraft,
  InterruptionKind,
  Interruptions,
} from '../../core/features/interruptions/ports';
import { Interruption } from '../entities';

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
      createdAt: at,
    });
    await em.flush();
    return published(row);
  }

  async change(id: number, change: InterruptionChange, at: Date): Promise<Published | null> {
    const em = this.orm.em.fork();
    const row = await em.findOne(Interruption, { id });
    if (!row) return null;
    if ('ended' in change) row.endedAt = at;
    else row.until = change.until;
    row.version += 1;
    await em.flush();
    return published(row);
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
