import type { Locale } from '../../kernel/locale';
import { billingPeriod } from '../readings/meter';
import { displayPeriod, shiftPeriod } from '../../kernel/period';
import type { Localizer } from '../../kernel/localizer';
import type { ChatPushes, MailOutbox } from '../outbox/ports';
import type { DeepLinks } from '../start/ports';
import type { EReceipts } from '../e-receipt/ports';
import type { MonthlyReceiptChats } from './ports';
import { text, type Text } from '../../kernel/text';
import { taskButton } from '../../kernel/actions';

/** The e-receipt is the supplier's letter: in Russian, like the paper one it replaces, and so is the receipt in it. */
export const letterLocale: Locale = 'ru';

/** Mail links open the chat for this long (domain: the e-receipt's «Оплатить и передать показания»). */
export const receiptLinkValidityMs = 30 * 24 * 3600_000;

export type ReceiptPublication =
  /** Chats and e-mails queued now (a repeated publication queues none twice). */
  | { readonly chats: number; readonly mails: number }
  /** Billing publishes a month once it is over, and only the latest: an old month sent again would tell every chat of a bill long paid. */
  | { readonly refused: 'period-not-over' | 'period-not-latest' };

/**
 * Billing published a month: every chat that asked gets the account's receipt, and every
 * e-receipt subscriber gets it by e-mail with links that open the chat to pay or send readings.
 * Each goes through a persistent outbox under a key of its own, so publishing again (or twice at
 * once) sends nothing twice.
 */
export async function publishReceipts(
  services: {
    readonly monthlyReceipts: MonthlyReceiptChats;
    readonly eReceipts: EReceipts;
    readonly pushes: ChatPushes;
    readonly mail: MailOutbox;
    readonly links: DeepLinks;
    readonly localizer: Localizer;
  },
  period: string,
  now: Date,
): Promise<ReceiptPublication> {
  const current = billingPeriod(now, services.localizer.timeZone);
  if (period >= current) return { refused: 'period-not-over' };
  if (period !== shiftPeriod(current, -1)) return { refused: 'period-not-latest' };
  const shown = displayPeriod(period);
  const chats = await services.pushes.enqueue(
    (await services.monthlyReceipts.all()).map(({ chat, account }) => ({
      chat,
      message: text('push-monthly-receipt', { period: shown }),
      receipt: { account, period },
      // «Не присылать» stops these pushes for this chat and account, whichever account the chat acts for then.
      buttons: [taskButton('monthly', { argument: `off:${account}`, label: text('receipts-stop-monthly') })],
      dedupeKey: `receipt:${period}:${chat.channel}:${chat.id}:${account}`,
    })),
  );
  let mails = 0;
  const validUntil = new Date(now.getTime() + receiptLinkValidityMs);
  for (const { account, email } of await services.eReceipts.subscribersOf(period)) {
    const [pay, readings] = await Promise.all([services.links.sign(account, 'pay', validUntil), services.links.sign(account, 'readings', validUntil)]);
    const [payUrls, readingsUrls] = await Promise.all([services.links.urls(pay), services.links.urls(readings)]);
    const args = { account, period: shown };
    const say = (message: Text) => services.localizer.format(letterLocale, message);
    const queued = await services.mail.enqueue({
      to: email,
      subject: say(text('mail-e-receipt-subject', args)),
      text: say(text('mail-e-receipt-body', args)),
      links: [
        { label: say(text('mail-e-receipt-pay', args)), url: payUrls.telegram ?? payUrls.max ?? payUrls.webChat },
        { label: say(text('mail-e-receipt-readings', args)), url: readingsUrls.telegram ?? readingsUrls.max ?? readingsUrls.webChat },
        // The links above open the first messenger there is; the others are offered besides.
        ...(payUrls.telegram && payUrls.max ? [{ label: say(text('mail-e-receipt-max', args)), url: payUrls.max }] : []),
        ...(payUrls.telegram || payUrls.max ? [{ label: say(text('mail-e-receipt-web-chat', args)), url: payUrls.webChat }] : []),
      ],
      receipt: { account, period },
      toEReceiptAddress: true,
      dedupeKey: `e-receipt:${period}:${account}`,
    });
    if (queued) mails += 1;
  }
  return { chats, mails };
}
