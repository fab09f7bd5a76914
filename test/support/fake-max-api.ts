import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { HeldCall } from './fake-telegram-api';
import { bodyOf, boundaryOf, parseMultipart, type UploadedFile } from './multipart-body';

/**
 * A fake MAX Bot API server, built from the API's documented shapes (dev.max.ru, the OpenAPI
 * schema of 2026-07-01), not from the library's internals: real HTTP, `Authorization: <token>`,
 * long polling with a marker that confirms a batch only when the next request carries it, the
 * webhook's deliveries with `X-Max-Bot-Api-Secret` and redelivery until answered 200, the upload
 * flow, MAX's limits (4000 characters, 30 rows × 7 buttons, 128-character labels, 30 requests/s,
 * 2 messages/s into a chat) and failures on demand.
 */
export class FakeMaxApi {
  readonly calls: MaxCall[] = [];
  /** Every call as it arrived, answered or refused: its route and chat. */
  readonly arrived: { readonly route: string; readonly chatId?: number }[] = [];
  /** Sends refused with 429 because a rate was exceeded. */
  refusedForRate = 0;
  /** Updates MAX dropped because a poll came without a marker (it then gives only the latest). */
  lostWithoutMarker = 0;
  /** Files customers sent, served at their attachment URL; downloads counted by id. */
  readonly downloads: string[] = [];
  /** The current webhook subscriptions, as `POST /subscriptions` left them. */
  readonly subscriptions: { url: string; secret?: string; update_types?: string[] }[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly queued: { readonly seq: number; readonly update: MaxUpdateSent }[] = [];
  private readonly failures = new Map<string, MaxFailure[]>();
  private readonly delays = new Map<string, number[]>();
  private readonly holds = new Map<string, HeldCall[]>();
  private readonly uploads = new Map<string, SentFile>();
  private readonly customerFiles = new Map<string, Buffer>();
  private readonly deniedChats = new Set<number>();
  private pollers: (() => void)[] = [];
  private callWaiters: (() => void)[] = [];
  private nextSeq = 1;
  private confirmedBelow = 1;
  private nextId = 1;
  private isDown = false;
  private rate: { readonly perSecond: number; readonly perChatPerSecond: number } | undefined;
  private recentSends: { readonly at: number; readonly chat: number }[] = [];
  private webhook: { readonly target: string; running: Promise<void>; delivered: number; readonly retryMs: number } | undefined;
  private lastUpdate: MaxUpdateSent | undefined;

  constructor(readonly token = 'max-test-token-0123456789') {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => reply(res, 500, { code: 'internal.error', message: String(error) }));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
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
    this.wakePollers();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** MAX unreachable: every connection is cut, those open now too, until `up()`. */
  down(): void {
    this.isDown = true;
    for (const socket of this.sockets) socket.destroy();
  }

  up(): void {
    this.isDown = false;
  }

  /** The next `count` calls of `route` (`'POST /messages'`) fail this way before one succeeds. */
  failNext(route: string, failure: MaxFailure, count = 1): void {
    this.failures.set(route, [...(this.failures.get(route) ?? []), ...Array<MaxFailure>(count).fill(failure)]);
  }

  /** The next `count` calls of `route` are answered only after `ms`. */
  delayNext(route: string, ms: number, count = 1): void {
    this.delays.set(route, [...(this.delays.get(route) ?? []), ...Array<number>(count).fill(ms)]);
  }

  /** The next call of `route` waits, unanswered, until the test releases it. */
  holdNext(route: string): HeldCall {
    const held = new HeldCall();
    this.holds.set(route, [...(this.holds.get(route) ?? []), held]);
    return held;
  }

  /** Refuses calls beyond MAX's limits with 429, as MAX does: 30 a second per bot, 2 messages a second into one chat. */
  enforceRate(limits = { perSecond: 30, perChatPerSecond: 2 }): void {
    this.rate = limits;
  }

  /** The customer blocked the bot or left: sends into their dialog are refused with 403. */
  deny(userId: number): void {
    this.deniedChats.add(dialogOf(userId));
  }

  /**
   * Delivers updates by webhook to `target` (the app's route: MAX itself would post to the
   * subscribed https URL) with the subscription's secret, one after the other, each again after
   * `retryMs` until answered 200 (MAX waits 60 s and more).
   */
  deliverWebhooksTo(target: string, retryMs = 50): void {
    this.webhook = { target, running: Promise.resolve(), delivered: this.nextSeq - 1, retryMs };
  }

  /** A customer presses Start, from a deep link's `?start=` when `payload` is given. */
  customerStarts(userId: number, payload?: string, locale = 'ru'): MaxUpdateSent {
    return this.push({
      update_type: 'bot_started',
      timestamp: Date.now(),
      chat_id: dialogOf(userId),
      user: userOf(userId),
      payload: payload ?? null,
      user_locale: locale,
    });
  }

  customerTypes(userId: number, text: string, locale = 'ru'): MaxUpdateSent {
    return this.push(this.created(userId, { text }, locale));
  }

  /** A customer answers the bot's message `replied` (its text) with MAX's «Ответить». */
  customerReplies(userId: number, replied: string, text: string): MaxUpdateSent {
    return this.push(this.replying(this.created(userId, { text }), userId, replied));
  }

  /** A customer presses an inline button of the bot's (with its payload), on a message still in the chat. */
  customerPresses(userId: number, payload: string, locale = 'ru'): MaxUpdateSent {
    const callback = { timestamp: Date.now(), callback_id: `cb.${this.nextId++}`, payload, user: userOf(userId) };
    const message = {
      sender: botUser,
      recipient: { chat_id: dialogOf(userId), chat_type: 'dialog', user_id: userId },
      timestamp: Date.now(),
      body: { mid: `mid.${this.nextId++}`, seq: 0, text: '…' },
    };
    return this.push({ update_type: 'message_callback', timestamp: Date.now(), callback, message, user_locale: locale });
  }

  /** A photo (`asPhoto`) or a document, served at its attachment URL; `replyTo` is the bot's message it answers. */
  customerSendsFile(userId: number, file: CustomerFile, replyTo?: string): MaxUpdateSent {
    const id = `f${this.nextId++}`;
    this.customerFiles.set(id, file.bytes);
    const payload = { url: `${this.apiRoot}/_files/${id}`, token: `token-${id}` };
    const attachment = file.asPhoto
      ? { type: 'image', payload: { ...payload, photo_id: this.nextId } }
      : { type: 'file', payload, filename: file.name, size: file.bytes.length };
    const update = this.created(userId, { attachments: [attachment] });
    return this.push(replyTo === undefined ? update : this.replying(update, userId, replyTo));
  }

  customerSendsSticker(userId: number): MaxUpdateSent {
    return this.push(
      this.created(userId, { attachments: [{ type: 'sticker', payload: { url: `${this.apiRoot}/_stickers/1.webp`, code: 'st1' }, width: 128, height: 128 }] }),
    );
  }

  /** Someone writes in a group chat the bot is a member of. */
  customerInGroupTypes(groupChatId: number, userId: number, text: string): MaxUpdateSent {
    const message = { ...this.message(userId, { text }), recipient: { chat_id: groupChatId, chat_type: 'chat', user_id: null } };
    return this.push({ update_type: 'message_created', timestamp: Date.now(), message, user_locale: 'ru' });
  }

  /** A post in a channel the bot administers (the supplier's notices, say). */
  postInChannel(channelChatId: number, text: string): MaxUpdateSent {
    const message = { ...this.message(1, { text }), sender: null, recipient: { chat_id: channelChatId, chat_type: 'channel', user_id: null } };
    return this.push({ update_type: 'message_created', timestamp: Date.now(), message, user_locale: null });
  }

  /** Delivers an update again, as MAX may after a timeout. */
  redeliver(update: MaxUpdateSent): void {
    this.push(update);
  }

  redeliverLast(): void {
    if (this.lastUpdate) this.push(this.lastUpdate);
  }

  /** Messages the bot sent into the dialog of `userId`, in order. */
  messagesTo(userId: number): SentMaxMessage[] {
    return this.calls.flatMap((call) => (call.sent && call.sent.chatId === dialogOf(userId) ? [call.sent] : []));
  }

  /** The bot's answers to button presses, in order. */
  get answers(): { readonly callbackId: string; readonly notification?: string }[] {
    return this.calls
      .filter((call) => call.route === 'POST /answers')
      .map((call) => ({
        callbackId: call.query['callback_id'] ?? '',
        ...(typeof call.body?.['notification'] === 'string' && { notification: call.body['notification'] }),
      }));
  }

  /** Each command list the bot registered, in order. */
  get commands(): { readonly name: string; readonly description?: string }[][] {
    return this.calls.filter((call) => call.route === 'PATCH /me/commands').map((call) => call.body?.['commands'] as { name: string; description?: string }[]);
  }

  /** True once the bot has taken every update pushed so far: polling confirmed it with a later marker, or the webhook answered 200. */
  allConfirmed(): boolean {
    if (this.webhook) return this.webhook.delivered >= this.nextSeq - 1;
    return this.confirmedBelow >= this.nextSeq;
  }

  /** Resolves once `count` messages have reached the dialog of `userId`, however long the bot takes. */
  async waitForMessages(userId: number, count: number): Promise<SentMaxMessage[]> {
    while (this.messagesTo(userId).length < count) await this.nextCall();
    return this.messagesTo(userId);
  }

  nextCall(): Promise<void> {
    return new Promise((resolve) => this.callWaiters.push(resolve));
  }

  private created(userId: number, body: { text?: string; attachments?: unknown[] }, locale = 'ru') {
    return { update_type: 'message_created', timestamp: Date.now(), message: this.message(userId, body), user_locale: locale };
  }

  /** The update as a reply (MAX's `link` of type `reply`) to the bot's message of text `replied`. */
  private replying(update: ReturnType<FakeMaxApi['created']>, userId: number, replied: string) {
    const link = { type: 'reply', sender: botUser, chat_id: dialogOf(userId), message: { mid: `mid.bot.${this.nextId++}`, seq: 0, text: replied } };
    return { ...update, message: { ...update.message, link } };
  }

  private message(userId: number, body: { text?: string; attachments?: unknown[] }) {
    const seq = this.nextId++;
    return {
      sender: userOf(userId),
      recipient: { chat_id: dialogOf(userId), chat_type: 'dialog', user_id: botUser.user_id },
      timestamp: Date.now(),
      body: { mid: `mid.${String(seq).padStart(8, '0')}`, seq, text: body.text ?? null, ...(body.attachments && { attachments: body.attachments }) },
    };
  }

  private push(update: MaxUpdateSent): MaxUpdateSent {
    this.lastUpdate = update;
    this.queued.push({ seq: this.nextSeq++, update });
    const webhook = this.webhook;
    if (webhook) webhook.running = webhook.running.then(() => this.deliverByWebhook(webhook));
    else this.wakePollers();
    return update;
  }

  private async deliverByWebhook(webhook: NonNullable<FakeMaxApi['webhook']>): Promise<void> {
    const next = this.queued.shift();
    if (!next) return;
    const secret = this.subscriptions[0]?.secret;
    for (;;) {
      const answer = await fetch(webhook.target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret && { 'x-max-bot-api-secret': secret }) },
        body: JSON.stringify(next.update),
      })
        .then((response) => response.status)
        .catch(() => 0);
      if (answer === 200) break;
      await new Promise((resolve) => setTimeout(resolve, webhook.retryMs));
    }
    webhook.delivered = next.seq;
  }

  private wakePollers(): void {
    for (const wake of this.pollers.splice(0)) wake();
  }

  private record(call: MaxCall): void {
    this.calls.push(call);
    for (const waiter of this.callWaiters.splice(0)) waiter();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.isDown) return void req.socket.destroy();
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (route.startsWith('GET /_files/')) return this.serveCustomerFile(url.pathname.slice('/_files/'.length), res);
    if (route.startsWith('POST /_upload/')) return this.takeUpload(req, res, url.pathname);
    if (req.headers.authorization !== this.token) return reply(res, 401, { code: 'verify.token', message: 'Invalid access_token' });
    const query = Object.fromEntries(url.searchParams);
    this.arrived.push({ route, ...(query['chat_id'] !== undefined && { chatId: Number(query['chat_id']) }) });
    const raw = await bodyOf(req);
    const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : undefined;
    const delay = this.delays.get(route)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const held = this.holds.get(route)?.shift();
    if (held) await held.holding(req);
    // The bot gave up on this call (its process died): it never learns of it, so it never counts.
    if (req.socket.destroyed) return;
    const failure = this.failures.get(route)?.shift();
    if (failure) return reply(res, failure.status, { code: failure.code ?? codeOf(failure.status), message: 'Injected by the test' });
    switch (route) {
      case 'GET /me':
        return reply(res, 200, { ...botUser, last_activity_time: Date.now() });
      case 'PATCH /me/commands':
        this.record({ route, query, body });
        return reply(res, 200, { ...botUser, commands: body?.['commands'] });
      case 'GET /subscriptions':
        return reply(res, 200, {
          subscriptions: this.subscriptions.map((subscription) => ({ url: subscription.url, time: 0, update_types: subscription.update_types ?? null })),
        });
      case 'POST /subscriptions':
        this.record({ route, query, body });
        this.subscriptions.splice(0, this.subscriptions.length, body as FakeMaxApi['subscriptions'][number]);
        return reply(res, 200, { success: true });
      case 'DELETE /subscriptions':
        this.record({ route, query });
        this.subscriptions.splice(0, this.subscriptions.length, ...this.subscriptions.filter((subscription) => subscription.url !== query['url']));
        return reply(res, 200, { success: true });
      case 'GET /updates':
        return this.updates(req, res, query);
      case 'POST /uploads':
        return reply(res, 200, { url: `${this.apiRoot}/_upload/${query['type'] ?? 'file'}/${this.nextId++}` });
      case 'POST /messages':
        return this.sendMessage(res, route, query, body);
      case 'POST /answers':
        if (this.refusedNow(undefined)) return reply(res, 429, { code: 'too.many.requests', message: 'Too many requests' });
        this.record({ route, query, ...(body && { body }) });
        return reply(res, 200, { success: true });
      case 'PUT /messages':
      case 'DELETE /messages':
        this.record({ route, query, ...(body && { body }) });
        return reply(res, 200, { success: true });
      default:
        if (/^POST \/chats\/-?\d+\/actions$/.test(route)) return reply(res, 200, { success: true });
        return reply(res, 404, { code: 'not.found', message: `${route} is not faked` });
    }
  }

  /**
   * `GET /updates`: the marker confirms what came before it; the request waits for news up to
   * `timeout` seconds; a request without a marker gets the latest update only.
   */
  private async updates(req: IncomingMessage, res: ServerResponse, query: Record<string, string>): Promise<void> {
    const marker = Number(query['marker'] ?? 0);
    if (marker > 0) {
      this.confirmedBelow = Math.max(this.confirmedBelow, marker);
      this.queued.splice(0, this.queued.length, ...this.queued.filter((queued) => queued.seq >= marker));
    }
    const timeout = Math.min(Number(query['timeout'] ?? 30), 90);
    if (this.queued.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout * 1000);
        this.pollers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (req.socket.destroyed || this.isDown) return;
    const limit = Number(query['limit'] ?? 100);
    // «If not passed, the bot gets only the last update»: what came before it is gone for good.
    if (marker === 0 && this.queued.length > 1) this.lostWithoutMarker += this.queued.splice(0, this.queued.length - 1).length;
    const batch = this.queued.slice(0, limit);
    const last = batch.at(-1)?.seq;
    reply(res, 200, { updates: batch.map((queued) => queued.update), marker: last === undefined ? Math.max(marker, this.confirmedBelow) : last + 1 });
  }

  private sendMessage(res: ServerResponse, route: string, query: Record<string, string>, body: Record<string, unknown> | undefined): void {
    const chatId = Number(query['chat_id']);
    if (!Number.isInteger(chatId) || !body) return reply(res, 400, { code: 'proto.payload', message: 'chat_id and a body are required' });
    if (this.deniedChats.has(chatId)) return reply(res, 403, { code: 'chat.denied', message: 'The user has blocked the bot' });
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    const attachments = (body['attachments'] ?? []) as { type: string; payload: Record<string, unknown> }[];
    const keyboard = attachments.find((attachment) => attachment.type === 'inline_keyboard')?.payload['buttons'] as MaxButton[][] | undefined;
    const wrong = limitBroken(text, keyboard ?? []);
    if (wrong) return reply(res, 400, { code: 'proto.payload', message: wrong });
    const fileAttachment = attachments.find((attachment) => attachment.type === 'file' || attachment.type === 'image');
    const file = fileAttachment && this.uploads.get(tokenOf(fileAttachment.payload));
    if (fileAttachment && !file) return reply(res, 400, { code: 'attachment.not.found', message: 'No such upload' });
    if (this.refusedNow(chatId)) return reply(res, 429, { code: 'too.many.requests', message: 'Too many requests' });
    const mid = `mid.bot.${this.nextId++}`;
    const sent: SentMaxMessage = {
      chatId,
      mid,
      text,
      format: typeof body['format'] === 'string' ? body['format'] : '',
      buttons: keyboard ?? [],
      ...(file && { file: { ...file, as: fileAttachment.type as 'file' | 'image' } }),
    };
    this.record({ route, query, body, sent });
    reply(res, 200, {
      message: {
        sender: botUser,
        recipient: { chat_id: chatId, chat_type: 'dialog' },
        timestamp: Date.now(),
        body: { mid, seq: this.nextId, text, attachments },
      },
    });
  }

  /** True when a send now would break MAX's rate; a send that keeps it is counted. */
  private refusedNow(chat: number | undefined): boolean {
    const rate = this.rate;
    if (!rate) return false;
    const now = Date.now();
    this.recentSends = this.recentSends.filter((send) => send.at > now - 1000);
    const ofChat = chat === undefined ? 0 : this.recentSends.filter((send) => send.chat === chat).length;
    if (this.recentSends.length >= rate.perSecond || ofChat >= rate.perChatPerSecond) {
      this.refusedForRate += 1;
      return true;
    }
    this.recentSends.push({ at: now, chat: chat ?? 0 });
    return false;
  }

  /** The upload address: the file as the multipart field `data`, without the token; a file gets `{token}`, an image `{photos}`. */
  private async takeUpload(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const boundary = boundaryOf(req.headers['content-type'] ?? '');
    const file = boundary ? parseMultipart(await bodyOf(req), boundary).file : undefined;
    if (!file || file.field !== 'data') return reply(res, 400, { code: 'upload.error', message: 'the file goes in the field "data"' });
    const token = `upload-${this.nextId++}`;
    this.uploads.set(token, file);
    this.record({ route: 'POST /_upload', query: {}, upload: file });
    return path.startsWith('/_upload/image/') ? reply(res, 200, { photos: { [`p${token}`]: { token } } }) : reply(res, 200, { token });
  }

  private serveCustomerFile(id: string, res: ServerResponse): void {
    const bytes = this.customerFiles.get(id);
    if (!bytes) return reply(res, 404, { code: 'not.found', message: 'No such file' });
    this.downloads.push(id);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(bytes);
  }
}

