import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import type { AccountSettings, ReadingsWithoutLink } from '../../core/domain/account-settings';
import type { Settings } from '../../core/ports';
import { Account } from '../entities';

export class SqlSettings implements Settings {
  constructor(private readonly orm: MikroORM) {}

  async of(account: AccountNumber): Promise<AccountSettings | null> {
    const row = await this.orm.em.fork().findOne(Account, { number: account }, { fields: ['email', 'readingsWithoutLinkAllowed', 'readingsWithoutLinkChange', 'managementByOthersAllowed'] });
    if (!row) return null;
    const change = row.readingsWithoutLinkChange;
    return {
      account,
      readingsWithoutLink: { allowed: row.readingsWithoutLinkAllowed, ...(change && { change }) },
      managementByOthers: row.managementByOthersAllowed,
      email: row.email ?? null,
    };
  }

  async setReadingsWithoutLink(account: AccountNumber, setting: ReadingsWithoutLink): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Account, { number: account }, { readingsWithoutLinkAllowed: setting.allowed, readingsWithoutLinkChange: setting.change ? { ...setting.change } : null });
  }

  async setManagementByOthers(account: AccountNumber, allowed: boolean): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Account, { number: account }, { managementByOthersAllowed: allowed });
  }

  async setEmail(account: AccountNumber, email: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Account, { number: account }, { email });
  }
}
