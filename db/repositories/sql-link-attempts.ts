import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import { chatKey, type ChatAddress } from '../../core/domain/channel';
import { attemptStatus, combinedStatus, linkingPolicy, type AttemptStatus } from '../../core/domain/linking-policy';
import type { LinkAttempts } from '../../core/ports';
import { Account, LinkFailure } from '../entities';

export class SqlLinkAttempts implements LinkAttempts {
  constructor(private readonly orm: MikroORM) {}

  async status(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
    const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
    const em = this.orm.em.fork();
    const recent = (where: object) =>
      em.find(LinkFailure, { ...where, failedAt: { $gt: since } }, { fields: ['failedAt'] }).then((rows) => rows.map((row) => row.failedAt));
    const byChat = attemptStatus(await recent({ chatKey: chatKey(chat) }), now);
    if (!account) return byChat;
    return combinedStatus([byChat, attemptStatus(await recent({ accountNumber: account }), now)]);
  }

  async recordFailure(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<void> {
    await this.orm.em.fork().insert(LinkFailure, { chatKey: chatKey(chat), accountNumber: account, failedAt: now });
  }

  async claim(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ claim: number } | { pausedUntil: Date }> {
    return this.orm.em.fork().transactional(async (em) => {
      // The account's row is locked for the count and the insert: concurrent claims queue up here.
      await em.findOne(Account, { number: account }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['number'] });
      const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
      const recent = (where: object) => em.find(LinkFailure, { ...where, failedAt: { $gt: since } }, { fields: ['failedAt'] }).then((rows) => rows.map((row) => row.failedAt));
      const status = combinedStatus([attemptStatus(await recent({ chatKey: chatKey(chat) }), now), attemptStatus(await recent({ accountNumber: account }), now)]);
      if (status.pausedUntil) return { pausedUntil: status.pausedUntil };
      return { claim: await em.insert(LinkFailure, { chatKey: chatKey(chat), accountNumber: account, failedAt: now }) };
    });
  }

  async release(claim: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(LinkFailure, { id: claim });
  }
}
