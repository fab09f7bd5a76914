import type { FakeTelegramApi, InlineButton } from './fake-telegram-api';
import { plain } from './test-app';

export const webhookSecret = 'webhook-secret-for-the-fault-tests';

/** The bot in production shape on stores of a test's own, with Telegram's webhook pointing at the fake Bot API. */
export function webhookEnv(
  stores: { readonly postgresUrl: string; readonly redisUrl: string },
  api: { readonly token: string; readonly apiRoot: string },
): Record<string, string> {
  return {
    DATABASE_URL: stores.postgresUrl,
    PAYMENTS_PROVIDER: 'sandbox',
    REDIS_URL: stores.redisUrl,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: webhookSecret,
  };
}

/**
 * Telegram delivering to the webhook, as it does: an update is posted, and one that was not
 * answered 200 is posted again later. Each update this customer makes is kept for that.
 */
export class WebhookCustomer {
  readonly failed: Record<string, unknown>[] = [];

  constructor(
    private readonly api: FakeTelegramApi,
    private readonly botUrl: () => string,
    readonly chatId: number,
  ) {}

  says(text: string): Promise<number> {
    return this.deliver(this.api.customerTypes(this.chatId, text));
  }

  presses(label: string): Promise<number> {
    const button = this.api
      .messagesTo(this.chatId)
      .flatMap((call) => (call.params['reply_markup'] as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard?.flat() ?? [])
      .reverse()
      .find((candidate) => plain(candidate.text) === label);
    if (!button?.callback_data) throw new Error(`No button "${label}" was sent to ${this.chatId}`);
    return this.deliver(this.api.customerPresses(this.chatId, button.callback_data));
  }

  /** Posts the update; a status other than 200 keeps it for `redeliver`. */
  async deliver(update: Record<string, unknown>): Promise<number> {
    const status = await fetch(`${this.botUrl()}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret },
      body: JSON.stringify(update),
    }).then(
      (response) => response.status,
      () => 0,
    );
    if (status !== 200) this.failed.push(update);
    return status;
  }

  /** Delivers the failed updates again, in order; the statuses they got. */
  async redeliver(): Promise<number[]> {
    const waiting = this.failed.splice(0);
    const statuses: number[] = [];
    for (const update of waiting) statuses.push(await this.deliver(update));
    return statuses;
  }

  /** The texts the bot sent to this chat, as the customer reads them. */
  texts(): string[] {
    return this.api.messagesTo(this.chatId).map((call) => plain(String(call.params['text'] ?? call.params['caption'])).replace(/<[^>]+>/g, ''));
  }
}
