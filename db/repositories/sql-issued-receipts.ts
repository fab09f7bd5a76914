import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Locale } from '../../core/kernel/locale';
import type { IssuedReceiptFileIds } from '../../core/features/receipts/ports';
import { IssuedReceipt, TelegramFile } from '../entities';
import { insertOnce } from './insert-once';

export interface IssuedPdf {
  readonly bytes: Buffer;
  readonly sha256: string;
}

/** Receipt PDFs as first issued, and the Telegram file ids of documents already uploaded. */
export class SqlIssuedReceipts implements IssuedReceiptFileIds {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async find(account: string, period: string, locale: Locale): Promise<IssuedPdf | null> {
    const row = await this.orm.em.fork().findOne(IssuedReceipt, { account, period, locale });
    return row && { bytes: Buffer.from(row.content), sha256: row.sha256 };
  }

  /** Keeps the first issue: when two renders race, both callers get the one that was stored. */
  async keep(account: string, period: string, locale: Locale, bytes: Buffer): Promise<IssuedPdf> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await insertOnce(this.orm.em.fork(), IssuedReceipt, { account, period, locale, sha256, content: bytes, issuedAt: this.clock() });
    return (await this.find(account, period, locale)) as IssuedPdf;
  }

  async telegramFileId(sha256: string): Promise<string | null> {
    return (await this.orm.em.fork().findOne(TelegramFile, { sha256 }))?.fileId ?? null;
  }

  async rememberTelegramFile(sha256: string, fileId: string): Promise<void> {
    await insertOnce(this.orm.em.fork(), TelegramFile, { sha256, fileId });
  }
}
