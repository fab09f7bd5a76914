import type { Locale } from '../../../core/kernel/locale';
import { paymentQrPayload } from '../../../core/features/receipts/payment-qr';
import { displayPeriod } from '../../../core/kernel/period';
import type { Receipt, SupplierDetails } from '../../../core/features/receipts/receipt';
import { zoneName } from '../../../core/features/readings/meter-words';
import type { Localizer } from '../../../core/kernel/localizer';
import { balanceWords } from '../../../core/features/reports/balance-words';
import { money, text, type Text } from '../../../core/kernel/text';

/** A receipt put into words of one language: all a PDF worker needs, plain strings only. */
export interface ReceiptSheet {
  readonly title: string;
  readonly supplier: { readonly heading: string; readonly name: string; readonly details: string; readonly contacts: string };
  readonly payer: { readonly heading: string; readonly name: string; readonly facts: readonly (readonly [string, string])[] };
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly totals: readonly (readonly [string, string])[];
  readonly total: readonly [string, string];
  readonly qr: string;
  readonly qrHint: string;
}

export function receiptSheet(receipt: Receipt, supplier: SupplierDetails, localizer: Localizer, locale: Locale): ReceiptSheet {
  const say = (message: Text) => localizer.format(locale, message);
  const amount = (kopecks: number) => localizer.value(locale, money(kopecks));
  const period = displayPeriod(receipt.period);
  const [year, month, day] = receipt.dueDate.split('-');
  const recalculation: [string, string][] = receipt.recalculation === 0 ? [] : [[say(text('receipt-recalculation')), amount(receipt.recalculation)]];
  return {
    title: say(text('receipt-title', { period })),
    supplier: {
      heading: say(text('receipt-supplier')),
      name: supplier.name,
      details: say(text('receipt-supplier-details', { ...supplier })),
      contacts: say(text('receipt-supplier-contacts', { ...supplier })),
    },
    payer: {
      heading: say(text('receipt-payer')),
      name: receipt.payer.name,
      facts: [
        [say(text('receipt-account')), receipt.account],
        [say(text('receipt-address')), receipt.payer.address],
        [say(text('receipt-residents')), String(receipt.payer.residents)],
        [say(text('receipt-period')), period],
      ],
    },
    columns: [
      text('receipt-column-meter'),
      text('receipt-column-previous'),
      text('receipt-column-current'),
      text('receipt-column-consumption'),
      text('receipt-column-tariff'),
      text('receipt-column-amount'),
    ].map(say),
    rows: receipt.lines.map((line) => [
      `${line.serialNumber}, ${localizer.value(locale, zoneName(line.zone))}`,
      String(line.previous),
      String(line.current),
      String(line.consumptionKwh),
      amount(line.tariff),
      amount(line.amount),
    ]),
    totals: [
      [say(text('receipt-opening')), localizer.value(locale, balanceWords(receipt.openingBalance))],
      [say(text('receipt-paid')), amount(receipt.paid)],
      ...recalculation,
      [say(text('receipt-charged')), amount(receipt.charged)],
    ],
    total: [say(text('receipt-total', { due: `${day}.${month}.${year}` })), amount(receipt.totalToPay)],
    // The bank reads the purpose in Russian, whatever the customer's language.
    qr: paymentQrPayload(supplier, receipt, localizer.format('ru', text('receipt-qr-purpose', { account: receipt.account, period }))),
    qrHint: say(text('receipt-qr-hint')),
  };
}
