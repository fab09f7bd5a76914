import type { MikroORM } from '@mikro-orm/core';
import type { ReminderRuns } from '../../core/features/reminders/ports';
import { ReminderRun } from '../entities';
import { insertOnce } from './insert-once';

export class SqlReminderRuns implements ReminderRuns {
  constructor(private readonly orm: MikroORM) {}

  async finished(run: string): Promise<boolean> {
    return (await this.orm.em.fork().count(ReminderRun, { run })) > 0;
  }

  async finish(run: string, at: Date): Promise<void> {
    await insertOnce(this.orm.em.fork(), ReminderRun, { run, finishedAt: at });
  }
}
