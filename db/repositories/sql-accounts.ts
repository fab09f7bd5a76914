import type { MikroORM } from '@mikro-orm/core';
import type { AccountCard, AccountInfo, MonthlyStatement, PaymentRecord } from '../../core/domain/account';
import type { AccountNumber } from '../../core/domain/account-number';
import { kopecks, type Kopecks } from '../../core/domain/money';
import type { Accounts } from '../../core/ports';
import { isZone } from '../../core/domain/meter';
import type { ZoneTariff } from '../../core/domain/receipt';
import { Account, MonthlyCharge, Payment, Tariff } from '../entities';

export class SqlAccounts implements Accounts {
  constructor(private readonly orm: MikroORM) {}

  async card(number: AccountNumber): Promise<AccountCard | null> {
    const account = await this.orm.em.fork().findOne(Account, { number }, { fields: ['number', 'address', 'email'] });
    return account && { number, address: account.address, email: account.email ?? null };
  }

  async info(number: AccountNumber): Promise<AccountInfo | null> {
    const account = await this.orm.em.fork().findOne(Account, { number });
    return (
      account && {
        number,
        payerName: account.payerName ?? null,
        address: account.address,
        email: account.email ?? null,
        phone: account.phone ?? null,
        residents: account.residents,
        seasonalityFactor: Number(account.seasonalityFactor),
        socialNormKwh: account.socialNormKwh ?? null,
        balance: kopecks(account.balanceKopecks),
        earlierDebt: kopecks(account.earlierDebtKopecks),
        demo: account.demo,
      }
    );
  }

  async statements(number: AccountNumber, from: string, to: string): Promise<MonthlyStatement[]> {
    const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
    const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
    const rows = await this.orm.em.fork().find(
      MonthlyCharge,
      {
        account: number,
        $and: [
          { $or: [{ year: { $gt: fromYear } }, { year: fromYear, month: { $gte: fromMonth } }] },
          { $or: [{ year: { $lt: toYear } }, { year: toYear, month: { $lte: toMonth } }] },
        ],
      },
      { orderBy: { year: 'asc', month: 'asc' } },
    );
    return rows.map((row) => ({
      period: `${row.year}-${String(row.month).padStart(2, '0')}`,
      openingBalance: kopecks(row.openingBalanceKopecks),
      charged: kopecks(row.chargedKopecks),
      closingBalance: kopecks(row.closingBalanceKopecks),
    }));
  }

  async payments(number: AccountNumber, paidFrom: Date, paidBefore: Date): Promise<PaymentRecord[]> {
    const rows = await this.orm.em.fork().find(Payment, { account: number, paidAt: { $gte: paidFrom, $lt: paidBefore } }, { orderBy: { paidAt: 'asc', id: 'asc' } });
    return rows.map((row) => ({ paidAt: row.paidAt.toISOString(), amount: kopecks(row.amountKopecks), source: row.source }));
  }

  async tariffs(period: string): Promise<ZoneTariff[]> {
    const rows = await this.orm.em.fork().find(Tariff, { validFrom: { $lte: period } }, { orderBy: { validFrom: 'desc' } });
    const inForce = new Map<string, number>();
    for (const row of rows) if (!inForce.has(row.zone)) inForce.set(row.zone, row.kopecksPerKwh);
    return [...inForce].flatMap(([zone, kopecksPerKwh]) => (isZone(zone) ? [{ zone, kopecksPerKwh }] : []));
  }

  async hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean> {
    const found = await this.orm.em
      .fork()
      .count(Payment, { account: number, amountKopecks: amount, paidAt: { $gte: paidAfter, $lte: paidBefore } });
    return found > 0;
  }
}
