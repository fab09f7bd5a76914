import type { MikroORM } from '@mikro-orm/core';
import type { AccountInfo } from '../../core/features/account/account';
import { Account } from '../entities';

/**
 * energobot's own row of each account billing answered for, when billing is the supplier's: the
 * links, settings and payment orders of an account refer to it. Billing's figures in it are the
 * last ones seen; energobot's settings of the account are never overwritten.
 */
export class SqlAccountDirectory {
  constructor(private readonly orm: MikroORM) {}

  async remember(info: AccountInfo): Promise<void> {
    const figures = {
      payerName: info.payerName,
      address: info.address,
      email: info.email,
      phone: info.phone,
      residents: info.residents,
      seasonalityFactor: info.seasonalityFactor,
      socialNormKwh: info.socialNormKwh,
      balanceKopecks: info.balance,
      earlierDebtKopecks: info.earlierDebt,
      demo: info.demo,
    };
    await this.orm.em
      .fork()
      .upsert(
        Account,
        { number: info.number, region: '', ...figures },
        { onConflictFields: ['number'], onConflictMergeFields: Object.keys(figures) as (keyof typeof figures)[] },
      );
  }
}
