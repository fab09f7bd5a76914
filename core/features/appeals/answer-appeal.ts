import type { Localizer } from '../../kernel/localizer';
import type { Appeals, AttachmentStore } from './ports';
import type { ChatPushes, MailOutbox } from '../outbox/ports';
import type { AppealMessage, OperatorSignature } from './appeal';
import type { Policy } from '../../kernel/services';
import { appealsMailboxMail } from './mailbox-mail';
import { taskButton } from '../../kernel/actions';
import { attachmentKind, attachmentLimits } from '../../kernel/attachment';
import { text, type Text } from '../../kernel/text';
import { keepable } from '../../kernel/typed-text';
import { keepOperatorFiles } from './appeal-files';

/** An answer the same as one given to the appeal this recently is most likely the same one sent twice. */
export const repeatedAnswerWithinMs = 24 * 3600_000;

/** The operator's earlier answer to the appeal with the same words, within a day: the desk asks before sending it again. */
export function sameAnswerGiven(messages: readonly AppealMessage[], answer: string, now: Date): AppealMessage | undefined {
  const words = (said: string) => keepable(said).trim().replace(/\s+/g, ' ');
  return messages.findLast(
    (message) => message.from === 'operator' && words(message.text) === words(answer) && now.getTime() - Date.parse(message.at) < repeatedAnswerWithinMs,
  );
}

/** Whether an answer to the appeal can still be taken: it exists and is not closed. */
export async function takesAnswers(appeals: Pick<Appeals, 'thread'>, number: string): Promise<boolean> {
  const found = await appeals.thread(number);
  return found !== null && found.appeal.status !== 'closed';
}

/**
 * The files an answer by e-mail brings that the appeal keeps: a letter cannot be asked again, so
 * the files the rule refuses (not an image or a PDF, past the count) are left out and the rest go.
 */
export function filesOfMailedAnswer<F extends { readonly bytes: Buffer }>(files: readonly F[]): { readonly kept: F[]; readonly leftOut: number } {
  const kept = files.filter((file) => attachmentKind(file.bytes).ok).slice(0, attachmentLimits.files);
  return { kept, leftOut: files.length - kept.length };
}

export type AnswerOutcome = 'answered' | 'repeated' | 'unknown' | 'closed' | { readonly refused: Text };

/** What answering an appeal needs, from whichever route. */
export interface AnsweringServices {
  readonly appeals: Appeals;
  readonly pushes: ChatPushes;
  readonly mail: MailOutbox;
  readonly localizer: Localizer;
  readonly attachments: AttachmentStore;
  readonly policy: Pick<Policy, 'appealsMailbox'>;
}

/**
 * An operator answered (from the desk, the API or by e-mail): the answer joins the thread once
 * per key, and goes to the chat the appeal was filed from, in its language, with a way to reply,
 * and to the customer's e-mail.
 */
export async function answerAppeal(
  services: AnsweringServices,
  number: string,
  answer: {
    readonly text: string;
    readonly key: string;
    readonly by: OperatorSignature;
    readonly files?: readonly { readonly name: string; readonly bytes: Buffer }[];
  },
  at: Date,
): Promise<AnswerOutcome> {
  const found = await services.appeals.thread(number);
  if (!found) return 'unknown';
  const { appeal } = found;
  if (appeal.status === 'closed') return 'closed';
  // A caller's key names its reply within the appeal: the same key on another appeal is another reply.
  const key = `${number}:${answer.key}`;
  // Files are kept only for an appeal that takes the answer, all of them or none.
  const kept = await keepOperatorFiles(services.attachments, answer.files ?? []);
  if (!kept.ok) return { refused: kept.error };
  const files = kept.value;
  const said = keepable(answer.text);
  const added = await services.appeals.addMessage(number, { from: 'operator', text: said, at: at.toISOString(), key, files, by: answer.by });
  if (!added) {
    // The answer was given before, with its own copies of the files: these would be nobody's.
    await services.attachments.discard(files.map((file) => file.id));
    return 'repeated';
  }
  const args = { number, answer: said, name: appeal.name };
  await services.pushes.enqueue([
    {
      chat: appeal.chat,
      message: text('push-appeal-answered', args),
      buttons: [
        taskButton('appeals', { argument: `${number}_add`, label: text('appeals-reply') }),
        taskButton('appeals', { argument: number, label: text('appeal-open') }),
      ],
      dedupeKey: `appeal-answer:${key}`,
      files,
    },
  ]);
  await services.mail.enqueue({
    to: appeal.email,
    subject: services.localizer.format(appeal.locale, text('mail-appeal-answered-subject', args)),
    text: services.localizer.format(appeal.locale, text('mail-appeal-answered-body', args)),
    dedupeKey: `appeal-answer:${key}`,
    attachments: files,
  });
  const { appealsMailbox } = services.policy;
  if (appealsMailbox)
    await services.mail.enqueue({
      ...appealsMailboxMail(services.localizer, appealsMailbox, appeal, { kind: 'answer', text: said, files, by: answer.by }),
      dedupeKey: `appeal-answer-copy:${key}`,
    });
  return 'answered';
}

/** An operators' note: kept in the thread for the desk and the API, never shown or sent to the customer. */
export async function noteAppeal(
  appeals: Appeals,
  number: string,
  note: { readonly text: string; readonly key: string; readonly by: OperatorSignature },
  at: Date,
): Promise<'noted' | 'repeated' | 'unknown'> {
  if (!(await appeals.thread(number))) return 'unknown';
  const added = await appeals.addMessage(number, {
    from: 'note',
    text: keepable(note.text),
    at: at.toISOString(),
    key: `${number}:note:${note.key}`,
    by: note.by,
  });
  return added ? 'noted' : 'repeated';
}

/** An operator opened a closed appeal again: it is back in the queue, and the chat is told once. */
export async function reopenAppeal(
  services: { readonly appeals: Appeals; readonly pushes: ChatPushes },
  number: string,
): Promise<'reopened' | 'unknown' | 'not-closed'> {
  const found = await services.appeals.thread(number);
  if (!found) return 'unknown';
  if (!(await services.appeals.reopen(number))) return 'not-closed';
  await services.pushes.enqueue([
    {
      chat: found.appeal.chat,
      message: text('push-appeal-reopened', { number }),
      buttons: [taskButton('appeals', { argument: number, label: text('appeal-open') })],
    },
  ]);
  return 'reopened';
}

/** An operator closed the appeal: the chat is told once. */
export async function closeAppeal(
  services: { readonly appeals: Appeals; readonly pushes: ChatPushes },
  number: string,
  at: Date,
): Promise<'closed' | 'unknown' | 'already-closed'> {
  const found = await services.appeals.thread(number);
  if (!found) return 'unknown';
  if (!(await services.appeals.close(number, at))) return 'already-closed';
  await services.pushes.enqueue([{ chat: found.appeal.chat, message: text('push-appeal-closed', { number }) }]);
  return 'closed';
}
