import type { MikroORM } from '@mikro-orm/core';
import { FlowState } from '../entities';

/** MAX keeps undelivered updates for 24 hours: an older marker points at nothing. */
const markerTtlMs = 24 * 3600_000;

/**
 * Where a long-polling platform's marker is kept between runs (in the flow-state table, under
 * `energobot:poll-marker:<platform>`), so a restart goes on after the last batch handled instead
 * of taking what the platform gives a poll without one.
 */
export class SqlPollMarkers {
  private readonly key: string;

  constructor(
    private readonly orm: MikroORM,
    platform: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `energobot:poll-marker:${platform}`;
  }

  async read(): Promise<number | undefined> {
    const row = await this.orm.em.fork().findOne(FlowState, { key: this.key, expiresAt: { $gt: new Date(this.now()) } });
    const marker: unknown = row ? JSON.parse(row.value) : undefined;
    return typeof marker === 'number' ? marker : undefined;
  }

  async write(marker: number): Promise<void> {
    const fields = { value: JSON.stringify(marker), expiresAt: new Date(this.now() + markerTtlMs) };
    await this.orm.em.fork().upsert(FlowState, { key: this.key, ...fields }, { onConflictFields: ['key'], onConflictMergeFields: ['value', 'expiresAt'] });
  }
}
