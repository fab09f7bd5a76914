import type { FakeTelegramApi, InlineButton, SentCall } from './fake-telegram-api';
import { plain, type ChannelCustomer, type SeenMessage } from './test-app';

/** A Telegram customer: writes through the fake Bot API and reads what the bot sent back. */
export class TelegramCustomer implements ChannelCustomer {
  private seen = 0;
  private last: SentCall[] = [];

  constructor(
    private readonly api: FakeTelegramApi,
    readonly chatId: number,
  ) {}

  says(text: string): Promise<SeenMessage[]> {
    this.api.customerTypes(this.chatId, text);
    return this.replies();
  }

  sendsPhoto(): Promise<SeenMessage[]> {
    this.api.customerSendsPhoto(this.chatId);
    return this.replies();
  }

  /** Sends a photo or a document; with `replyTo`, as Telegram's «reply» to the bot's message of that text. */
  sendsFile(
    file: { readonly name: string; readonly bytes: Buffer; readonly mime?: string; readonly asPhoto?: boolean },
    replyTo?: string,
  ): Promise<SeenMessage[]> {
    this.api.customerSendsFile(this.chatId, file, replyTo);
    return this.replies();
  }

  /** Answers the bot's message `replied` (its text) with Telegram's «reply». */
  repliesTo(replied: string, text: string): Promise<SeenMessage[]> {
    this.api.customerReplies(this.chatId, replied, text);
    return this.replies();
  }

  /** Presses a button by its data, as a button of an older message would be pressed. */
  pressesData(data: string): Promise<SeenMessage[]> {
    this.api.customerPresses(this.chatId, data);
    return this.replies();
  }

  /** The data of a button the bot sent in this chat, by its label (the latest such button). */
  buttonData(label: string): string {
    const button = this.api
      .messagesTo(this.chatId)
      .flatMap(buttonsOf)
      .reverse()
      .find((candidate) => plain(candidate.text) === label);
    if (!button?.callback_data) throw new Error(`No button "${label}" was sent`);
    return button.callback_data;
  }

  presses(label: string): Promise<SeenMessage[]> {
    const button = this.last.flatMap(buttonsOf).find((candidate) => plain(candidate.text) === label);
    if (!button?.callback_data) throw new Error(`No button "${label}" in ${JSON.stringify(this.last.flatMap(buttonsOf))}`);
    this.api.customerPresses(this.chatId, button.callback_data);
    return this.replies();
  }

  /** The bot confirms an update (a later getUpdates offset) only once it has handled it. */
  async replies(): Promise<SeenMessage[]> {
    while (!this.api.allConfirmed()) await new Promise((resolve) => setTimeout(resolve, 5));
    const sent = this.api.messagesTo(this.chatId);
    this.last = sent.slice(this.seen);
    this.seen = sent.length;
    return this.last.map((call) => ({
      text: plain(fromHtml(String(call.params['text'] ?? call.params['caption']))),
      buttons: buttonsOf(call).map((button) => plain(button.text)),
      ...(call.file && { file: call.file.name }),
    }));
  }
}

function buttonsOf(call: SentCall): InlineButton[] {
  const markup = call.params['reply_markup'] as { inline_keyboard?: InlineButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

/** What the customer reads of a message sent in `parse_mode: 'HTML'`. */
export function fromHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
