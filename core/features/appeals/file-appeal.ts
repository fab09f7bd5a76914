import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import {
  appealYear,
  isAppealTopic,
  isComplete,
  messageLength,
  parseAppealMessage,
  parseMobilePhone,
  parseName,
  parsePlace,
  type AppealDraft,
  type AppealTopic,
  type Appellant,
  type CompleteDraft,
} from './appeal';
import { parseEmail } from '../../kernel/email-address';
import type { FlowServices } from '../../kernel/services';
import { moment, text } from '../../kernel/text';
import { cancelButtons, confirmedAccount } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { draftFacts, topicNames } from './appeal-words';
import { appealsMailboxMail } from './mailbox-mail';
import { attachFiles } from './attach-files';

type Field = 'topic' | 'name' | 'email' | 'phone' | 'place' | 'message' | 'attachments';

/**
 * «Написать обращение», as the seed describes it: who writes (the linked account, an account
 * number with its address confirmed, or «Не клиент компании» with a locality), topic, name,
 * e-mail, phone or e-mail only, the address for a non-customer, the message, photos or
 * documents if the customer has any; then the draft in
 * full, to send or to edit one field. The draft is kept in the database at every step, so a
 * reload, a restart or another task in between loses nothing: coming back offers it.
 */
export async function fileAppeal(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  let draft: AppealDraft = {};
  const kept = await services.appeals.draft(chat.address);
  if (kept) {
    const choice = await chat.choose(text('appeal-draft-kept', { at: moment(new Date(kept.savedAt)) }), [
      { value: 'continue', label: text('appeal-draft-continue') },
      { value: 'new', label: text('appeal-draft-new') },
    ]);
    if (choice === 'continue') draft = kept.draft;
  }
  draft = withArgument(draft, argument, services.policy.appealTopics);
  const save = async (next: AppealDraft) => {
    draft = next;
    await services.appeals.saveDraft(chat.address, draft, await services.now());
  };

  if (!draft.appellant) {
    const appellant = await askAppellant(chat, services);
    if (!appellant) return toMenu();
    await save({ ...draft, appellant });
  }
  for (const field of ['topic', 'name', 'email', 'phone', 'place', 'message', 'attachments'] as const) {
    if (!filled(draft, field)) await save(await ask(chat, services, draft, field, save));
  }
  for (;;) {
    if (!isComplete(draft)) return toMenu();
    const complete: CompleteDraft = draft;
    await chat.show({ kind: 'facts', title: text('appeal-draft-title'), facts: draftFacts(complete) });
    const action = await chat.choose(text('appeal-draft-message', { message: complete.message }), [
      { value: 'send', label: text('appeal-send') },
      { value: 'edit', label: text('appeal-edit') },
      { value: 'drop', label: text('appeal-drop') },
    ]);
    if (action === 'drop') {
      await services.appeals.dropDraft(chat.address);
      return toMenu(text('appeal-dropped'));
    }
    if (action === 'send') return send(chat, services, complete);
    const field = await chat.choose(text('appeal-edit-which'), [
      { value: 'topic', label: text('appeal-field-topic') },
      { value: 'name', label: text('appeal-field-name') },
      { value: 'email', label: text('appeal-field-email') },
      { value: 'phone', label: text('appeal-field-phone') },
      ...(complete.appellant.kind === 'non-customer' ? [{ value: 'place' as const, label: text('appeal-field-address') }] : []),
      { value: 'message', label: text('appeal-field-message') },
      { value: 'attachments', label: text('appeal-field-attachments') },
    ]);
    await save(await ask(chat, services, draft, field, save));
  }
}

/**
 * What the task was started with (the intent matcher's reading of a typed complaint): `text:<words>`
 * fills the message, `topic:<id>` the topic. Only fields still empty: a kept draft's own answers
 * stay. Nothing is sent on it: the customer still sees the whole draft and confirms or edits.
 */
function withArgument(draft: AppealDraft, argument: string | undefined, topics: readonly AppealTopic[]): AppealDraft {
  const [kind, ...rest] = (argument ?? '').split(':');
  const value = rest.join(':');
  if (kind === 'text' && draft.message === undefined) {
    const message = parseAppealMessage(value);
    return message.ok ? { ...draft, message: message.value } : draft;
  }
  if (kind === 'topic' && draft.topic === undefined && isAppealTopic(value) && topics.includes(value)) return { ...draft, topic: value };
  return draft;
}

