import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { AttachmentRef } from '../../kernel/attachment';
import { fail, ok, type Result } from '../../kernel/result';
import { text } from '../../kernel/text';
import { billingPeriod } from '../readings/meter';

/** Topics of «Обращения в компанию», in the order offered; the configuration may name fewer or reorder them. */
export const appealTopics = ['readings', 'payment', 'receipts', 'meter', 'connection', 'outage', 'other'] as const;
export type AppealTopic = (typeof appealTopics)[number];

export function isAppealTopic(value: string): value is AppealTopic {
  return (appealTopics as readonly string[]).includes(value);
}

export type AppealStatus = 'received' | 'answered' | 'closed';

/** Who the appeal is from: a customer (with the account, its address confirmed), or someone who is not one. */
export type Appellant =
  | { readonly kind: 'customer'; readonly account: AccountNumber; readonly address: string }
  | { readonly kind: 'non-customer'; readonly locality: string; readonly address: string };

/** Everything the customer gave, before it is sent: kept as the flow goes, shown in full before sending. */
export interface AppealDraft {
  readonly appellant?: Appellant;
  readonly topic?: AppealTopic;
  readonly name?: string;
  readonly email?: string;
  /** Null: answer by e-mail only. */
  readonly phone?: string | null;
  readonly message?: string;
  /** Photos and documents; absent until the customer has been asked, empty when none. */
  readonly attachments?: readonly AttachmentRef[];
}

export type CompleteDraft = Required<AppealDraft>;

export function isComplete(draft: AppealDraft): draft is CompleteDraft {
  return (
    draft.appellant !== undefined &&
    draft.topic !== undefined &&
    draft.name !== undefined &&
    draft.email !== undefined &&
    draft.phone !== undefined &&
    draft.message !== undefined &&
    draft.attachments !== undefined
  );
}

/** An appeal as filed: its number, where it came from and where the answer goes, and who works on it. */
export interface FiledAppeal extends CompleteDraft {
  readonly number: string;
  readonly chat: ChatAddress;
  readonly locale: Locale;
  readonly status: AppealStatus;
  /** ISO time. */
  readonly filedAt: string;
  /** ISO time of the first answer, from any route; null while none was given. */
  readonly firstAnsweredAt: string | null;
  /** The login of the operator who took it; null: anyone may. */
  readonly assignee: string | null;
  /** ISO time the customer last wrote after the last answer (a follow-up waiting); null when none waits. */
  readonly followUpAt: string | null;
}

/** The ways an operator answers: the desk page, the supplier's system through the API, a reply by e-mail. */
export const answerRoutes = ['desk', 'api', 'mail'] as const;
export type AnswerRoute = (typeof answerRoutes)[number];

/** Who wrote an operator's message, and by which way: shown with it on the desk and in the mailbox. */
export interface OperatorSignature {
  /** The desk operator's login, the name the supplier's system gave, or the replying address. */
  readonly name: string;
  readonly route: AnswerRoute;
}

export interface AppealMessage {
  /** `note`: the operators' own remark, never shown or sent to the customer. */
  readonly from: 'customer' | 'operator' | 'note';
  readonly text: string;
  /** ISO time. */
  readonly at: string;
  readonly files?: readonly AttachmentRef[];
  /** For an operator's answer or note. */
  readonly by?: OperatorSignature;
}

/**
 * The year an appeal is numbered in: the supplier's, in its time zone. At 00:30 on 1 January in
 * Moscow (21:30 on 31 December in UTC) an appeal is the new year's.
 */
export function appealYear(at: Date, timeZone: string): number {
  return Number(billingPeriod(at, timeZone).slice(0, 4));
}

/** «А-2026-000123»: the year it was filed (`appealYear`) and its place in the year's count. */
export function appealNumber(year: number, sequence: number): string {
  return `А-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The number an appeal is known by, wherever it is written (the bot's messages, an e-mail's subject). */
export function appealNumberIn(written: string): string | null {
  return /А-\d{4}-\d{6}/.exec(written)?.[0] ?? null;
}

/**
 * An appeal's number as an operator types it: «А-2026-000123», with a Latin «A» (the keyboards
 * look alike), in lower case, without the dashes; the number as it is kept, or null.
 */
export function parseAppealNumber(typed: string): string | null {
  const match = /^\s*[АAаa]\s*-?\s*(\d{4})\s*-?\s*(\d{6})\s*$/u.exec(typed);
  return match ? appealNumber(Number(match[1]), Number(match[2])) : null;
}

/** Limits of «Ваше сообщение»: long enough to say something, short enough to read. */
export const messageLength = { min: 10, max: 4000 } as const;

export function parseAppealMessage(input: string): Result<string> {
  const message = input.trim();
  if (message.length < messageLength.min) return fail(text('appeal-message-too-short', { min: messageLength.min }));
  if (message.length > messageLength.max) return fail(text('appeal-message-too-long', { max: messageLength.max, length: message.length }));
  return ok(message);
}

/** «Представьтесь, пожалуйста»: a name as people write it, 2 to 100 characters, letters first. */
export function parseName(input: string): Result<string> {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 100 || !/^\p{L}[\p{L}\s.'’-]*$/u.test(name)) return fail(text('appeal-name-invalid', { example: 'Мария Петровна' }));
  return ok(name);
}

/** A Russian mobile number as people type it: `+7 900 123-45-67`, `8 (900) 123 45 67`, `9001234567`; kept as `+79001234567`. */
export function parseMobilePhone(input: string): Result<string> {
  const digits = input.replace(/[\s()\-.]/g, '');
  const match = /^(?:\+7|8|7)?(9\d{9})$/.exec(digits);
  if (!match) return fail(text('appeal-phone-invalid', { example: '+7 900 123-45-67' }));
  return ok(`+7${match[1]}`);
}

/** A locality or an address the question concerns: something a person can find, 3 to 300 characters. */
export function parsePlace(input: string): Result<string> {
  const place = input.trim().replace(/\s+/g, ' ');
  if (place.length < 3 || place.length > 300 || !/\p{L}/u.test(place))
    return fail(text('appeal-place-invalid', { example: 'г. Воронеж, ул. Кольцовская, д. 24, кв. 17' }));
  return ok(place);
}
