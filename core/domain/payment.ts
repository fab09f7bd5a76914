import { kopecks, type Kopecks } from './money';

/** What the payment page prefills, as the web account does («рекомендуемый платёж»). */
export interface PaymentProposal {
  /** Owed now (nothing when the account is in credit). */
  readonly debt: Kopecks;
  /** «Предварительный расчёт за текущий месяц»: the usual month's charge, less any credit. */
  readonly estimate: Kopecks;
  /** Debt plus the estimate: paying it leaves no debt when the month is billed. */
  readonly recommended: Kopecks;
}

/** The estimate is the average of the latest monthly charges. */
export function proposePayment(balance: number, recentCharges: readonly number[]): PaymentProposal {
  const debt = Math.max(0, -balance);
  const credit = Math.max(0, balance);
  const usual = recentCharges.length ? Math.round(recentCharges.reduce((sum, charge) => sum + charge, 0) / recentCharges.length) : 0;
  const estimate = Math.max(0, usual - credit);
  return { debt: kopecks(debt), estimate: kopecks(estimate), recommended: kopecks(debt + estimate) };
}

export type PaymentOutcome = 'succeeded' | 'failed';

/** «Платёж поступит на счёт в течение суток»: until then the balance shows a paid order as pending. */
export const postingTimeMs = 24 * 3600_000;

/** Paid orders confirmed after this moment have not posted yet: the balance does not show them. */
export const pendingSince = (now: Date): Date => new Date(now.getTime() - postingTimeMs);

/** How long a payment may stay pending before energobot asks the provider itself (a notification may be lost). */
export const reconcileAfterMs = 15 * 60_000;
