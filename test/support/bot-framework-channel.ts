import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { plain, type ChannelCustomer, type SeenMessage } from './test-app';

export interface CapturedActivity {
  readonly path: string;
  readonly type: string;
  readonly text?: string;
  /** The plain-text form of a card, for channels without cards. */
  readonly summary?: string;
  readonly replyToId?: string;
  /** The language of a reply (`en-US`): the web page follows it. */
  readonly locale?: string;
  readonly suggestedActions?: { actions: { title: string; value?: { data: string } }[] };
  readonly attachments?: { contentType: string; contentUrl?: string; name?: string; content?: { body: Record<string, unknown>[] } }[];
  readonly conversation: { id: string };
}

/**
 * Plays the Bot Framework channel: posts activities to the bot's `/api/messages` and takes the
 * bot's replies at its own `serviceUrl`, as the Bot Connector service would.
 */
export class BotFrameworkChannel {
  readonly received: CapturedActivity[] = [];
  private readonly server: Server;
  private nextId = 1;
  private port = 0;
  private failures: number[] = [];
  private conditional: { matches: (activity: CapturedActivity) => boolean; status: number } | undefined;
  private arrivals: (() => void)[] = [];

  constructor(private readonly botUrl: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Omit<CapturedActivity, 'path'>;
        const failure = this.failures.shift() ?? (this.conditional?.matches({ ...activity, path: req.url ?? '' }) ? this.conditional.status : undefined);
        if (failure) {
          res.writeHead(failure, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'Refused', message: 'refused by the test' } }));
          return;
        }
        this.received.push({ ...activity, path: req.url ?? '' });
        for (const arrival of this.arrivals.splice(0)) arrival();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
      });
    });
  }

  /** Resolves once an activity that `matches` has been received (at once if one was). */
  async waitFor(matches: (activity: CapturedActivity) => boolean): Promise<CapturedActivity> {
    for (;;) {
      const found = this.received.find(matches);
      if (found) return found;
      await new Promise<void>((resolve) => this.arrivals.push(resolve));
    }
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Starts listening, on the port it had before when it is started again. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Activities that `matches` are refused with `status` (500 unless given). */
  failWhen(matches: (activity: CapturedActivity) => boolean, status = 500): void {
    this.conditional = { matches, status };
  }

  /** The next `count` activities the bot sends are refused with `status`. */
  failNext(status: number, count = 1): void {
    this.failures.push(...Array<number>(count).fill(status));
  }

  /** Posts one activity from a user; resolves with the replies it produced. */
  async post(activity: Record<string, unknown>, userId = 'user-1'): Promise<{ status: number; replies: CapturedActivity[] }> {
    const before = this.received.length;
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `activity-${this.nextId++}`,
        channelId: 'webchat',
        serviceUrl: this.serviceUrl,
        from: { id: userId, name: 'Клиент' },
        recipient: { id: 'energobot', name: 'energobot' },
        conversation: { id: `conversation-${userId}` },
        timestamp: new Date().toISOString(),
        ...activity,
      }),
    });
    return { status: response.status, replies: this.received.slice(before) };
  }

  /** A web-chat customer; `locale` is the page's language, sent with every activity as Web Chat does. */
  customer(userId: string, locale?: string): ChannelCustomer {
    let last: CapturedActivity[] = [];
    const seen = async (activity: Record<string, unknown>): Promise<SeenMessage[]> => {
      last = (await this.post({ ...activity, ...(locale && { locale }) }, userId)).replies;
      return last.map((reply) => ({
        text: plain(reply.text ?? reply.summary ?? ''),
        buttons: reply.suggestedActions?.actions.map((action) => plain(action.title)) ?? [],
        ...(reply.attachments?.[0]?.name && { file: reply.attachments[0].name }),
      }));
    };
    return {
      says: (text) => seen({ type: 'message', text }),
      presses: (label) => {
        const action = last.flatMap((reply) => reply.suggestedActions?.actions ?? []).find((candidate) => plain(candidate.title) === label);
        if (!action?.value) throw new Error(`No button "${label}"`);
        return seen({ type: 'message', text: label, value: action.value });
      },
    };
  }
}
