import type { Mail } from '../outbox/ports';
import { eReceiptAddress } from '../receipts/receipt-archive';
import type { EReceipts } from './ports';

/**
 * Where a queued letter goes when it is sent: an e-receipt to the address in force for its month
 * now (it may have changed since it was queued), or nowhere once the e-receipt was given up; any
 * other letter to the address it was queued for.
 */
export async function letterAddress(mail: Pick<Mail, 'to' | 'toEReceiptAddress' | 'receipt'>, eReceipts: Pick<EReceipts, 'terms'>): Promise<string | null> {
  if (!mail.toEReceiptAddress || !mail.receipt) return mail.to;
  return eReceiptAddress(mail.receipt.period, await eReceipts.terms(mail.receipt.account));
}
