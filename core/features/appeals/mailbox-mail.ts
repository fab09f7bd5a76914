import type { AppealMessage, FiledAppeal } from './appeal';
import { topicNames } from './appeal-words';
import type { Localizer } from '../../kernel/localizer';
import type { Mail } from '../outbox/ports';
import { text, words, type Text } from '../../kernel/text';

/**
 * The appeal as the operators' mailbox gets it, in Russian (the operators' language): a new one
 * opens a mail thread, a customer's addition continues it. Replying to the mail answers the appeal.
 */
export function appealsMailboxMail(localizer: Localizer, mailbox: string, appeal: FiledAppeal, addition?: Pick<AppealMessage, 'text' | 'files'>): Mail {
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
  return addition === undefined
    ? {
        to: mailbox,
        subject: say(text('mail-appeal-new-subject', args)),
        text: say(text('mail-appeal-new-body', args)),
        appealThread: { number: appeal.number, first: true },
        attachments: appeal.attachments,
      }
    : {
        to: mailbox,
        subject: say(text('mail-appeal-addition-subject', args)),
        text: say(text('mail-appeal-addition-body', { ...args, addition: addition.text })),
        appealThread: { number: appeal.number, first: false },
        attachments: addition.files ?? [],
      };
}
