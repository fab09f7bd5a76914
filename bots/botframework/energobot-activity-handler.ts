import { ActionTypes, ActivityTypes, MessageFactory, TurnContext, type Activity, type CardAction } from 'botbuilder';
import { z } from 'zod';
import type { Input } from '../../core/chat';
import type { ChatAddress } from '../../core/domain/channel';
import { isLocale, type Locale } from '../../core/domain/locale';
import { actionButton } from '../../core/global-actions';
import type { FlowRunner, OutgoingMessage } from '../../core/runner/flow-runner';

/** What our own buttons put into `activity.value`; anything else there is ignored. */
const buttonValue = z.object({ data: z.string().min(1).max(64) });

/**
 * The Bot Framework adapter: a message (typed, or a button's `messageBack`) becomes the runner's
 * input, and what the flow said becomes activities with suggested actions.
 */
/** Where the bot can reach a chat later on its own (proactive messages). */
export interface ConversationBook {
  rememberConversation(chat: ChatAddress, reference: Record<string, unknown>): Promise<void>;
}

export class EnergobotActivityHandler {
  /** The conversation last written per chat in this process: the database is written only on a change. */
  private readonly known = new Map<string, string>();

  /** `fileUrl` turns a stored file's token into its download link (the token is the signature, and expires). */
  constructor(
    private readonly runner: FlowRunner,
    private readonly fileUrl: (token: string) => string,
    private readonly conversations: ConversationBook,
  ) {}

  async onTurn(context: TurnContext): Promise<void> {
    const input = inputOf(context.activity);
    if (!input || !context.activity.id) return;
    const chat: ChatAddress = { channel: 'webchat', id: context.activity.from.id };
    await this.remember(chat, context);
    const hint = localeHint(context.activity.locale);
    const replies = await this.runner.handle({
      chat,
      updateId: context.activity.id,
      input,
      ...(hint && { localeHint: hint }),
    });
    if (replies.length > 0) await context.sendActivities(replies.map((reply) => toActivity(reply, this.fileUrl)));
  }

  private async remember(chat: ChatAddress, context: TurnContext): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const where = `${reference.serviceUrl}|${reference.conversation?.id}`;
    if (this.known.get(chat.id) === where) return;
    await this.conversations.rememberConversation(chat, JSON.parse(JSON.stringify(reference)) as Record<string, unknown>);
    this.known.set(chat.id, where);
  }
}

/** Web Chat sends the page's language (`ru-RU`, `en-US`); the bot answers in it until the customer chooses. */
export function localeHint(locale: unknown): Locale | undefined {
  const language = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return isLocale(language) ? language : undefined;
}

function inputOf(activity: Activity): Input | null {
  if (activity.type === ActivityTypes.Message) {
    const button = buttonValue.safeParse(activity.value);
    return button.success ? { kind: 'button', data: button.data.data } : { kind: 'text', text: activity.text ?? '' };
  }
  // A new conversation with the customer in it: greet them before they type.
  const customerJoined = activity.membersAdded?.some((member) => member.id !== activity.recipient.id);
  return activity.type === ActivityTypes.ConversationUpdate && customerJoined ? { kind: 'button', data: actionButton('start').data } : null;
}

/** Plain text: our texts are not Markdown, and a masked address ("д. 2*") must not turn italic. */
export function toActivity(reply: OutgoingMessage, fileUrl: (token: string) => string): Partial<Activity> {
  if (reply.file) {
    const attachment = { contentType: reply.file.mime, contentUrl: fileUrl(reply.file.id), name: reply.file.name };
    return { ...MessageFactory.attachment(attachment, reply.text), textFormat: 'plain' };
  }
  if (reply.buttons.length === 0) return { ...MessageFactory.text(reply.text), textFormat: 'plain' };
  const actions: CardAction[] = reply.buttons.map((button) =>
    'url' in button
      ? { type: ActionTypes.OpenUrl, title: button.label, value: button.url }
      : { type: ActionTypes.MessageBack, title: button.label, displayText: button.label, text: button.label, value: { data: button.data } },
  );
  return { ...MessageFactory.suggestedActions(actions, reply.text), textFormat: 'plain' };
}
