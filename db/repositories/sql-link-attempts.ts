import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import { chatKey, type ChatAddress } from '../../core/domain/channel';
import { accountSlowDown, attemptStatus, combinedStatus, linkingPolicy, type AttemptStatus } from '../../core/domain/linking-policy';
import type { LinkAttempts } from '../../core/ports';
import { AccountLookup, LinkFailure, LinkFailureNotice } from '../entities';
import { booleanColumn, dateColumn, plainQueryOf, type PlainQuery } from '../plain-query';
import { inTransaction } from '../transaction';

/**
 * Failed proofs and account look-ups, counted per origin: a Telegram user (its private chat), or
 * the address a web chat's browser opened the chat from. New web identities from one address
 * share its counts, so a script cannot get fresh attempts by opening new chats.
 */
export class SqlLinkAttempts implements LinkAttempts {
  constructor(private readonly orm: MikroORM) {}

  /** Read before every proof: plain rows, one statement. */
  async status(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
    const { rows } = plainQueryOf(this.orm);
    return statusIn(rows, await originOf(rows, chat), account, now);
  }

  async recordFailure(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<void> {
    await this.orm.em.fork().insert(LinkFailure, { chatKey: chatKey(chat), origin: await originOf(plainQueryOf(this.orm).rows, chat), accountNumber: account, failedAt: now });
  }

  async claim(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ claim: number } | { pausedUntil: Date }> {
    return inTransaction(this.orm, async (em, transaction) => {
      // Read inside the transaction, on its connection (SQLite's pool has only that one).
      const { rows, lockingRead } = plainQueryOf(this.orm).within(transaction);
      // The account's row is locked for the count and the insert: concurrent claims queue up here.
      await rows(`select number from account where number = ?${lockingRead}`, [account]);
      const origin = await originOf(rows, chat);
      const status = await statusIn(rows, origin, account, now);
      if (status.pausedUntil) return { pausedUntil: status.pausedUntil };
      return { claim: await em.insert(LinkFailure, { chatKey: chatKey(chat), origin, accountNumber: account, failedAt: now }) };
    });
  }

  async release(claim: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(LinkFailure, { id: claim });
  }

  async lookup(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ allowed: true } | { pausedUntil: Date }> {
    const { rows } = plainQueryOf(this.orm);
    const origin = await originOf(rows, chat);
    const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
    const looked = (await rows('select account_number, looked_up_at from account_lookup where origin = ? and looked_up_at > ? order by looked_up_at', [origin, since])).map((row) => ({
      account: row['account_number'],
      at: dateColumn(row['looked_up_at']),
    }));
    if (looked.some((row) => row.account === account)) return { allowed: true };
    const distinct = new Set(looked.map((row) => row.account));
    if (distinct.size >= linkingPolicy.maxLookups) {
      return { pausedUntil: new Date((looked[0] as { at: Date }).at.getTime() + linkingPolicy.failureWindowMs) };
    }
    await this.orm.em.fork().insert(AccountLookup, { origin, accountNumber: account, lookedUpAt: now });
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
}

type Rows = PlainQuery['rows'];

/** The origin's own failures, its failures on this account, and the account's slow-down, from one statement. */
async function statusIn(rows: Rows, origin: string, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
  const since = new Date(now.getTime() - linkingPolicy.failureWindowMs);
  if (!account) {
    const failures = await rows('select failed_at from link_failure where origin = ? and failed_at > ?', [origin, since]);
    return attemptStatus(failures.map((row) => dateColumn(row['failed_at'])), now);
  }
  const failures = (
    await rows('select failed_at, origin = ? as by_origin, account_number = ? as on_account from link_failure where (origin = ? or account_number = ?) and failed_at > ?', [
      origin,
      account,
      origin,
      account,
      since,
    ])
  ).map((row) => ({ at: dateColumn(row['failed_at']), byOrigin: booleanColumn(row['by_origin']), onAccount: booleanColumn(row['on_account']) }));
  const times = (rows: typeof failures) => rows.map((row) => row.at);
  return combinedStatus([
    attemptStatus(times(failures.filter((row) => row.byOrigin)), now),
    attemptStatus(times(failures.filter((row) => row.byOrigin && row.onAccount)), now),
    accountSlowDown(times(failures.filter((row) => row.onAccount)), now),
  ]);
}

/** A Telegram private chat is its user; a web chat counts where its browser opened it, when known. */
async function originOf(rows: Rows, chat: ChatAddress): Promise<string> {
  if (chat.channel === 'telegram') return `telegram:${chat.id}`;
  const [identity] = await rows('select origin from chat_identity where channel = ? and external_id = ?', [chat.channel, chat.id]);
  const origin = identity?.['origin'];
  return typeof origin === 'string' ? origin : chatKey(chat);
}
