import type { MikroORM } from '@mikro-orm/core';
import type { LinkedAddresses } from '../../core/features/interruptions/ports';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import { plainQueryOf } from '../plain-query';

/** Every linked chat with its account's address, as plain rows: an interruption's audience is chosen from these in the core. */
export class SqlLinkedAddresses implements LinkedAddresses {
  constructor(private readonly orm: MikroORM) {}

  async all(): Promise<{ readonly chat: ChatAddress; readonly account: AccountNumber; readonly address: string }[]> {
    const rows = await plainQueryOf(this.orm).rows(
      'select c.channel, c.external_id, a.number, a.address from account_link l join chat_identity c on c.id = l.identity_id join account a on a.number = l.account_number order by l.id',
      [],
    );
    return rows.flatMap((row) => {
      const channel = String(row['channel']);
      if (!isChatChannel(channel)) return [];
      return [{ chat: { channel, id: String(row['external_id']) }, account: String(row['number']) as AccountNumber, address: String(row['address']) }];
    });
  }
}
