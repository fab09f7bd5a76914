import type { IssuedReceiptFileIds } from '../../../core/features/receipts/ports';
import { RecentValues } from '../../../core/kernel/recent-values';
import type { KnownDocuments } from './telegram-bot';

/** Receipts Telegram has had already, sent again by their `file_id`. */
export function telegramDocuments(issued: IssuedReceiptFileIds): KnownDocuments {
  // A file id stays valid for the bot: the ones in use lately are not asked of the database again.
  const known = new RecentValues<string>(20_000);
  return {
    async fileId(sha256) {
      const id = known.get(sha256) ?? (await issued.telegramFileId(sha256));
      if (id) known.set(sha256, id);
      return id;
    },
    async remember(sha256, fileId) {
      known.set(sha256, fileId);
      await issued.rememberTelegramFile(sha256, fileId);
    },
  };
}
