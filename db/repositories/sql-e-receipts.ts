import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel } from '../../core/kernel/channel';
import type { EReceiptChange, EReceiptRequest } from '../../core/features/e-receipt/e-receipt-request';
import { isLocale, type Locale } from '../../core/kernel/locale';
import type { EReceiptTerm } from '../../core/features/receipts/receipt-archive';
import type { EReceipts } from '../../core/features/e-receipt/ports';
import { EmailConfirmation, EReceiptSubscription } from '../entities';
import { inTransaction } from '../transaction';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class SqlEReceipts implements EReceipts {
  constructor(
    private readonly orm: MikroORM,
    /** The confirmation page a token opens. */
    private readonly confirmUrl: (token: string) => string,
  ) {}

  async terms(account: AccountNumber): Promise<EReceiptTerm[]> {
    const rows = await this.orm.em.fork().find(EReceiptSubscription, { account }, { orderBy: { fromPeriod: 'asc', id: 'asc' } });
    return rows.map((row) => ({ email: row.email, from: row.fromPeriod, until: row.untilPeriod ?? null }));
  }

  async subscribersOf(period: string): Promise<{ readonly account: AccountNumber; readonly email: string }[]> {
    const rows = await this.orm.em
      .fork()
      .find(EReceiptSubscription, { fromPeriod: { $lte: period }, $or: [{ untilPeriod: null }, { untilPeriod: { $gt: period } }] });
    return rows.map((row) => ({ account: row.account.number as AccountNumber, email: row.email }));
  }

  async request(request: EReceiptRequest, expiresAt: Date): Promise<{ url: string }> {
    const token = randomBytes(24).toString('base64url');
    const { change } = request;
    await this.orm.em.fork().insert(EmailConfirmation, {
      tokenHash: hash(token),
      purpose: change.kind,
      account: request.account,
      email: change.email,
      reason: change.kind === 'unsubscribe' ? change.reason : null,
      locale: request.locale,
      channel: request.chat.channel,
      chatId: request.chat.id,
      createdAt: new Date(),
      expiresAt,
    });
    return { url: this.confirmUrl(token) };
  }

  async take(token: string, now: Date): Promise<{ request: EReceiptRequest } | { refused: 'unknown' | 'expired' | 'used'; locale: Locale | null }> {
    const em = this.orm.em.fork();
    const row = await em.findOne(EmailConfirmation, { tokenHash: hash(token) });
    if (!row || !isChatChannel(row.channel) || !isLocale(row.locale)) return { refused: 'unknown', locale: null };
    const { locale } = row;
    if (row.usedAt) return { refused: 'used', locale };
    if (row.expiresAt <= now) return { refused: 'expired', locale };
    // Two clicks at once: only the one that marks it used goes on.
    if ((await em.nativeUpdate(EmailConfirmation, { id: row.id, usedAt: null }, { usedAt: now })) !== 1) return { refused: 'used', locale };
    return {
      request: {
        account: row.account as AccountNumber,
        change: changeOf(row.purpose, row.email, row.reason ?? ''),
        chat: { channel: row.channel, id: row.chatId },
        locale,
      },
    };
  }

  async peek(token: string, now: Date): Promise<{ state: 'open' | 'unknown' | 'expired' | 'used'; locale: Locale | null }> {
    const row = await this.orm.em.fork().findOne(EmailConfirmation, { tokenHash: hash(token) });
    if (!row || !isChatChannel(row.channel) || !isLocale(row.locale)) return { state: 'unknown', locale: null };
    if (row.usedAt) return { state: 'used', locale: row.locale };
    return { state: row.expiresAt <= now ? 'expired' : 'open', locale: row.locale };
  }

  async subscribe(account: AccountNumber, email: string, fromPeriod: string): Promise<void> {
    await inTransaction(this.orm, async (em) => {
      await em.nativeUpdate(EReceiptSubscription, { account, untilPeriod: null }, { untilPeriod: fromPeriod });
      await em.insert(EReceiptSubscription, { account, email, fromPeriod, untilPeriod: null });
    });
  }

  async changeEmail(account: AccountNumber, email: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(EReceiptSubscription, { account, untilPeriod: null }, { email });
  }

  async unsubscribe(account: AccountNumber, untilPeriod: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(EReceiptSubscription, { account, untilPeriod: null }, { untilPeriod });
  }
}

function changeOf(purpose: string, email: string, reason: string): EReceiptChange {
  if (purpose === 'subscribe') return { kind: 'subscribe', email };
  if (purpose === 'change-email') return { kind: 'change-email', email };
  if (purpose === 'account-email') return { kind: 'account-email', email };
  return { kind: 'unsubscribe', email, reason };
}
