import type { AccountNumber } from '../../kernel/account-number';
import { kopecks } from '../../kernel/money';
import { periodStart, shiftPeriod } from '../../kernel/period';
import { buildReceipt, type Receipt } from './receipt';
import type { Accounts } from '../account/ports';
import type { MeterReadings } from '../readings/ports';

/** A month's receipt from billing's figures; null when billing has no such month for the account. */
export async function readReceipt(
  ports: { readonly accounts: Accounts; readonly readings: MeterReadings },
  account: AccountNumber,
  period: string,
  timeZone: string,
): Promise<Receipt | null> {
  const [info, [statement], payments, readings, meters, tariffs] = await Promise.all([
    ports.accounts.info(account),
    ports.accounts.statements(account, period, period),
    ports.accounts.payments(account, periodStart(period, timeZone), periodStart(shiftPeriod(period, 1), timeZone)),
    ports.readings.history(account, period, period),
    ports.readings.meters(account, period),
    ports.accounts.tariffs(period),
  ]);
  if (!info || !statement) return null;
  return buildReceipt({
    account,
    period,
    payer: { name: info.payerName ?? '', address: info.address, residents: info.residents },
    statement,
    paid: kopecks(payments.reduce((sum, payment) => sum + payment.amount, 0)),
    readings,
    tariffs,
    digits: new Map(meters.map((meter) => [meter.serialNumber, meter.digits])),
  });
}
