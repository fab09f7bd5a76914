import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import { isReminderKind, type ReminderKind, type ReminderSubscriptions } from '../../core/features/reminders/ports';
import { ReminderSubscription } from '../entities';
import { plainQueryOf } from '../plain-query';
import { insertOnce } from './insert-once';

const row = (chat: ChatAddress, account: AccountNumber) => ({ channel: chat.channel, chatId: chat.id, account });

export class SqlReminderSubscriptions implements ReminderSubscriptions {
  constructor(private readonly orm: MikroORM) {}

  async of(chat: ChatAddress, account: AccountNumber): Promise<readonly ReminderKind[]> {
    const rows = await this.orm.em.fork().find(ReminderSubscription, row(chat, account), { orderBy: { kind: 'asc' } });
    return rows.map((r) => r.kind).filter(isReminderKind);
  }

  async set(chat: ChatAddress, account: AccountNumber, kind: ReminderKind, on: boolean, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    // Pressed twice, or in two turns at once: one row either way.
    if (on) await insertOnce(em, ReminderSubscription, { ...row(chat, account), kind, since: at });
    else await em.nativeDelete(ReminderSubscription, { ...row(chat, account), kind });
  }

  /** Joined with the links: a chat unlinked from the account is reminded of it no more. */
  async subscribers(kind: ReminderKind): Promise<readonly { readonly chat: ChatAddress; readonly account: AccountNumber }[]> {
    const rows = await plainQueryOf(this.orm).rows(
      `select s.channel, s.chat_id, s.account from reminder_subscription s
       join chat_identity c on c.channel = s.channel and c.external_id = s.chat_id
       join account_link l on l.identity_id = c.id and l.account_number = s.account
       where s.kind = ? order by s.id`,
      [kind],
    );
    return rows.flatMap((r) => {
      const channel = String(r['channel']);
      return isChatChannel(channel) ? [{ chat: { channel, id: String(r['chat_id']) }, account: String(r['account']) as AccountNumber }] : [];
    });
  }
}
