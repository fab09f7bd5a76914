import type { MikroORM } from '@mikro-orm/core';
import type { BillingEventLog } from '../../core/features/billing/ports';
import { BillingEvent } from '../entities';
import { insertOnce } from './insert-once';

/** The ids of billing's events, kept before acting: two deliveries of one event at once act once, whichever inserts first. */
export class SqlBillingEvents implements BillingEventLog {
  constructor(private readonly orm: MikroORM) {}

  firstTime(id: string, type: string, at: Date): Promise<boolean> {
    return insertOnce(this.orm.em.fork(), BillingEvent, { id, type, receivedAt: at });
  }

  async forget(id: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(BillingEvent, { id });
  }
}
