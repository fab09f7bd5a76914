import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Bot } from 'grammy';
import { localize } from '../../core/content/localize';
import type { Localizer } from '../../core/localizer';
import type { FileStore } from '../../core/ports';
import type { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import type { DuePush } from '../../db/repositories/sql-chat-pushes';
import { menuButton } from '../botframework/menu-button';
import { toActivities } from '../botframework/activity-renderer';
import { localeHint } from '../botframework/energobot-activity-handler';
import { sendMessage } from '../telegram/telegram-bot';

export interface PushChannels {
  readonly localizer: Localizer;
  readonly identities: SqlChatIdentities;
  readonly files: FileStore;
  readonly fileUrl: (token: string) => string;
  readonly telegram: Bot | undefined;
  readonly botFramework: { readonly adapter: CloudAdapter; readonly appId: string };
}

/**
 * Sends one queued push on its chat's own channel, in the chat's language, through the same
 * renderers as replies: Telegram by its chat id, Bot Framework as a proactive message to the
 * conversation it last spoke in. A failure is thrown, so the outbox retries it later.
 */
export function createPushSender(channels: PushChannels): (push: DuePush) => Promise<void> {
  return async (push) => {
    const reference = push.chat.channel === 'webchat' ? await channels.identities.conversationOf(push.chat) : null;
    // A chat that never chose a language hears the one its page spoke (Web Chat's `locale`).
    const locale = (await channels.identities.locale(push.chat)) ?? localeHint(reference?.['locale']) ?? 'ru';
    const message = localize(channels.localizer, locale, { content: { kind: 'text', text: push.message }, buttons: [] });
    if (push.chat.channel === 'telegram') {
      if (!channels.telegram) throw new Error('Telegram is not configured in this process');
      await sendMessage(channels.telegram.api, channels.files, Number(push.chat.id), message);
      return;
    }
    if (!reference) throw new Error('no Bot Framework conversation known for this chat yet');
    await channels.botFramework.adapter.continueConversationAsync(channels.botFramework.appId, reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivities(toActivities([message], channels.fileUrl, menuButton(channels.localizer, locale)));
    });
  };
}
