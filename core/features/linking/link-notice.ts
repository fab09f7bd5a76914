import type { AccountNumber } from '../../kernel/account-number';
import type { ChatChannel } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { Localizer } from '../../kernel/localizer';
import type { Mail } from '../outbox/ports';
import { moment, text, type TextArg } from '../../kernel/text';

/** Tells the account's e-mail on file about every new link, so a stranger's link does not go unseen. */
export function linkNotice(localizer: Localizer, locale: Locale, notice: { to: string; account: AccountNumber; channel: ChatChannel; at: Date }): Mail {
  const args = { account: notice.account, channel: notice.channel, at: moment(notice.at) };
  return {
    to: notice.to,
    subject: localizer.format(locale, text('mail-link-subject', args)),
    text: localizer.format(locale, text('mail-link-body', args)),
  };
}

/** Tells the account's e-mail that someone failed to prove it owns the account (once a day at most). */
export function linkFailureNotice(localizer: Localizer, locale: Locale, notice: { to: string; account: AccountNumber; at: Date }): Mail {
  const args = { account: notice.account, at: moment(notice.at) };
  return {
    to: notice.to,
    subject: localizer.format(locale, text('mail-link-failed-subject', args)),
    text: localizer.format(locale, text('mail-link-failed-body', args)),
  };
}

/** The confirmation of submitted readings the customer asked to have e-mailed. */
export function readingsNotice(localizer: Localizer, locale: Locale, notice: { to: string; account: AccountNumber; at: Date; rows: TextArg }): Mail {
  const args = { account: notice.account, at: moment(notice.at), rows: notice.rows };
  return {
    to: notice.to,
    subject: localizer.format(locale, text('mail-readings-subject', args)),
    text: localizer.format(locale, text('mail-readings-body', args)),
  };
}
