import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import { chatKey, type ChatAddress } from '../../core/domain/channel';
import { accountSlowDown, attemptStatus, combinedStatus, linkingPolicy, type AttemptStatus } from '../../core/domain/linking-policy';
import type { LinkAttempts } from '../../core/ports';
import { Account, AccountLookup, ChatIdentity, LinkFailure, LinkFailureNotice } from '../entities';

/**
 * Failed proofs and account look-ups, counted per origin: a Telegram user (its private chat), or
 * the address a web chat's browser opened the chat from. New web identities from one address
 * share its counts, so a script cannot get fresh attempts by opening new chats.
 */
export class SqlLinkAttempts implements LinkAttempts {
  constructor(private readonly orm: MikroORM) {}

  async status(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
    const em = this.orm.em.fork();
    return this.statusIn(em, await originOf(em, chat), account, now);
  }

  async recordFailure(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<void> {
    const em = this.orm.em.fork();
    await em.insert(LinkFailure, { chatKey: chatKey(chat), origin: await originOf(em, chat), accountNumber: account, failedAt: now });
  }

  async claim(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ claim: number } | { pausedUntil: Date }> {
    return this.orm.em.fork().transactional(async (em) => {
      // The account's row is locked for the count and the insert: concurrent claims queue up here.
      await em.findOne(Account, { number: account }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['number'] });
      const origin = await originOf(em, chat);
      const status = await this.statusIn(em, origin, account, now);
      if (status.pausedUntil) return { pausedUntil: status.pausedUntil };
      return { claim: await em.insert(LinkFailure, { chatKey: chatKey(chat), origin, accountNumber: account, failedAt: now }) };
    });
  }

  async release(claim: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(LinkFailure, { id: claim });
  }

  async lookup(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ allowed: true } | { pausedUntil: Date }> {
    const em = this.orm.em.fork();
    const origin = await originOf(em, chat);
    const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
    const looked = await em.find(AccountLookup, { origin, lookedUpAt: { $gt: since } }, { orderBy: { lookedUpAt: 'asc' } });
    if (looked.some((row) => row.accountNumber === account)) return { allowed: true };
    const distinct = [...new Set(looked.map((row) => row.accountNumber))];
    if (distinct.length >= linkingPolicy.maxLookups) {
      return { pausedUntil: new Date((looked[0] as { lookedUpAt: Date }).lookedUpAt.getTime() + linkingPolicy.failureWindowMs) };
    }
    await em.insert(AccountLookup, { origin, accountNumber: account, lookedUpAt: now });
    return { allowed: true };
  }

  async failureNoticeDue(account: AccountNumber, now: Date): Promise<boolean> {
    const em = this.orm.em.fork();
    const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
    const moved = await em.nativeUpdate(LinkFailureNotice, { accountNumber: account, notifiedAt: { $lte: since } }, { notifiedAt: now });
    if (moved === 1) return true;
    try {
      await em.insert(LinkFailureNotice, { accountNumber: account, notifiedAt: now });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  /** The origin's own failures, its failures on this account, and the account's slow-down, together. */
  private async statusIn(em: EntityManager, origin: string, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
    const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
    const recent = (where: object) => em.find(LinkFailure, { ...where, failedAt: { $gt: since } }, { fields: ['failedAt'] }).then((rows) => rows.map((row) => row.failedAt));
    const byOrigin = attemptStatus(await recent({ origin }), now);
    if (!account) return byOrigin;
    return combinedStatus([byOrigin, attemptStatus(await recent({ origin, accountNumber: account }), now), accountSlowDown(await recent({ accountNumber: account }), now)]);
  }
}

/** A Telegram private chat is its user; a web chat counts where its browser opened it, when known. */
async function originOf(em: EntityManager, chat: ChatAddress): Promise<string> {
  if (chat.channel === 'telegram') return `telegram:${chat.id}`;
  const identity = await em.findOne(ChatIdentity, { channel: chat.channel, externalId: chat.id }, { fields: ['origin'] });
  return identity?.origin ?? chatKey(chat);
}
