import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { DirectLineConversation, DirectLineConversations } from '../../../core/runner/channel-state-ports';
import { maxInputLength } from '../../../core/runner/flow-runner';
import { errorFields, type Log } from '../../../core/kernel/log';
import { clientNetwork, isLoopback, sameSecret } from '../http/request-origin';
import { readForm } from '../http/multipart-form';
import { RateLimit } from '../http/rate-limit';
import type { FileStore } from '../../../core/kernel/file-store';
import { attachmentKind, attachmentLimits } from '../../../core/kernel/attachment';

/**
 * What the widget may post: the fields Web Chat uses and the bot reads, nothing else (unknown
 * fields are dropped, so nothing of any size is stored or relayed on a customer's say).
 */
const customerActivity = z.object({
  type: z.string().min(1).max(64),
  // Whatever the widget sends is taken (within the body limit), and kept only as long as the bot
  // reads and one character more: the bot itself tells the customer it is too long.
  text: z
    .string()
    .transform((text) => text.slice(0, maxInputLength + 1))
    .optional(),
  locale: z.string().max(16).optional(),
  /** An event's name: `start` when the page was opened by a link from an e-mail. */
  name: z.string().max(64).optional(),
  /** A press of one of the bot's buttons, or the token of that link. */
  value: z
    .union([z.object({ data: z.string().max(64) }), z.string().max(64)])
    .optional()
    .catch(undefined),
  /** Web Chat marks a message sent when its echo carries the same client id. */
  channelData: z
    .object({ clientActivityID: z.string().max(128).optional(), clientTimestamp: z.string().max(64).optional() })
    .optional()
    .catch(undefined),
});

/** What the bot may post: the fields of its messages; the rest (serviceUrl, recipient…) is dropped. */
const botActivity = z.object({
  type: z.string().min(1).max(64),
  text: z.string().max(20_000).optional(),
  textFormat: z.string().max(16).optional(),
  summary: z.string().max(20_000).optional(),
  locale: z.string().max(16).optional(),
  inputHint: z.string().max(32).optional(),
  attachmentLayout: z.string().max(16).optional(),
  replyToId: z.string().max(128).optional(),
  suggestedActions: z.object({ actions: z.array(z.record(z.string(), z.unknown())).max(20) }).optional(),
  attachments: z
    .array(
      z.object({
        contentType: z.string().max(128),
        contentUrl: z.string().max(2048).optional(),
        name: z.string().max(256).optional(),
        content: z.unknown().optional(),
      }),
    )
    .max(10)
    .optional(),
});

type Activity = (z.infer<typeof customerActivity> | z.infer<typeof botActivity>) & {
  id?: string;
  from?: { id: string; role?: string };
  timestamp?: string;
  membersAdded?: { id: string }[];
  replyToId?: string;
  conversation?: { id: string };
  channelId?: string;
};

/** A conversation this process serves: its stored row, the next activity's number, open sockets. */
interface LiveConversation extends Omit<DirectLineConversation, 'tokenHash' | 'tokenExpiresAt'> {
  tokenHash: string;
  tokenExpiresAt: Date;
  next: number;
  tail: Promise<unknown>;
  /** Activities go to the bot one after another, in order, each retried until the bot takes it. */
  toBot: Promise<unknown>;
  readonly sockets: Set<WebSocket>;
  /** Whether the bot is told the customer joined (its greeting): not when a link's task comes first. */
  readonly greet: boolean;
}

const tokenLifetimeMs = 30 * 60_000;
/** A conversation keeps this many latest activities: what a reloaded page shows, and no more. */
const historyCap = 500;
/** Waits before delivering again an activity the bot could not handle: about ten minutes in all. */
const redeliveryDelaysMs = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000];
/** A reloaded page finds its conversation for three days. */
export const conversationKeptMs = 72 * 3600_000;
const basePath = '/v3/directline';
/** Uploads in one message, and the size of each: Web Chat's own picker sends a few; the bot judges each file. */
/** One message's files, as an appeal takes them (and the part that describes the message). */
const uploadLimits = { files: attachmentLimits.files + 1, fileBytes: attachmentLimits.bytes } as const;
/** What one conversation, and one network address, may upload: an appeal's files many times over, not a disk's worth. */
const uploadBudgets = { perConversation: 60 * 1024 * 1024, perAddress: 200 * 1024 * 1024, windowMs: 24 * 3600_000 } as const;
/** A file the appeal rule refuses is kept only as its first bytes: enough for the bot to say why, nothing to serve. */
const refusedFileHead = 64;
/** Where Web Chat posts files (Direct Line's `/upload`): the one path of the relay that takes multipart. */
export const relayUploadPath = new RegExp(`^${basePath}/conversations/[^/]+/upload$`);
const connectorPath = '/directline/connector';

