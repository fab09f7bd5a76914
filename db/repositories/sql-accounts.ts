import type { MikroORM } from '@mikro-orm/core';
import type { AccountCard, AccountInfo, MonthlyStatement, PaymentRecord } from '../../core/features/account/account';
import type { AccountNumber } from '../../core/kernel/account-number';
import { kopecks, type Kopecks } from '../../core/kernel/money';
import type { Accounts } from '../../core/features/account/ports';
import { isZone } from '../../core/features/readings/meter';
import type { ZoneTariff } from '../../core/features/receipts/receipt';
import { MonthlyCharge, Payment, Tariff } from '../entities';
import { booleanColumn, nullableText, plainQueryOf } from '../plain-query';

export class SqlAccounts implements Accounts {
  constructor(private readonly orm: MikroORM) {}

  async card(number: AccountNumber): Promise<AccountCard | null> {
    const [row] = await plainQueryOf(this.orm).rows('select address, email from account where number = ?', [number]);
    return row ? { number, address: String(row['address']), email: nullableText(row['email']) } : null;
  }

  /** Read by every look at the account: plain rows. */
  async info(number: AccountNumber): Promise<AccountInfo | null> {
    const [row] = await plainQueryOf(this.orm).rows(
      'select payer_name, address, email, phone, residents, seasonality_factor, social_norm_kwh, balance_kopecks, earlier_debt_kopecks, demo from account where number = ?',
      [number],
    );
    return row
      ? {
          number,
          payerName: nullableText(row['payer_name']),
          address: String(row['address']),
          email: nullableText(row['email']),
          phone: nullableText(row['phone']),
          residents: Number(row['residents']),
          seasonalityFactor: Number(row['seasonality_factor']),
          socialNormKwh: row['social_norm_kwh'] === null ? null : Number(row['social_norm_kwh']),
          balance: kopecks(Number(row['balance_kopecks'])),
          earlierDebt: kopecks(Number(row['earlier_debt_kopecks'])),
          demo: booleanColumn(row['demo']),
        }
      : null;
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
    const rows = await this.orm.em
      .fork()
      .find(Payment, { account: number, paidAt: { $gte: paidFrom, $lt: paidBefore } }, { orderBy: { paidAt: 'asc', id: 'asc' } });
    return rows.map((row) => ({ paidAt: row.paidAt.toISOString(), amount: kopecks(row.amountKopecks), source: row.source }));
  }

  async tariffs(period: string): Promise<ZoneTariff[]> {
    const rows = await this.orm.em.fork().find(Tariff, { validFrom: { $lte: period } }, { orderBy: { validFrom: 'desc' } });
    const inForce = new Map<string, number>();
    for (const row of rows) if (!inForce.has(row.zone)) inForce.set(row.zone, row.kopecksPerKwh);
    return [...inForce].flatMap(([zone, kopecksPerKwh]) => (isZone(zone) ? [{ zone, kopecksPerKwh }] : []));
  }

  async hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean> {
    const found = await plainQueryOf(this.orm).rows(
      'select 1 from payment where account_number = ? and amount_kopecks = ? and paid_at >= ? and paid_at <= ? limit 1',
      [number, amount, paidAfter, paidBefore],
    );
    return found.length > 0;
  }
}
