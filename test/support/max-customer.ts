import { fromHtml } from './telegram-customer';
import type { CustomerFile, FakeMaxApi, MaxButton, SentMaxMessage } from './fake-max-api';
import { plain, type ChannelCustomer, type SeenMessage } from './test-app';

/** A MAX customer: writes through the fake MAX API and reads what the bot sent back into their dialog. */
export class MaxCustomer implements ChannelCustomer {
  private seen = 0;
  private last: SentMaxMessage[] = [];

  constructor(
    private readonly api: FakeMaxApi,
    readonly userId: number,
  ) {}

  /** Presses Start, from a deep link when `payload` is given: MAX sends no «/start» text of its own. */
  starts(payload?: string): Promise<SeenMessage[]> {
    this.api.customerStarts(this.userId, payload);
    return this.replies();
  }

  /** «/start» typed is Start pressed: MAX's own button sends `bot_started`, so scripts written for every channel start the same. */
  says(text: string): Promise<SeenMessage[]> {
    if (text === '/start') return this.starts();
    this.api.customerTypes(this.userId, text);
    return this.replies();
  }

  sendsPhoto(): Promise<SeenMessage[]> {
    return this.sendsFile({ name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), asPhoto: true });
  }

  sendsFile(file: CustomerFile, replyTo?: string): Promise<SeenMessage[]> {
    this.api.customerSendsFile(this.userId, file, replyTo);
    return this.replies();
  }

  sendsSticker(): Promise<SeenMessage[]> {
    this.api.customerSendsSticker(this.userId);
    return this.replies();
  }

  /** Answers the bot's message `replied` (its text) with MAX's «Ответить». */
  repliesTo(replied: string, text: string): Promise<SeenMessage[]> {
    this.api.customerReplies(this.userId, replied, text);
    return this.replies();
  }

  /** Presses a button by its payload, as a button of an older message would be pressed. */
  pressesData(payload: string): Promise<SeenMessage[]> {
    this.api.customerPresses(this.userId, payload);
    return this.replies();
  }

  /** The payload of a button the bot sent in this dialog, by its label (the latest such button). */
  buttonData(label: string): string {
    const button = this.api
      .messagesTo(this.userId)
      .flatMap(buttonsOf)
      .reverse()
      .find((candidate) => plain(candidate.text) === label);
    if (!button?.payload) throw new Error(`No button "${label}" was sent`);
    return button.payload;
  }

  /** The address of a link button the bot sent, by its label (the latest such button). */
  linkOf(label: string): string {
    const button = this.api
      .messagesTo(this.userId)
      .flatMap(buttonsOf)
      .reverse()
      .find((candidate) => plain(candidate.text) === label && candidate.type === 'link');
    if (!button?.url) throw new Error(`No link button "${label}" was sent`);
    return button.url;
  }

  presses(label: string): Promise<SeenMessage[]> {
    const button = this.last.flatMap(buttonsOf).find((candidate) => plain(candidate.text) === label && candidate.type === 'callback');
    if (!button?.payload) throw new Error(`No button "${label}" in ${JSON.stringify(this.last.flatMap(buttonsOf))}`);
    return this.pressesData(button.payload);
  }

  /** The bot has taken an update once polling confirmed it or the webhook answered 200: by then it has replied. */
  async replies(): Promise<SeenMessage[]> {
    while (!this.api.allConfirmed()) await new Promise((resolve) => setTimeout(resolve, 5));
    const sent = this.api.messagesTo(this.userId);
    this.last = sent.slice(this.seen);
    this.seen = sent.length;
    return this.last.map(seenOf);
  }
}

/** What the customer reads of a message the bot sent in MAX's `html` format. */
export function seenOf(message: SentMaxMessage): SeenMessage {
  return {
    text: plain(fromHtml(message.text)),
    buttons: buttonsOf(message).map((button) => plain(button.text)),
    ...(message.file && { file: message.file.name }),
  };
}

function buttonsOf(message: SentMaxMessage): MaxButton[] {
  return message.buttons.flat();
}
