import { maskEmail } from '../../kernel/address';
import { eReceiptPeriods, type EReceiptChange, type EReceiptRequest } from './e-receipt-request';
import type { AccountNumber } from '../../kernel/account-number';
import type { Locale } from '../../kernel/locale';
import { billingPeriod } from '../readings/meter';
import { displayPeriod } from '../../kernel/period';
import type { ChatPushes, MailOutbox } from '../outbox/ports';
import type { EReceipts } from './ports';
import type { Settings } from '../accounts/ports';
import type { Localizer } from '../../kernel/localizer';
import { text, type Text } from '../../kernel/text';

export type Confirmation =
  | { readonly outcome: 'confirmed'; readonly locale: Locale; readonly page: Text }
  | { readonly outcome: 'unknown' | 'expired' | 'used'; readonly locale: Locale | null };

/**
 * A link from an e-receipt letter was followed: the change it waited for is made, once, and the
 * chat that asked is told. The page's words come back in the customer's language.
 */
export async function confirmEReceiptChange(
  services: {
    readonly eReceipts: EReceipts;
    readonly pushes: ChatPushes;
    readonly settings: Settings;
    readonly mail: MailOutbox;
    readonly localizer: Localizer;
  },
  token: string,
  now: Date,
  timeZone: string,
): Promise<Confirmation> {
  const taken = await services.eReceipts.take(token, now);
  if ('refused' in taken) return { outcome: taken.refused, locale: taken.locale };
  const { request } = taken;
  const { change } = request;
  const told =
    change.kind === 'account-email'
      ? await changeAccountEmail(services, request, change.email)
      : await apply(services.eReceipts, request.account, change, billingPeriod(now, timeZone));
  await services.pushes.enqueue([{ chat: request.chat, message: told }]);
  return { outcome: 'confirmed', locale: request.locale, page: told };
}

/** «Настройки» → e-mail: changed once the new address's link is followed; the old address is told. */
async function changeAccountEmail(
  services: { readonly settings: Settings; readonly mail: MailOutbox; readonly localizer: Localizer },
  { account, locale }: EReceiptRequest,
  email: string,
): Promise<Text> {
  const old = (await services.settings.of(account))?.email;
  await services.settings.setEmail(account, email);
  if (old && old !== email) {
    const args = { account, email: maskEmail(email) };
    await services.mail.enqueue({
      to: old,
      subject: services.localizer.format(locale, text('mail-email-changed-subject', args)),
      text: services.localizer.format(locale, text('mail-email-changed-body', args)),
    });
  }
  return text('settings-email-changed', { account, email: maskEmail(email) });
}

async function apply(eReceipts: EReceipts, account: AccountNumber, change: Exclude<EReceiptChange, { kind: 'account-email' }>, current: string): Promise<Text> {
  const periods = eReceiptPeriods(current);
  const email = maskEmail(change.email);
  switch (change.kind) {
    case 'subscribe':
      await eReceipts.subscribe(account, change.email, periods.startsWith);
      return text('e-receipt-subscribed', { account, email, since: displayPeriod(periods.startsWith) });
    case 'change-email':
      await eReceipts.changeEmail(account, change.email);
      return text('e-receipt-email-changed', { account, email });
    case 'unsubscribe':
      await eReceipts.unsubscribe(account, periods.paperFrom);
      return text('e-receipt-unsubscribed', { account, paperFrom: displayPeriod(periods.paperFrom) });
  }
}
