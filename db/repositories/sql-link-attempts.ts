import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { chatKey, type ChatAddress } from '../../core/kernel/channel';
import {
  attemptStatus,
  combinedStatus,
  hasNetwork,
  linkingPolicy,
  lookupDecision,
  lookupOrigin,
  originOf,
  slowDown,
  windowStart,
  type AttemptStatus,
  type ChatOrigin,
} from '../../core/features/linking/linking-policy';
import type { LinkAttempts } from '../../core/features/linking/ports';
import { AccountLookup, LinkFailure, LinkFailureNotice } from '../entities';
import { booleanColumn, dateColumn, plainQueryOf, type PlainQuery } from '../plain-query';
import { inTransaction } from '../transaction';

/**
 * Failed proofs counted per origin: a Telegram user (its private chat), or a web chat's browser;
 * and per network address a web chat came from, where many chats' failures only slow that address
 * down (a household's other browsers still link). Account look-ups are counted per address, so a
 * script cannot enumerate numbers by opening new chats; new chats per address are limited where
 * they are opened (the web chat's token).
 */
export class SqlLinkAttempts implements LinkAttempts {
  constructor(private readonly orm: MikroORM) {}

  /** Read before every proof: plain rows, one statement. */
  async status(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
    const { rows } = plainQueryOf(this.orm);
    return statusIn(rows, await whereFrom(rows, chat), account, now);
  }

  async recordFailure(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<void> {
    const from = await whereFrom(plainQueryOf(this.orm).rows, chat);
    await this.orm.em.fork().insert(LinkFailure, { chatKey: chatKey(chat), origin: from.origin, network: from.network, accountNumber: account, failedAt: now });
  }

  async claim(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ claim: number } | { pausedUntil: Date }> {
    return inTransaction(this.orm, async (em, transaction) => {
      // Read inside the transaction, on its connection (SQLite's pool has only that one).
      const { rows, lockingRead } = plainQueryOf(this.orm).within(transaction);
      // The account's row is locked for the count and the insert: concurrent claims queue up here.
      await rows(`select number from account where number = ?${lockingRead}`, [account]);
      const from = await whereFrom(rows, chat);
      const status = await statusIn(rows, from, account, now);
      if (status.pausedUntil) return { pausedUntil: status.pausedUntil };
      return {
        claim: await em.insert(LinkFailure, { chatKey: chatKey(chat), origin: from.origin, network: from.network, accountNumber: account, failedAt: now }),
      };
    });
  }

  async release(claim: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(LinkFailure, { id: claim });
  }

  async lookup(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ allowed: true } | { pausedUntil: Date }> {
    const { rows } = plainQueryOf(this.orm);
    const lookups = lookupOrigin(await whereFrom(rows, chat));
    const looked = (
      await rows('select account_number, looked_up_at from account_lookup where origin = ? and looked_up_at > ? order by looked_up_at', [
        lookups,
        windowStart(now),
      ])
    ).map((row) => ({
      account: String(row['account_number']),
      at: dateColumn(row['looked_up_at']),
    }));
    const decision = lookupDecision(looked, account, now);
    if (!decision.allowed) return { pausedUntil: decision.pausedUntil };
    if (decision.counts) await this.orm.em.fork().insert(AccountLookup, { origin: lookups, accountNumber: account, lookedUpAt: now });
    return { allowed: true };
  }

  async failureNoticeDue(account: AccountNumber, now: Date): Promise<boolean> {
    const em = this.orm.em.fork();
    const since = windowStart(now);
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

/**
 * The origin's own failures, its failures on this account, the account's slow-down and the
 * network's, from one statement.
 */
async function statusIn(rows: Rows, { origin, network }: ChatOrigin, account: AccountNumber | null, now: Date): Promise<AttemptStatus> {
  const since = windowStart(now);
  const failures = (
    await rows(
      'select failed_at, origin = ? as by_origin, account_number = ? as on_account, network = ? as from_network from link_failure where (origin = ? or account_number = ? or network = ?) and failed_at > ?',
      [origin, account ?? '', network ?? '', origin, account ?? '', network ?? '', since],
    )
  ).map((row) => ({
    at: dateColumn(row['failed_at']),
    byOrigin: booleanColumn(row['by_origin']),
    onAccount: booleanColumn(row['on_account']),
    fromNetwork: booleanColumn(row['from_network']),
  }));
  const times = (rows: typeof failures) => rows.map((row) => row.at);
  return combinedStatus([
    attemptStatus(times(failures.filter((row) => row.byOrigin)), now),
    ...(account
      ? [attemptStatus(times(failures.filter((row) => row.byOrigin && row.onAccount)), now), slowDown(times(failures.filter((row) => row.onAccount)), now)]
      : []),
    ...(network ? [slowDown(times(failures.filter((row) => row.fromNetwork)), now, linkingPolicy.networkFailures)] : []),
  ]);
}

/** The chat's origin; a web chat's from the network address it opened the chat at (recorded on its identity), when known. */
async function whereFrom(rows: Rows, chat: ChatAddress): Promise<ChatOrigin> {
  if (!hasNetwork(chat)) return originOf(chat, null);
  const [identity] = await rows('select origin from chat_identity where channel = ? and external_id = ?', [chat.channel, chat.id]);
  const network = identity?.['origin'];
  return originOf(chat, typeof network === 'string' ? network : null);
}