/** MAX's buttons (the inline keyboard's `payload.buttons`). */
export interface MaxButton {
  readonly type: string;
  readonly text: string;
  readonly payload?: string;
  readonly url?: string;
}

export type SentFile = UploadedFile;

/** One message the bot sent, as MAX received it: its file uploaded before. */
export interface SentMaxMessage {
  readonly chatId: number;
  readonly mid: string;
  readonly text: string;
  readonly format: string;
  readonly buttons: readonly (readonly MaxButton[])[];
  readonly file?: SentFile & { readonly as: 'file' | 'image' };
}

export interface MaxCall {
  readonly route: string;
  readonly query: Record<string, string>;
  readonly body?: Record<string, unknown>;
  readonly sent?: SentMaxMessage;
  readonly upload?: UploadedFile;
}

export type MaxFailure = { readonly status: 429 | 500 | 502 | 503 | 403 | 404 | 400; readonly code?: string };

export interface CustomerFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly mime?: string;
  readonly asPhoto?: boolean;
}

export type MaxUpdateSent = Record<string, unknown>;

/** The bot's own user, as `GET /me` tells it. */
export const botUser = { user_id: 9_000_001, first_name: 'energobot', username: 'energobot_test_bot', is_bot: true, name: 'energobot' };

/** A customer's dialog with the bot: MAX's chat ids differ from its user ids. */
export function dialogOf(userId: number): number {
  return userId + 1_000_000;
}

