import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import type { AccountSettings, ReadingsWithoutLink } from '../../core/features/accounts/account-settings';
import type { Settings } from '../../core/features/accounts/ports';
import { Account } from '../entities';
import { booleanColumn, jsonColumn, nullableText, plainQueryOf } from '../plain-query';

export class SqlSettings implements Settings {
  constructor(private readonly orm: MikroORM) {}

  async of(account: AccountNumber): Promise<AccountSettings | null> {
    const [row] = await plainQueryOf(this.orm).rows(
      'select email, readings_without_link_allowed, readings_without_link_change, management_by_others_allowed from account where number = ?',
      [account],
    );
    if (!row) return null;
    const change = jsonColumn<{ allowed: boolean; from: string }>(row['readings_without_link_change']);
    return {
      account,
      readingsWithoutLink: { allowed: booleanColumn(row['readings_without_link_allowed']), ...(change && { change }) },
      managementByOthers: booleanColumn(row['management_by_others_allowed']),
      email: nullableText(row['email']),
    };
  }

  async setReadingsWithoutLink(account: AccountNumber, setting: ReadingsWithoutLink): Promise<void> {
    await this.orm.em
      .fork()
      .nativeUpdate(
        Account,
        { number: account },
        { readingsWithoutLinkAllowed: setting.allowed, readingsWithoutLinkChange: setting.change ? { ...setting.change } : null },
      );
  }

  async setManagementByOthers(account: AccountNumber, allowed: boolean): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Account, { number: account }, { managementByOthersAllowed: allowed });
  }

  async setEmail(account: AccountNumber, email: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Account, { number: account }, { email });
  }
}
