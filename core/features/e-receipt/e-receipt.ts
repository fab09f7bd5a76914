import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { AccountNumber } from '../../kernel/account-number';
import { maskEmail } from '../../kernel/address';
import { confirmationLinkValidityMs, type EReceiptChange } from './e-receipt-request';
import { parseEmail } from '../../kernel/email-address';
import { displayPeriod } from '../../kernel/period';
import { currentTerm } from '../receipts/receipt-archive';
import { ok } from '../../kernel/result';
import type { FlowServices } from '../../kernel/services';
import { text, type Text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/** Longest reason kept for unsubscribing: a few sentences. */
const reasonLength = 500;

/**
 * «Электронная квитанция»: subscribe (address and consent, an e-mail), change the e-mail, or
 * unsubscribe (a reason, and what is given up). Nothing changes until the link sent by e-mail
 * is followed; then the chat is told.
 */
export async function eReceipt(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(text('e-receipt-not-linked'));
  const [terms, card] = await Promise.all([services.eReceipts.terms(account), services.accounts.card(account)]);
  const term = currentTerm(terms);
  if (!term) {
    const choice = await chat.choose(text('e-receipt-off', { account }), [
      { value: 'subscribe', label: text('e-receipt-subscribe') },
      { value: 'menu', label: text('action-menu') },
    ]);
    if (choice === 'menu') return toMenu();
    const consent = await chat.choose(text('e-receipt-consent', { address: card?.address ?? '' }), [
      { value: 'yes', label: text('e-receipt-consent-yes') },
      { value: 'no', label: text('answer-no') },
    ]);
    if (consent === 'no') return toMenu(text('e-receipt-nothing-changed'));
    return send(chat, services, account, { kind: 'subscribe', email: await askEmail(chat, card?.email ?? null) });
  }
  const choice = await chat.choose(text('e-receipt-on', { account, email: maskEmail(term.email), since: displayPeriod(term.from) }), [
    { value: 'change', label: text('e-receipt-change-email') },
    { value: 'unsubscribe', label: text('e-receipt-unsubscribe') },
    { value: 'menu', label: text('action-menu') },
  ]);
  if (choice === 'menu') return toMenu();
  if (choice === 'change') {
    const email = await chat.ask(
      text('e-receipt-ask-new-email'),
      (input) => {
        const parsed = parseEmail(input);
        return parsed.ok && parsed.value === term.email ? { ok: false, error: text('e-receipt-same-email') } : parsed;
      },
      { buttons: cancelButtons, notTyped: text('e-receipt-email-not-typed') },
    );
    return send(chat, services, account, { kind: 'change-email', email });
  }
  const reason = await askReason(chat);
  const sure = await chat.choose(text('e-receipt-unsubscribe-confirm'), [
    { value: 'yes', label: text('e-receipt-unsubscribe-yes') },
    { value: 'no', label: text('e-receipt-keep') },
  ]);
  if (sure === 'no') return toMenu(text('e-receipt-nothing-changed'));
  return send(chat, services, account, { kind: 'unsubscribe', email: term.email, reason });
}

/** The account's e-mail with one tap, or another typed. */
async function askEmail(chat: Chat, onFile: string | null): Promise<string> {
  if (onFile) {
    const choice = await chat.choose(text('e-receipt-ask-email', { email: onFile }), [
      { value: 'keep', label: text('e-receipt-keep-email', { email: onFile }) },
      { value: 'other', label: text('e-receipt-other-email') },
    ]);
    if (choice === 'keep') return onFile;
  }
  return chat.ask(text('e-receipt-type-email'), parseEmail, { buttons: cancelButtons, notTyped: text('e-receipt-email-not-typed') });
}

async function askReason(chat: Chat): Promise<string> {
  const reasons: Record<'paper' | 'mail' | 'many', Text> = {
    paper: text('e-receipt-reason-paper'),
    mail: text('e-receipt-reason-no-mail'),
    many: text('e-receipt-reason-too-many'),
  };
  const choice = await chat.choose(text('e-receipt-ask-reason'), [
    { value: 'paper', label: reasons.paper },
    { value: 'mail', label: reasons.mail },
    { value: 'many', label: reasons.many },
    { value: 'other', label: text('e-receipt-reason-other') },
  ]);
  if (choice !== 'other') return choice;
  return chat.ask(
    text('e-receipt-type-reason', { max: reasonLength }),
    (input) => (input.trim().length > reasonLength ? { ok: false, error: text('e-receipt-reason-too-long', { max: reasonLength }) } : ok(input.trim())),
    {
      buttons: cancelButtons,
    },
  );
}

/** Keeps the change until its link is followed, and e-mails the link: to the new address for a new one. */
async function send(chat: Chat, services: FlowServices, account: AccountNumber, change: EReceiptChange): Promise<void> {
  const now = await services.now();
  const { url } = await services.eReceipts.request(
    { account, change, chat: chat.address, locale: chat.locale },
    new Date(now.getTime() + confirmationLinkValidityMs),
  );
  const args = { account, url };
  const say = (message: Text) => services.localizer.format(chat.locale, message);
  const mail =
    change.kind === 'subscribe'
      ? { subject: text('mail-e-receipt-subscribe-subject', args), body: text('mail-e-receipt-subscribe-body', args) }
      : change.kind === 'change-email'
        ? { subject: text('mail-e-receipt-change-subject', args), body: text('mail-e-receipt-change-body', args) }
        : { subject: text('mail-e-receipt-unsubscribe-subject', args), body: text('mail-e-receipt-unsubscribe-body', args) };
  await services.mail.enqueue({ to: change.email, subject: say(mail.subject), text: say(mail.body) });
  await chat.say(text('e-receipt-link-sent', { email: maskEmail(change.email) }), [taskButton('menu')]);
}