function userOf(userId: number) {
  return { user_id: userId, first_name: 'Клиент', last_name: null, username: null, is_bot: false, last_activity_time: Date.now(), name: 'Клиент' };
}

/** What MAX refuses in a message: more than 4000 characters, 30 rows, 7 buttons a row (3 with a link), 128 characters a label. */
function limitBroken(text: string, rows: readonly (readonly MaxButton[])[]): string | undefined {
  if (text.length > 4000) return `text is ${text.length} characters long (4000 at most)`;
  if (rows.length > 30) return `${rows.length} rows of buttons (30 at most)`;
  for (const row of rows) {
    const most = row.some((button) => button.type === 'link') ? 3 : 7;
    if (row.length > most) return `${row.length} buttons in a row (${most} at most)`;
    const long = row.find((button) => button.text.length > 128 || (button.payload?.length ?? 0) > 1024);
    if (long) return `button "${long.text.slice(0, 20)}…" too long`;
  }
  return undefined;
}

/** An attachment's upload token: its own, or, for an image, that of its first size (`photos`). */
function tokenOf(payload: Record<string, unknown>): string {
  const photos = payload['photos'] as Record<string, { token?: string }> | undefined;
  const token = typeof payload['token'] === 'string' ? payload['token'] : Object.values(photos ?? {})[0]?.token;
  return token ?? '';
}

function codeOf(status: number): string {
  const codes: Record<number, string> = { 400: 'proto.payload', 403: 'chat.denied', 404: 'not.found', 429: 'too.many.requests' };
  return codes[status] ?? 'internal.error';
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  // Not chained: restify, loaded in the same process, patches ServerResponse and drops writeHead's return value.
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
