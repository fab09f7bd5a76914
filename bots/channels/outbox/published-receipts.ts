import type { Receipt } from '../../../core/features/receipts/receipt';
import type { ReceiptRef } from '../../../core/features/outbox/ports';
import { RecentValues } from '../../../core/kernel/recent-values';

/** Long enough for a broadcast to pass; short enough that a correction in billing shows soon. */
const keptMs = 10 * 60_000;

/**
 * Receipts as the outboxes send them: a month billing has published does not change, so a
 * broadcast to every chat of an account reads that account's month once, not once a chat.
 */
export function publishedReceipts(read: (ref: ReceiptRef) => Promise<Receipt | null>): (ref: ReceiptRef) => Promise<Receipt | null> {
  const kept = new RecentValues<Promise<Receipt | null>>(20_000, keptMs);
  return (ref) => {
    const key = `${ref.account}|${ref.period}`;
    const hit = kept.get(key);
    if (hit) return hit;
    // A failed read is not kept: the next push reads again.
    const receipt = read(ref).catch((error: unknown) => {
      kept.delete(key);
      throw error;
    });
    kept.set(key, receipt);
    return receipt;
  };
}