/** What restify parsed of a request is typed `any`: each part the relay reads goes through a schema. */
const conversationPath = z.object({ id: z.string() });
const fromBotPath = z.object({ id: z.string(), secret: z.string() });
/** Where the client's transcript continues; from the start when it gives no number. */
const watermarkQuery = z.object({ watermark: z.coerce.number().catch(0) }).catch({ watermark: 0 });
const conversationIn = (req: Request) => conversationPath.safeParse(req.params).data?.id;
const watermarkIn = (req: Request) => watermarkQuery.parse(req.query).watermark;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * A Direct Line 3.0 endpoint of energobot's own, for the embedded default: the browser's Web Chat
 * talks to it, it hands activities to the bot's `/api/messages` and takes the bot's replies at
 * its `serviceUrl`. Each conversation has its own token; one cannot read or post into another.
 * Conversations and their activities are kept in the database for three days, so a reloaded
 * page continues its conversation with the transcript. Production uses Azure's Direct Line.
 */
export class DirectLineRelay {
  private readonly live = new Map<string, LiveConversation>();
  private readonly sockets = new WebSocketServer({ noServer: true });
  private closed = false;

  constructor(
    private readonly botUrl: () => string,
    private readonly store: DirectLineConversations,
    /** Where uploads wait for the bot to read them, behind a link that expires. */
    private readonly files: FileStore,
    /** The address customers' browsers reach this server at: the links of their uploads. */
    private readonly publicUrl: () => string,
    private readonly log: Log,
    /** The reverse proxies whose `X-Forwarded-For` names the client: uploads are budgeted per client network. */
    private readonly trustedProxies: readonly string[] = [],
  ) {}

  private readonly uploadsPerConversation = new RateLimit(uploadBudgets.perConversation, uploadBudgets.windowMs);
  private readonly uploadsPerAddress = new RateLimit(uploadBudgets.perAddress, uploadBudgets.windowMs);

  /**
   * A token for the user's conversation: the one given (`resume`) when it is theirs and still
   * kept, else a new conversation, which starts with the bot's greeting when `greet`.
   */
  async issueToken(userId: string, locale: string, resume?: string, greet = true): Promise<{ token: string; conversationId: string; expires_in: number }> {
    const token = randomId(32);
    const now = Date.now();
    const tokenExpiresAt = new Date(now + tokenLifetimeMs);
    const known = resume ? await this.conversation(resume) : null;
    if (known && known.userId === userId && known.keptUntil.getTime() > now) {
      await this.store.renewToken(known.id, hash(token), tokenExpiresAt);
      known.tokenHash = hash(token);
      known.tokenExpiresAt = tokenExpiresAt;
      return { token, conversationId: known.id, expires_in: tokenLifetimeMs / 1000 };
    }
    const row: DirectLineConversation = {
      id: randomId(16).slice(0, 22),
      userId,
      locale,
      tokenHash: hash(token),
      connectorSecret: randomBytes(32).toString('hex'),
      tokenExpiresAt,
      keptUntil: new Date(now + conversationKeptMs),
    };
    await this.store.create(row, new Date(now));
    this.live.set(row.id, { ...row, next: 0, tail: Promise.resolve(), toBot: Promise.resolve(), sockets: new Set(), greet });
    this.forgetExpired(now);
    return { token, conversationId: row.id, expires_in: tokenLifetimeMs / 1000 };
  }

