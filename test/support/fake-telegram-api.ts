import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyOf, boundaryOf, parseField, parseMultipart, type UploadedFile } from './multipart-body';

/** What the bot sent, as the Bot API received it. */
export interface SentCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly file?: UploadedFile;
}

type Failure = { readonly status: 429; readonly retryAfter: number } | { readonly status: 500 | 502 } | { readonly status: 403; readonly description: string };

export interface InlineButton {
  readonly text: string;
  readonly callback_data?: string;
  readonly url?: string;
}

/**
 * A fake Telegram Bot API server: real HTTP, long-polling `getUpdates`, the sending methods the
 * bot uses (JSON and multipart), and failures injected on demand (`429 retry_after`, `5xx`).
 */
export class FakeTelegramApi {
  readonly calls: SentCall[] = [];
  private readonly server: Server;
  private readonly updates: Record<string, unknown>[] = [];
  private readonly failures = new Map<string, Failure[]>();
  /** Telegram's `language_code` of a private chat's customer, by chat id (Russian unless set). */
  readonly languageCodes = new Map<number, string>();
  private readonly delays = new Map<string, number[]>();
  private readonly holds = new Map<string, HeldCall[]>();
  /** Calls received, counted when they arrive (a delayed one too). */
  readonly arrived: string[] = [];
  private waiters: (() => void)[] = [];
  private callWaiters: (() => void)[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private confirmedOffset = 0;
  /** Sends accepted within the last second, when a rate is enforced. */
  private recentSends: number[] = [];
  private ratePerSecond: number | undefined;
  /** Sends refused with 429 because the rate was exceeded. */
  refusedForRate = 0;
  /** Files customers sent, by file id: what `getFile` and the file URL serve. */
  private readonly files = new Map<string, Buffer>();
  /** File downloads served, by file id: the bot reads a file once. */
  readonly downloads: string[] = [];

  constructor(readonly token = '123456:TEST-token-for-the-fake-api') {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => reply(res, 500, { ok: false, error_code: 500, description: String(error) }));
    });
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` calls of `method` fail this way before one succeeds. */
  failNext(method: string, failure: Failure, count = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(count).fill(failure)]);
  }

  /** Refuses sends beyond `perSecond` in any second with `429 retry_after: 1`, as Telegram does to a bot that floods. */
  enforceRate(perSecond: number): void {
    this.ratePerSecond = perSecond;
  }

  /** The next `count` calls of `method` are answered only after `ms`. */
  delayNext(method: string, ms: number, count = 1): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ...Array<number>(count).fill(ms)]);
  }

  /**
   * The next call of `method` waits, unanswered, until the test releases it: a platform that
   * hangs for exactly as long as the test needs, whatever the machine's speed.
   */
  holdNext(method: string): HeldCall {
    const held = new HeldCall();
    this.holds.set(method, [...(this.holds.get(method) ?? []), held]);
    return held;
  }

  /** A customer types into chat `chatId`; returns the update so a test can deliver it again. */
  customerTypes(chatId: number, text: string): Record<string, unknown> {
    const from = { id: chatId, is_bot: false, first_name: 'Клиент', language_code: this.languageCodes.get(chatId) ?? 'ru' };
    return this.push({ message: { message_id: this.nextMessageId++, date: now(), chat: { id: chatId, type: 'private' }, from, text } });
  }

  /** Someone writes in a group the bot is a member of. */
  memberTypesInGroup(groupId: number, userId: number, text: string): Record<string, unknown> {
    const from = { id: userId, is_bot: false, first_name: 'Участник', language_code: 'ru' };
    return this.push({ message: { message_id: this.nextMessageId++, date: now(), chat: { id: groupId, type: 'supergroup', title: 'Дом 24' }, from, text } });
  }

  /** Someone presses a button under a message in a group. */
  memberPressesInGroup(groupId: number, userId: number, data: string): Record<string, unknown> {
    const from = { id: userId, is_bot: false, first_name: 'Участник' };
    const message = {
      message_id: this.nextMessageId++,
      date: now(),
      chat: { id: groupId, type: 'supergroup', title: 'Дом 24' },
      from: { id: 1, is_bot: true, first_name: 'energobot' },
      text: '…',
    };
    return this.push({ callback_query: { id: String(this.nextUpdateId * 1000), from, chat_instance: String(groupId), data, message } });
  }

  /** A customer sends a photo instead of text. */
  customerSendsPhoto(chatId: number): Record<string, unknown> {
    const from = { id: chatId, is_bot: false, first_name: 'Клиент' };
    const photo = [{ file_id: 'photo-1', file_unique_id: 'p1', width: 90, height: 90 }];
    return this.push({ message: { message_id: this.nextMessageId++, date: now(), chat: { id: chatId, type: 'private' }, from, photo } });
  }

  /** A customer sends a photo (JPEG bytes) or a document; `replyTo` is the bot's message it answers with «reply». */
  customerSendsFile(
    chatId: number,
    file: { readonly name: string; readonly bytes: Buffer; readonly mime?: string; readonly asPhoto?: boolean },
    replyTo?: string,
  ): Record<string, unknown> {
    const from = { id: chatId, is_bot: false, first_name: 'Клиент' };
    const id = `file-${this.nextMessageId}-${file.name}`;
    this.files.set(id, file.bytes);
    const sent = { file_id: id, file_unique_id: `u${this.nextMessageId}`, file_size: file.bytes.length };
    const content = file.asPhoto
      ? {
          photo: [
            { ...sent, file_id: `${id}-small`, width: 90, height: 90 },
            { ...sent, width: 1280, height: 960 },
          ],
        }
      : { document: { ...sent, file_name: file.name, mime_type: file.mime } };
    return this.push({
      message: { message_id: this.nextMessageId++, date: now(), chat: { id: chatId, type: 'private' }, from, ...content, ...this.replyTo(chatId, replyTo) },
    });
  }

  /** A customer answers the bot's message `replied` (its text) with Telegram's «reply». */
  customerReplies(chatId: number, replied: string, text: string): Record<string, unknown> {
    const from = { id: chatId, is_bot: false, first_name: 'Клиент' };
    return this.push({
      message: { message_id: this.nextMessageId++, date: now(), chat: { id: chatId, type: 'private' }, from, text, ...this.replyTo(chatId, replied) },
    });
  }

  private replyTo(chatId: number, replied: string | undefined) {
    if (replied === undefined) return {};
    return {
      reply_to_message: {
        message_id: 1,
        date: now(),
        chat: { id: chatId, type: 'private' },
        from: { id: 1, is_bot: true, first_name: 'energobot' },
        text: replied,
      },
    };
  }

  /** A customer presses an inline button of the bot's message. */
  customerPresses(chatId: number, data: string): Record<string, unknown> {
    const from = { id: chatId, is_bot: false, first_name: 'Клиент' };
    const message = {
      message_id: this.nextMessageId++,
      date: now(),
      chat: { id: chatId, type: 'private' },
      from: { id: 1, is_bot: true, first_name: 'energobot' },
      text: '…',
    };
    return this.push({ callback_query: { id: String(this.nextUpdateId * 1000), from, chat_instance: String(chatId), data, message } });
  }

  /** Delivers an update again, as Telegram may after a timeout. */
  redeliver(update: Record<string, unknown>): void {
    this.updates.push(update);
    this.wake();
  }

  /** Messages, photos and documents the bot sent to the chat, in order. */
  messagesTo(chatId: number): SentCall[] {
    return this.calls.filter((call) => ['sendMessage', 'sendPhoto', 'sendDocument'].includes(call.method) && call.params['chat_id'] === chatId);
  }

  /** Waits until the bot has sent `count` messages to the chat in all. */
  /** Resolves once `count` messages have reached chat `chatId`, however long the bot takes. */
  async waitForMessages(chatId: number, count: number): Promise<SentCall[]> {
    while (this.messagesTo(chatId).length < count) await this.nextCall();
    return this.messagesTo(chatId);
  }

  /** Resolves when the next call has been answered and counted. */
  nextCall(): Promise<void> {
    return new Promise((resolve) => this.callWaiters.push(resolve));
  }

  private record(call: SentCall): void {
    this.calls.push(call);
    for (const waiter of this.callWaiters.splice(0)) waiter();
  }

  /** True once the bot has confirmed (by a later offset) every update pushed so far. */
  allConfirmed(): boolean {
    return this.confirmedOffset >= this.nextUpdateId;
  }

  private push(body: Record<string, unknown>): Record<string, unknown> {
    const update = { update_id: this.nextUpdateId++, ...body };
    this.updates.push(update);
    this.wake();
    return update;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/files\/(.+)$/.exec(req.url ?? '');
    if (download) {
      const bytes = download[1] === this.token ? this.files.get(decodeURIComponent(download[2] ?? '')) : undefined;
      if (!bytes) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      this.downloads.push(decodeURIComponent(download[2] ?? ''));
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match || match[1] !== this.token) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = match[2] as string;
    const { params, file } = await readParams(req);
    this.arrived.push(method);
    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const held = this.holds.get(method)?.shift();
    if (held) await held.holding(req);
    // The bot gave up on this call (its process died): it never learns of it, so it never counts.
    if (req.socket.destroyed) return;
    const failure = this.failures.get(method)?.shift();
    if (failure?.status === 429) {
      return reply(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${failure.retryAfter}`,
        parameters: { retry_after: failure.retryAfter },
      });
    }
    if (failure?.status === 403) return reply(res, 403, { ok: false, error_code: 403, description: failure.description });
    if (failure) return reply(res, failure.status, { ok: false, error_code: failure.status, description: 'Internal Server Error' });

    switch (method) {
      case 'getMe':
        return ok(res, {
          id: 1,
          is_bot: true,
          first_name: 'energobot',
          username: 'energobot_test_bot',
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'getUpdates':
        return ok(res, await this.getUpdates(Number(params['offset'] ?? 0), Number(params['timeout'] ?? 0)));
      case 'getFile': {
        const given = params['file_id'];
        const id = typeof given === 'string' || typeof given === 'number' ? String(given) : '';
        const bytes = this.files.get(id);
        if (!bytes) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        return ok(res, { file_id: id, file_unique_id: id, file_size: bytes.length, file_path: `files/${encodeURIComponent(id)}` });
      }
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'editMessageReplyMarkup':
      case 'answerCallbackQuery':
        this.record({ method, params });
        return ok(res, true);
      case 'sendMessage':
      case 'editMessageText':
      case 'sendPhoto':
      case 'sendDocument': {
        if (this.ratePerSecond !== undefined) {
          const now = Date.now();
          this.recentSends = this.recentSends.filter((at) => at > now - 1000);
          if (this.recentSends.length >= this.ratePerSecond) {
            this.refusedForRate += 1;
            return reply(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
          }
          this.recentSends.push(now);
        }
        this.record({ method, params, ...(file && { file }) });
        const chat = { id: Number(params['chat_id']), type: 'private' };
        // A document sent by its id stays that id; an upload gets a new one, as Telegram does.
        const byId = typeof params['document'] === 'string' && !params['document'].startsWith('attach://');
        const sentDocument = byId ? String(params['document']) : `document-${this.nextMessageId}`;
        const document = method === 'sendDocument' ? { document: { file_id: sentDocument, file_unique_id: sentDocument } } : {};
        return ok(res, { message_id: this.nextMessageId++, date: now(), chat, text: params['text'] ?? '', ...document });
      }
      default:
        return reply(res, 404, { ok: false, error_code: 404, description: `Not Found: method ${method} is not faked` });
    }
  }

  private async getUpdates(offset: number, timeoutSeconds: number): Promise<unknown[]> {
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      for (let i = this.updates.length - 1; i >= 0; i--) if (Number(this.updates[i]?.['update_id']) < offset) this.updates.splice(i, 1);
    }
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutSeconds * 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const batch = [...this.updates];
    this.updates.length = 0;
    return batch;
  }
}

