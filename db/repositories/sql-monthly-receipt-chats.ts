import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import type { MonthlyReceiptChats } from '../../core/features/receipts/ports';
import { MonthlyReceiptChat } from '../entities';
import { insertOnce } from './insert-once';

const row = (chat: ChatAddress, account: AccountNumber) => ({ channel: chat.channel, chatId: chat.id, account });

export class SqlMonthlyReceiptChats implements MonthlyReceiptChats {
  constructor(private readonly orm: MikroORM) {}

  async isOptedIn(chat: ChatAddress, account: AccountNumber): Promise<boolean> {
    return (await this.orm.em.fork().count(MonthlyReceiptChat, row(chat, account))) > 0;
  }

  async optIn(chat: ChatAddress, account: AccountNumber, at: Date): Promise<void> {
    // Pressed twice, or in two chats' turns at once: one row either way.
    await insertOnce(this.orm.em.fork(), MonthlyReceiptChat, { ...row(chat, account), since: at });
  }

  async optOut(chat: ChatAddress, account: AccountNumber): Promise<void> {
    await this.orm.em.fork().nativeDelete(MonthlyReceiptChat, row(chat, account));
  }

  /** Every chat that asked for its receipt each month, with the account. */
  async all(): Promise<{ readonly chat: ChatAddress; readonly account: AccountNumber }[]> {
    const rows = await this.orm.em.fork().find(MonthlyReceiptChat, {}, { orderBy: { id: 'asc' } });
    return rows.flatMap((r) => (isChatChannel(r.channel) ? [{ chat: { channel: r.channel, id: r.chatId }, account: r.account as AccountNumber }] : []));
  }
}
