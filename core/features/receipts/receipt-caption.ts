import type { Button } from '../../kernel/content/content';
import { taskButton } from '../../kernel/actions';
import { displayPeriod } from '../../kernel/period';
import type { Receipt } from './receipt';
import { money, text, type Text } from '../../kernel/text';

/** What goes with the PDF: the month, what was charged and what to pay by when. */
export function receiptCaption(receipt: Receipt): Text {
  const [year, month, day] = receipt.dueDate.split('-');
  return text('receipt-caption', {
    account: receipt.account,
    period: displayPeriod(receipt.period),
    charged: money(receipt.charged),
    total: money(receipt.totalToPay),
    due: `${day}.${month}.${year}`,
  });
}

/** Under a receipt: pay it, another month, the menu. */
export function receiptButtons(receipt: Receipt): Button[] {
  return [...(receipt.totalToPay > 0 ? [taskButton('pay')] : []), taskButton('receipts', { label: text('receipts-other-month') }), taskButton('menu')];
}
