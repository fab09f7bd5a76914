import { kopecks, type Kopecks } from '../../kernel/money';

/** What the payment page prefills, as the web account does («рекомендуемый платёж»). */
export interface PaymentProposal {
  /** Owed now (nothing when the account is in credit). */
  readonly debt: Kopecks;
  /** «Предварительный расчёт за текущий месяц»: the usual month's charge, less any credit. */
  readonly estimate: Kopecks;
  /** Debt plus the estimate: paying it leaves no debt when the month is billed. */
  readonly recommended: Kopecks;
}

/**
 * The estimate is the average of the latest monthly charges. Payments on their way (paid, not yet
 * posted) count as paid: right after paying, the bot does not ask for the same money again.
 */
export function proposePayment(balance: number, recentCharges: readonly number[], onTheirWay: readonly number[] = []): PaymentProposal {
  balance += onTheirWay.reduce((sum, amount) => sum + amount, 0);
  const debt = Math.max(0, -balance);
  const credit = Math.max(0, balance);
  const usual = recentCharges.length ? Math.round(recentCharges.reduce((sum, charge) => sum + charge, 0) / recentCharges.length) : 0;
  const estimate = Math.max(0, usual - credit);
  return { debt: kopecks(debt), estimate: kopecks(estimate), recommended: kopecks(debt + estimate) };
}

export type PaymentOutcome = 'succeeded' | 'failed';

/** What a provider says it took, to compare with the order before settling it. */
export interface ProviderPayment {
  readonly id: string;
  readonly amount: Kopecks;
  readonly currency: string;
}

/**
 * An order is settled only by the payment it started, for its amount, in roubles: a payment
 * for another sum (or another order's payment sent with this order's id) changes nothing.
 */
export function paymentSettlesOrder(order: { readonly amount: Kopecks; readonly providerPaymentId: string | null }, payment: ProviderPayment): boolean {
  return order.providerPaymentId === payment.id && order.amount === payment.amount && payment.currency === 'RUB';
}

/** «Платёж поступит на счёт в течение суток»: until then the balance shows a paid order as pending. */
export const postingTimeMs = 24 * 3600_000;

/** Paid orders confirmed after this moment have not posted yet: the balance does not show them. */
export const pendingSince = (now: Date): Date => new Date(now.getTime() - postingTimeMs);

/** The default of `PAYMENT_CONFIRM_ABOVE_RUB`: a payment above 100 000 ₽ is confirmed first. */
export const defaultPaymentConfirmAbove = kopecks(100_000_00);

/** How long a payment may stay pending before energobot asks the provider itself (a notification may be lost). */
export const reconcileAfterMs = 15 * 60_000;