function filled(draft: AppealDraft, field: Field): boolean {
  if (field === 'place') return draft.appellant?.kind !== 'non-customer' || draft.appellant.address !== '';
  return draft[field] !== undefined;
}

/** The linked account; otherwise an account number with its address confirmed, or «Не клиент компании» and a locality. */
async function askAppellant(chat: Chat, services: FlowServices): Promise<Appellant | null> {
  const linked = await activeAccount(chat, services);
  const card = linked && (await services.accounts.card(linked));
  if (card) return { kind: 'customer', account: card.number, address: card.address };
  const who = await chat.choose(text('appeal-ask-who'), [
    { value: 'customer', label: text('appeal-who-customer') },
    { value: 'other', label: text('appeal-who-other') },
  ]);
  if (who === 'customer') {
    const confirmed = await confirmedAccount(chat, services, [], 'appeal');
    return confirmed && { kind: 'customer', account: confirmed.number, address: confirmed.address };
  }
  const locality = await chat.ask(text('appeal-ask-locality'), parsePlace, { buttons: cancelButtons, notTyped: text('appeal-type-please') });
  return { kind: 'non-customer', locality, address: '' };
}

/** Asks one field, the first time or to change it; the draft with it (files are saved one by one as they come). */
async function ask(chat: Chat, services: FlowServices, draft: AppealDraft, field: Field, save: (draft: AppealDraft) => Promise<void>): Promise<AppealDraft> {
  const typed = { buttons: cancelButtons, notTyped: text('appeal-type-please') };
  switch (field) {
    case 'topic': {
      const topics = services.policy.appealTopics;
      return {
        ...draft,
        topic: await chat.choose(
          text('appeal-ask-topic'),
          topics.map((topic) => ({ value: topic, label: topicNames[topic] })),
        ),
      };
    }
    case 'name':
      return { ...draft, name: await chat.ask(text('appeal-ask-name'), parseName, typed) };
    case 'email': {
      const onFile = draft.appellant?.kind === 'customer' ? (await services.accounts.card(draft.appellant.account))?.email : null;
      if (!onFile) return { ...draft, email: await chat.ask(text('appeal-ask-email'), parseEmail, typed) };
      const answer = await chat.askOrChoose(
        text('appeal-ask-email-kept', { email: onFile }),
        parseEmail,
        [{ value: 'keep', label: text('appeal-keep-email', { email: onFile }) }],
        typed,
      );
      return { ...draft, email: 'chosen' in answer ? onFile : answer.typed };
    }
    case 'phone': {
      const answer = await chat.askOrChoose(text('appeal-ask-phone'), parseMobilePhone, [{ value: 'email-only', label: text('appeal-email-only') }], typed);
      return { ...draft, phone: 'chosen' in answer ? null : answer.typed };
    }
    case 'place': {
      if (draft.appellant?.kind !== 'non-customer') return draft;
      // The locality was asked first: only the rest of the address now, never the locality again.
      const address = await chat.ask(text('appeal-ask-address', { locality: draft.appellant.locality }), parsePlace, typed);
      return { ...draft, appellant: { ...draft.appellant, address } };
    }
    case 'message':
      return {
        ...draft,
        message: await chat.ask(text('appeal-ask-message', { max: messageLength.max }), parseAppealMessage, { ...typed, notTyped: text('appeal-files-later') }),
      };
    case 'attachments': {
      const attachments = await attachFiles(chat, services, draft.attachments ?? [], (files) => save({ ...draft, attachments: files }));
      return { ...draft, attachments };
    }
  }
}

async function send(chat: Chat, services: FlowServices, draft: CompleteDraft): Promise<void> {
  const at = await services.now();
  const appeal = await services.appeals.file({ draft, chat: chat.address, locale: chat.locale, at, year: appealYear(at, services.localizer.timeZone) });
  await services.appeals.dropDraft(chat.address);
  chat.settled();
  const args = { number: appeal.number, email: draft.email };
  await services.mail.enqueue({
    to: draft.email,
    subject: services.localizer.format(chat.locale, text('mail-appeal-filed-subject', args)),
    text: services.localizer.format(chat.locale, text('mail-appeal-filed-body', { ...args, name: draft.name, message: draft.message })),
  });
  if (services.policy.appealsMailbox) await services.mail.enqueue(appealsMailboxMail(services.localizer, services.policy.appealsMailbox, appeal));
  await chat.say(text('appeal-filed', args), [taskButton('appeals', { argument: appeal.number, label: text('appeal-open') }), taskButton('menu')]);
}
