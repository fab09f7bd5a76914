import type { MikroORM } from '@mikro-orm/core';
import type { AccountCard, AccountInfo } from '../../core/domain/account';
import type { AccountNumber } from '../../core/domain/account-number';
import { kopecks, type Kopecks } from '../../core/domain/money';
import type { Accounts } from '../../core/ports';
import { Account, Payment } from '../entities';

export class SqlAccounts implements Accounts {
  constructor(private readonly orm: MikroORM) {}

  async card(number: AccountNumber): Promise<AccountCard | null> {
    const account = await this.orm.em.fork().findOne(Account, { number }, { fields: ['number', 'address', 'email', 'readingsWithoutLinkAllowed'] });
    return account && { number, address: account.address, email: account.email ?? null, readingsWithoutLinkAllowed: account.readingsWithoutLinkAllowed };
  }

  async info(number: AccountNumber): Promise<AccountInfo | null> {
    const account = await this.orm.em.fork().findOne(Account, { number });
    return (
      account && {
        number,
        address: account.address,
        email: account.email ?? null,
        readingsWithoutLinkAllowed: account.readingsWithoutLinkAllowed,
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

  async hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean> {
    const found = await this.orm.em
      .fork()
      .count(Payment, { account: number, amountKopecks: amount, paidAt: { $gte: paidAfter, $lte: paidBefore } });
    return found > 0;
  }
}
