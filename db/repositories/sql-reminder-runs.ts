import type { MikroORM } from '@mikro-orm/core';
import type { ReminderRuns } from '../../core/features/reminders/ports';
import { ReminderRun } from '../entities';
import { insertOnce } from './insert-once';

export class SqlReminderRuns implements ReminderRuns {
  constructor(private readonly orm: MikroORM) {}

  async finished(broadcast: string): Promise<boolean> {
    return (await this.orm.em.fork().count(ReminderRun, { broadcast })) > 0;
  }

  async finish(broadcast: string, at: Date): Promise<void> {
    await insertOnce(this.orm.em.fork(), ReminderRun, { broadcast, finishedAt: at });
  }
}
