import type { AppealMessage, FiledAppeal, OperatorSignature } from './appeal';
import { topicNames } from './appeal-words';
import type { Localizer } from '../../kernel/localizer';
import type { Mail } from '../outbox/ports';
import { text, words, type Text } from '../../kernel/text';

/** What the mailbox hears of an appeal after it was filed: the customer's addition, or an operator's answer from any route. */
export type MailboxUpdate =
  | { readonly kind: 'addition'; readonly text: string; readonly files?: AppealMessage['files'] }
  | { readonly kind: 'answer'; readonly text: string; readonly files?: AppealMessage['files']; readonly by: OperatorSignature };

export const routeNames: Record<OperatorSignature['route'], Text> = {
  desk: text('appeal-route-desk'),
  api: text('appeal-route-api'),
  mail: text('appeal-route-mail'),
};

/**
 * The appeal as the operators' mailbox gets it, in Russian (the operators' language): a new one
 * opens a mail thread; a customer's addition, and every answer given (on the desk, by the API or
 * by another operator's reply), continue it, so whoever reads the mailbox sees it was answered.
 * Replying to the mail answers the appeal.
 */
export function appealsMailboxMail(localizer: Localizer, mailbox: string, appeal: FiledAppeal, update?: MailboxUpdate): Mail {
  const say = (message: Text) => localizer.format('ru', message);
  const place =
    appeal.appellant.kind === 'customer'
      ? text('mail-appeal-customer', { account: appeal.appellant.account, address: appeal.appellant.address })
      : text('mail-appeal-non-customer', { locality: appeal.appellant.locality, address: appeal.appellant.address });
  const args = {
    number: appeal.number,
    topic: words(topicNames[appeal.topic]),
    name: appeal.name,
    email: appeal.email,
    phone: appeal.phone ?? words(text('appeal-email-only-short')),
    place: words(place),
    message: appeal.message,
  };
  if (update === undefined)
    return {
      to: mailbox,
      subject: say(text('mail-appeal-new-subject', args)),
      text: say(text('mail-appeal-new-body', args)),
      appealThread: { number: appeal.number, first: true },
      attachments: appeal.attachments,
    };
  const body =
    update.kind === 'addition'
      ? text('mail-appeal-addition-body', { ...args, addition: update.text })
      : text('mail-appeal-answer-copy-body', { ...args, answer: update.text, operator: update.by.name, route: words(routeNames[update.by.route]) });
  return {
    to: mailbox,
    subject: say(text('mail-appeal-addition-subject', args)),
    text: say(body),
    appealThread: { number: appeal.number, first: false },
    attachments: update.files ?? [],
  };
}
