import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import { taskButton } from '../../../core/kernel/actions';
import type { AttachmentKind, Input } from '../../../core/kernel/chat';
import type { ChatAddress } from '../../../core/kernel/channel';
import { defaultLocale, isLocale, locales, type Locale } from '../../../core/kernel/locale';
import type { FlowRunner } from '../../../core/runner/flow-runner';
import type { Localizer } from '../../../core/kernel/localizer';
import { privateChatsOnly } from '../../../core/kernel/private-chats-only';
import { menuButton } from './menu-button';
import { toActivities, toActivity } from './activity-renderer';

/** What our own buttons put into `activity.value`; anything else there is ignored. */
const buttonValue = z.object({ data: z.string().min(1).max(64) });
/** Files of one message the bot looks at: Web Chat sends what the customer picked in one go. */
const maxFiles = 10;
/** A link from an e-mail opened the page: its token, as Telegram's `/start` would carry it. */
const startToken = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** The page's language link was pressed: the chat's language is chosen, as `/language` would. */
const chosenLocale = z.enum(locales);

/** Where the bot can reach a chat later on its own (proactive messages). */
export interface ConversationBook {
  rememberConversation(chat: ChatAddress, reference: Record<string, unknown>): Promise<void>;
}

/** Chats whose conversation this process remembers writing; past it, a chat's next turn writes again. */
const knownChatsMax = 10_000;

/**
 * The Bot Framework adapter: a message (typed, a button's `messageBack`, or an attachment)
 * becomes the runner's input, and what the flow said is rendered by `activity-renderer`.
 */
export class EnergobotActivityHandler {
  /** The conversation last written per chat in this process: the database is written only on a change. */
  private readonly known = new Map<string, string>();

  /** `fileUrl` turns a stored file's token into its download link (the token is the signature, and expires). */
  constructor(
    private readonly runner: FlowRunner,
    private readonly fileUrl: (token: string) => string,
    private readonly conversations: ConversationBook,
    private readonly localizer: Localizer,
  ) {}

  async onTurn(context: TurnContext): Promise<void> {
    const input = inputOf(context.activity);
    if (!input || !context.activity.id) return;
    // A group conversation (Teams, a shared widget) is told where the bot works, and nothing else happens.
    if (context.activity.conversation.isGroup) {
      if (context.activity.type === ActivityTypes.Message)
        await context.sendActivity(toActivity(privateChatsOnly(this.localizer, localeHint(context.activity.locale) ?? defaultLocale), this.fileUrl));
      return;
    }
    const chat: ChatAddress = { channel: 'webchat', id: context.activity.from.id };
    await this.remember(chat, context);
    const hint = localeHint(context.activity.locale);
    await this.runner.handle({ chat, updateId: context.activity.id, input, ...(hint && { localeHint: hint }) }, async (reply) => {
      if (reply.notice) await context.sendActivity(toActivity({ kind: 'text', text: reply.notice, buttons: [] }, this.fileUrl));
      else if (reply.messages.length > 0) {
        const locale = reply.locale ?? defaultLocale;
        // Each reply says its language: the web page follows the chat's choice (its own texts, Web Chat's placeholder and times).
        const activities = toActivities(reply.messages, this.fileUrl, menuButton(this.localizer, locale)).map((activity) => ({
          ...activity,
          locale: webChatLocale(locale),
        }));
        await context.sendActivities(activities);
      }
    });
  }

  private async remember(chat: ChatAddress, context: TurnContext): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const where = `${reference.serviceUrl}|${reference.conversation?.id}`;
    if (this.known.get(chat.id) === where) return;
    await this.conversations.rememberConversation(chat, JSON.parse(JSON.stringify(reference)) as Record<string, unknown>);
    this.known.set(chat.id, where);
    // Only recent chats are remembered here: the oldest goes first (a Map keeps insertion order).
    if (this.known.size > knownChatsMax) this.known.delete(this.known.keys().next().value as string);
  }
}

/** A language as Web Chat names it (its `locale` prop and the activities' `locale`). */
export function webChatLocale(locale: Locale): string {
  return locale === 'en' ? 'en-US' : 'ru-RU';
}

/** Web Chat sends the page's language (`ru-RU`, `en-US`); the bot answers in it until the customer chooses. */
export function localeHint(locale: unknown): Locale | undefined {
  const language = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return isLocale(language) ? language : undefined;
}

function inputOf(activity: Activity): Input | null {
  if (activity.type === ActivityTypes.Message) {
    const button = buttonValue.safeParse(activity.value);
    if (button.success) return { kind: 'button', data: button.data.data };
    const attachment = activity.attachments?.[0];
    if (attachment && !activity.text) {
      // Read by the flow that keeps them, in this same turn: Direct Line's links do not last.
      const files = (activity.attachments ?? [])
        .slice(0, maxFiles)
        .flatMap((one) => (one.contentUrl ? [{ ref: one.contentUrl, ...(one.name && { name: one.name }), mime: one.contentType }] : []));
      return { kind: 'attachment', what: attachmentOf(attachment.contentType), ...(files.length > 0 && { files }) };
    }
    return { kind: 'text', text: activity.text ?? '' };
  }
  if (activity.type === ActivityTypes.Event && activity.name === 'start') {
    const token = startToken.safeParse(activity.value);
    return token.success ? { kind: 'button', data: taskButton('start', { argument: token.data }).data } : null;
  }
  if (activity.type === ActivityTypes.Event && activity.name === 'language') {
    const locale = chosenLocale.safeParse(activity.value);
    return locale.success ? { kind: 'button', data: taskButton('language', { argument: locale.data }).data } : null;
  }
  // A new conversation with the customer in it: greet them before they type.
  const customerJoined = activity.membersAdded?.some((member) => member.id !== activity.recipient.id);
  return activity.type === ActivityTypes.ConversationUpdate && customerJoined ? { kind: 'button', data: taskButton('start').data } : null;
}

function attachmentOf(contentType: string): AttachmentKind {
  if (contentType.startsWith('image/')) return 'photo';
  if (contentType.startsWith('audio/')) return 'voice';
  if (contentType.startsWith('video/')) return 'video';
  return 'document';
}
