import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import type { InviteLookup, Invites } from '../../core/features/accounts/ports';
import { AccountInvite } from '../entities';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Invites by a random token (192 bits) kept only as its SHA-256; taken once, in one conditional update. */
export class SqlInvites implements Invites {
  constructor(private readonly orm: MikroORM) {}

  async create(account: AccountNumber, inviter: ChatAddress, at: Date, expiresAt: Date): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.orm.em
      .fork()
      .insert(AccountInvite, { tokenHash: hash(token), account, inviterChannel: inviter.channel, inviterChatId: inviter.id, createdAt: at, expiresAt });
    return token;
  }

  async peek(token: string, now: Date): Promise<InviteLookup> {
    const row = await this.orm.em.fork().findOne(AccountInvite, { tokenHash: hash(token) });
    return lookup(row, now);
  }

  async take(token: string, invitee: ChatAddress, now: Date): Promise<InviteLookup> {
    const em = this.orm.em.fork();
    const row = await em.findOne(AccountInvite, { tokenHash: hash(token) });
    const found = lookup(row, now);
    if ('refused' in found || !row) return found;
    const taken = await em.nativeUpdate(AccountInvite, { id: row.id, usedAt: null }, { usedAt: now, usedByChannel: invitee.channel, usedByChatId: invitee.id });
    return taken === 1 ? found : { refused: 'used' };
  }
}

function lookup(
  row: { account: string; inviterChannel: string; inviterChatId: string; expiresAt: Date; usedAt?: Date | null } | null,
  now: Date,
): InviteLookup {
  if (!row || !isChatChannel(row.inviterChannel)) return { refused: 'unknown' };
  if (row.usedAt) return { refused: 'used' };
  if (row.expiresAt <= now) return { refused: 'expired' };
  return { account: row.account as AccountNumber, inviter: { channel: row.inviterChannel, id: row.inviterChatId } };
}
