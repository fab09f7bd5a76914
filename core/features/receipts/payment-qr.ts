import type { Receipt, SupplierDetails } from './receipt';

/**
 * The payment QR payload of GOST R 56042-2014 in UTF-8 (`ST00012`): the mandatory block in its
 * order, then what a bank app needs to pay this receipt. `|` separates fields, so it is never
 * left inside a value; nor are line breaks.
 */
export function paymentQrPayload(supplier: SupplierDetails, receipt: Receipt, purpose: string): string {
  const [year, month] = receipt.period.split('-');
  const fields: [string, string][] = [
    ['Name', supplier.name],
    ['PersonalAcc', supplier.bankAccount],
    ['BankName', supplier.bankName],
    ['BIC', supplier.bic],
    ['CorrespAcc', supplier.correspondentAccount],
    ['PayeeINN', supplier.inn],
    ['KPP', supplier.kpp],
    ['PersAcc', receipt.account],
    ['Sum', String(receipt.totalToPay)],
    ['Purpose', purpose],
    ['PaymPeriod', `${month}${year}`],
    ['LastName', receipt.payer.name.split(/\s+/)[0] ?? ''],
    ['PayerAddress', receipt.payer.address],
    ['TechCode', '02'],
  ];
  return ['ST00012', ...fields.map(([key, value]) => `${key}=${clean(value)}`)].join('|');
}

function clean(value: string): string {
  return value.replace(/[|\r\n]+/g, ' ').trim();
}