  mount(server: Server): void {
    this.mountConversations(server);
    this.mountCustomerActivities(server);
    this.mountUploads(server);
    this.mountBotConnector(server);
    server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head));
  }

  /** What Web Chat asks of its conversation: to start or resume it, a fresh token, the activities since a watermark. */
  private mountConversations(server: Server): void {
    server.post(`${basePath}/conversations`, async (req: Request, res: Response) =>
      this.withConversation(req, res, null, (conversation) => this.started(req, res, conversation)),
    );
    server.get(`${basePath}/conversations/:id`, async (req: Request, res: Response) =>
      this.withConversation(req, res, conversationIn(req), (conversation) => this.started(req, res, conversation)),
    );
    server.post(`${basePath}/tokens/refresh`, async (req: Request, res: Response) =>
      this.withConversation(req, res, null, async (conversation) => {
        // A refresh never takes a token past the conversation's own end.
        const tokenExpiresAt = new Date(Math.min(Date.now() + tokenLifetimeMs, conversation.keptUntil.getTime()));
        await this.store.renewToken(conversation.id, conversation.tokenHash, tokenExpiresAt);
        conversation.tokenExpiresAt = tokenExpiresAt;
        res.send(200, { conversationId: conversation.id, token: bearer(req), expires_in: tokenLifetimeMs / 1000 });
      }),
    );
    server.get(`${basePath}/conversations/:id/activities`, async (req: Request, res: Response) =>
      this.withConversation(req, res, conversationIn(req), async (conversation) => {
        res.send(200, { activities: await this.store.activities(conversation.id, watermarkIn(req)), watermark: String(conversation.next) });
      }),
    );
  }

  /** A customer's message, press or event: kept in the transcript, then handed to the bot. */
  private mountCustomerActivities(server: Server): void {
    server.post(`${basePath}/conversations/:id/activities`, async (req: Request, res: Response) =>
      this.withConversation(req, res, conversationIn(req), async (conversation) => {
        const parsed = customerActivity.safeParse(req.body);
        if (!parsed.success) return void res.send(400, { error: { code: 'BadArgument', message: 'not an activity' } });
        const activity = await this.append(conversation, { ...parsed.data, from: { id: conversation.userId, role: 'user' } });
        res.send(200, { id: activity.id });
        await this.toBot(conversation, activity);
      }),
    );
  }

  /** A customer's files with the message that describes them (Direct Line's `/upload`). */
  private mountUploads(server: Server): void {
    server.post(`${basePath}/conversations/:id/upload`, async (req: Request, res: Response) =>
      this.withConversation(req, res, conversationIn(req), async (conversation) => {
        const address = clientNetwork(req, this.trustedProxies);
        const attachments: { contentType: string; contentUrl: string; name: string }[] = [];
        let overBudget = false;
        // Each file is judged by its bytes as it arrives, as the appeal will judge it, and stored at
        // once: what the rule refuses is kept as its first bytes only, and one file is held at a time.
        const form = await readForm(req, uploadLimits, async (file) => {
          if (file.field === 'activity') return file;
          const kind = attachmentKind(file.bytes);
          const bytes = kind.ok ? file.bytes : file.bytes.subarray(0, refusedFileHead);
          overBudget ||= !this.uploadsPerConversation.take(conversation.id, bytes.length) || !this.uploadsPerAddress.take(address, bytes.length);
          if (!overBudget) {
            const name = file.name.slice(-200) || 'file';
            const token = await this.files.put({ name, mime: kind.ok ? kind.value : 'application/octet-stream', bytes });
            attachments.push({ contentType: kind.ok ? kind.value : file.mime.slice(0, 128), contentUrl: `${this.publicUrl()}/files/${token}`, name });
          }
          return { ...file, bytes: Buffer.alloc(0) };
        });
        if (!form.ok) {
          // A store that is down is not the customer's doing: 503, and Web Chat may try again.
          const [status, code] = (
            {
              malformed: [400, 'BadArgument'],
              unkept: [503, 'ServiceUnavailable'],
              'too-large': [413, 'MessageSizeTooBig'],
              'too-many': [413, 'MessageSizeTooBig'],
            } as const
          )[form.problem];
          return void res.send(status, { error: { code, message: `upload refused: ${form.problem}` } });
        }
        if (overBudget)
          return void res.send(429, { error: { code: 'TooManyRequests', message: 'upload refused: too much uploaded from this chat or address today' } });
        const described = form.files.find((file) => file.field === 'activity');
        const parsed = customerActivity.safeParse(described ? jsonOf(described.bytes) : { type: 'message' });
        if (!parsed.success) return void res.send(400, { error: { code: 'BadArgument', message: 'not an activity' } });
        const activity = await this.append(conversation, { ...parsed.data, attachments, from: { id: conversation.userId, role: 'user' } });
        res.send(200, { id: activity.id });
        await this.toBot(conversation, activity);
      }),
    );
  }

  /**
   * The bot's replies and proactive messages, at the serviceUrl the relay gave it: only the bot
   * knows the conversation's connector secret in that URL, and it calls from this machine.
   */
  private mountBotConnector(server: Server): void {
    const fromBot = async (req: Request, res: Response) => {
      const path = fromBotPath.safeParse(req.params);
      const conversation = path.success ? await this.conversation(path.data.id) : null;
      if (!path.success || !conversation || !isLoopback(req.socket.remoteAddress) || !sameSecret(path.data.secret, conversation.connectorSecret)) {
        return void res.send(403, { error: 'not the bot of this conversation' });
      }
      const parsed = botActivity.safeParse(req.body);
      if (!parsed.success) return void res.send(400, { error: 'not an activity' });
      const { replyToId, ...rest } = parsed.data;
      // A proactive message replies to an id of the connector's own making; Web Chat would hold it
      // back waiting for that activity, so only a reply to a message of this conversation keeps it.
      const replies = typeof replyToId === 'string' && replyToId.startsWith(`${conversation.id}|`) && Number(replyToId.split('|')[1]) < conversation.next;
      const activity = await this.append(conversation, { ...rest, ...(replies && { replyToId }), from: { id: 'energobot', role: 'bot' } });
      res.send(200, { id: activity.id });
    };
    server.post(`${connectorPath}/:secret/v3/conversations/:id/activities`, fromBot);
    server.post(`${connectorPath}/:secret/v3/conversations/:id/activities/:replyToId`, fromBot);
  }

  /** Conversations past their keeping time leave the database and this process's memory. */
  private forgetExpired(now: number): void {
    for (const [id, conversation] of this.live) {
      if (conversation.keptUntil.getTime() <= now && conversation.sockets.size === 0) this.live.delete(id);
    }
    void this.store.sweep(new Date(now)).catch((error: unknown) => this.log.warn('relay sweep failed', errorFields(error)));
  }

  /** Tells the bot a customer opened the chat, so its greeting is the first thing in the conversation. */
  private async started(req: Request, res: Response, conversation: LiveConversation): Promise<void> {
    const token = bearer(req);
    if (conversation.next === 0 && req.method === 'POST' && conversation.greet) {
      await this.toBot(conversation, {
        type: 'conversationUpdate',
        id: `${conversation.id}|join`,
        membersAdded: [{ id: conversation.userId }],
        locale: conversation.locale,
      });
    }
    const watermark = watermarkIn(req);
    res.send(req.method === 'POST' ? 201 : 200, {
      conversationId: conversation.id,
      token,
      expires_in: Math.round((conversation.tokenExpiresAt.getTime() - Date.now()) / 1000),
      streamUrl: `ws://${req.headers.host ?? '127.0.0.1'}${basePath}/conversations/${conversation.id}/stream?t=${encodeURIComponent(token)}&watermark=${watermark}`,
    });
  }

  private async withConversation(
    req: Request,
    res: Response,
    id: string | null | undefined,
    handle: (conversation: LiveConversation) => unknown,
  ): Promise<void> {
    try {
      const conversation = await this.authorised(bearer(req), id);
      if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'this token does not open this conversation' } });
      await handle(conversation);
    } catch (error) {
      this.log.error('direct line relay failed', errorFields(error));
      if (!res.headersSent) res.send(503, { error: { code: 'ServiceError', message: 'try again' } });
    }
  }

  private async authorised(token: string, id: string | null | undefined): Promise<LiveConversation | null> {
    if (!token) return null;
    const given = hash(token);
    const conversation = id ? await this.conversation(id) : await this.conversationByToken(given);
    return conversation && conversation.tokenHash === given && conversation.tokenExpiresAt.getTime() > Date.now() ? conversation : null;
  }

  /** A conversation served here, loaded from the database on first need (after a restart, say). */
  private async conversation(id: string): Promise<LiveConversation | null> {
    const cached = this.live.get(id);
    if (cached) return cached;
    const row = await this.store.find(id);
    if (!row) return null;
    const loaded = this.live.get(id) ?? {
      ...row,
      next: await this.store.nextSeq(id),
      tail: Promise.resolve(),
      toBot: Promise.resolve(),
      sockets: new Set<WebSocket>(),
      greet: true,
    };
    this.live.set(id, loaded);
    return loaded;
  }

  private async conversationByToken(tokenHash: string): Promise<LiveConversation | null> {
    for (const conversation of this.live.values()) if (conversation.tokenHash === tokenHash) return conversation;
    const row = await this.store.findByToken(tokenHash);
    return row ? this.conversation(row.id) : null;
  }

  /** Numbers, stores and broadcasts an activity; one at a time per conversation, so numbers never collide. */
  private append(conversation: LiveConversation, activity: Activity): Promise<Activity> {
    const appended = conversation.tail.then(async () => {
      const seq = conversation.next;
      const stored: Activity = {
        ...activity,
        id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
        conversation: { id: conversation.id },
        channelId: 'directline',
        timestamp: new Date().toISOString(),
      };
      await this.store.append(conversation.id, seq, stored);
      conversation.next = seq + 1;
      if (seq >= historyCap && seq % 50 === 0) await this.store.trim(conversation.id, seq + 1 - historyCap);
      const message = JSON.stringify({ activities: [stored], watermark: String(conversation.next) });
      for (const socket of conversation.sockets) socket.send(message);
      return stored;
    });
    conversation.tail = appended.catch(() => undefined);
    return appended;
  }

  /**
   * Hands an activity to the bot, as a channel does: what the bot could not handle (5xx, or no
   * answer) is delivered again, backing off, while later activities wait their turn. The widget
   * waits for the first attempt only; the customer's message is kept in the transcript meanwhile.
   */
  private async toBot(conversation: LiveConversation, activity: Activity): Promise<void> {
    const first = conversation.toBot.then(() => this.post(conversation, activity));
    conversation.toBot = first.then((taken) => (taken ? undefined : this.redeliver(conversation, activity))).catch(() => undefined);
    await first;
  }

  private async redeliver(conversation: LiveConversation, activity: Activity): Promise<void> {
    for (const delay of redeliveryDelaysMs) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (this.closed || (await this.post(conversation, activity))) return;
    }
    this.log.error('bot never took a relayed activity; given up', { conversation: conversation.id });
  }

  /** True when the bot took it (or refused it for good: a 4xx is not worth repeating). */
  private async post(conversation: LiveConversation, activity: Activity): Promise<boolean> {
    const base = this.botUrl();
    try {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...activity,
          channelId: 'directline',
          serviceUrl: `${base}${connectorPath}/${conversation.connectorSecret}/`,
          from: { id: conversation.userId, role: 'user' },
          recipient: { id: 'energobot', role: 'bot' },
          conversation: { id: conversation.id },
        }),
      });
      if (response.status >= 500) return false;
      if (!response.ok) this.log.warn('bot refused a relayed activity', { status: response.status });
      return true;
    } catch {
      return false;
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '', 'http://relay');
    const id = new RegExp(`^${basePath}/conversations/([^/]+)/stream$`).exec(url.pathname)?.[1];
    const conversation = id ? await this.authorised(url.searchParams.get('t') ?? '', id).catch(() => null) : null;
    if (!conversation) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      // What came before the client connected (the greeting, or the transcript of a reloaded page)
      // is sent first, in line with new activities, so none arrives out of order.
      const watermark = Number(url.searchParams.get('watermark') ?? 0) || 0;
      conversation.tail = conversation.tail
        .then(async () => {
          const backlog = await this.store.activities(conversation.id, watermark);
          if (backlog.length > 0) ws.send(JSON.stringify({ activities: backlog, watermark: String(conversation.next) }));
          conversation.sockets.add(ws);
          ws.on('close', () => conversation.sockets.delete(ws));
        })
        .catch((error: unknown) => this.log.warn('relay stream failed', errorFields(error)));
    });
  }

  close(): void {
    this.closed = true;
    for (const conversation of this.live.values()) for (const socket of conversation.sockets) socket.terminate();
    this.sockets.close();
  }
}

function jsonOf(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

function bearer(req: Request): string {
  return /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '';
}
