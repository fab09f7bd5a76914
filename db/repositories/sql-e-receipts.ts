import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import type { EReceiptTerm } from '../../core/domain/receipt-archive';
import type { EReceipts } from '../../core/ports';
import { EReceiptSubscription } from '../entities';

export class SqlEReceipts implements EReceipts {
  constructor(private readonly orm: MikroORM) {}

  async terms(account: AccountNumber): Promise<EReceiptTerm[]> {
    const rows = await this.orm.em.fork().find(EReceiptSubscription, { account }, { orderBy: { fromPeriod: 'asc', id: 'asc' } });
    return rows.map((row) => ({ email: row.email, from: row.fromPeriod, until: row.untilPeriod ?? null }));
  }

  /** Accounts whose e-receipt covers the period, with the address it goes to. */
  async subscribersOf(period: string): Promise<{ readonly account: AccountNumber; readonly email: string }[]> {
    const rows = await this.orm.em.fork().find(EReceiptSubscription, { fromPeriod: { $lte: period }, $or: [{ untilPeriod: null }, { untilPeriod: { $gt: period } }] });
    return rows.map((row) => ({ account: row.account.number as AccountNumber, email: row.email }));
  }
}
