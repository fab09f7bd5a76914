import { BillingUnavailable } from '../kernel/billing-unavailable';
import { toMenu, type FlowEnd } from '../kernel/flow-end';
import { text } from '../kernel/text';

const mark = 'billingUnavailable';

/**
 * The replay engine waits for ever on an action that threw but whose flow went on: billing's
 * absence is therefore kept as the action's answer (replayed the same on the next turn), and
 * thrown again outside the action, where the flow can catch it (readings kept for later).
 */
export function keptAsAnswer(error: unknown): { readonly [mark]: string } {
  if (error instanceof BillingUnavailable) return { [mark]: error.endpoint };
  throw error;
}

export function thrownAgain<R>(answer: R): R {
  if (typeof answer === 'object' && answer !== null && mark in answer) throw new BillingUnavailable(String((answer as Record<string, unknown>)[mark]));
  return answer;
}

/** Billing away, with nothing of it kept: the task ends with a clear word instead of a failed update, and the chat is free again. */
export function answerWithoutBilling(error: unknown): FlowEnd {
  if (error instanceof BillingUnavailable) return toMenu(text('billing-unavailable'));
  throw error;
}
