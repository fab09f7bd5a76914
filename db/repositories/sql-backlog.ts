import type { MikroORM } from '@mikro-orm/core';
import type { Backlog, OutboxBacklog } from '../../core/runner/channel-state-ports';
import { dateColumn, plainQueryOf } from '../plain-query';

/** What waits and what was given up, counted by the database for every instance at once. */
export class SqlBacklog implements OutboxBacklog {
  constructor(private readonly orm: MikroORM) {}

  async waiting(): Promise<Backlog[]> {
    const { rows } = plainQueryOf(this.orm);
    const [pushes, mails] = await Promise.all([
      rows('select channel, count(*) as waiting, min(queued_at) as oldest from chat_push where sent_at is null and gave_up_at is null group by channel', []),
      rows('select count(*) as waiting, min(queued_at) as oldest from queued_mail where sent_at is null and gave_up_at is null', []),
    ]);
    const backlog = (outbox: Backlog['outbox'], channel: string, row: Readonly<Record<string, unknown>>): Backlog => ({
      outbox,
      channel,
      waiting: Number(row['waiting']),
      oldest: row['oldest'] === null || row['oldest'] === undefined ? null : dateColumn(row['oldest']),
    });
    return [...pushes.map((row) => backlog('chat_push', String(row['channel']), row)), ...mails.map((row) => backlog('mail', 'e-mail', row))];
  }

  async givenUp(): Promise<{ readonly pushes: number; readonly mails: number; readonly deadLetters: number }> {
    const { rows } = plainQueryOf(this.orm);
    const [[pushes], [mails], [dead]] = await Promise.all([
      rows('select count(*) as n from chat_push where gave_up_at is not null', []),
      rows('select count(*) as n from queued_mail where gave_up_at is not null', []),
      rows('select count(*) as n from dead_letter', []),
    ]);
    return { pushes: Number(pushes?.['n'] ?? 0), mails: Number(mails?.['n'] ?? 0), deadLetters: Number(dead?.['n'] ?? 0) };
  }
}