/** A call the fake holds: `arrived` once the bot made it, `abandoned` if the bot gave up on it (its process died). */
export class HeldCall {
  private arrive!: () => void;
  private abandon!: () => void;
  private free!: () => void;
  readonly arrived = new Promise<void>((resolve) => (this.arrive = resolve));
  readonly abandoned = new Promise<void>((resolve) => (this.abandon = resolve));
  private readonly freed = new Promise<void>((resolve) => (this.free = resolve));

  release(): void {
    this.free();
  }

  /** Until released or abandoned; an abandoned call is never answered, so it never counts. */
  async holding(req: IncomingMessage): Promise<void> {
    req.socket.once('close', () => this.abandon());
    this.arrive();
    await Promise.race([this.freed, this.abandoned]);
  }
}

const now = () => Math.floor(Date.now() / 1000);

function ok(res: ServerResponse, result: unknown): void {
  reply(res, 200, { ok: true, result });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  // Not chained: restify, loaded in the same process, patches ServerResponse and drops writeHead's return value.
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The Bot API takes JSON, urlencoded and multipart bodies alike; parameters that are objects arrive as JSON strings in forms. */
async function readParams(req: IncomingMessage): Promise<{ params: Record<string, unknown>; file?: SentCall['file'] }> {
  const body = await bodyOf(req);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return { params: body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {} };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { params: Object.fromEntries([...new URLSearchParams(body.toString('utf8'))].map(([name, value]) => [name, parseField(value)])) };
  }
  const boundary = boundaryOf(type);
  return boundary ? parseMultipart(body, boundary) : { params: {} };
}
