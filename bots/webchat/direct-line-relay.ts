import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { errorFields, type Log } from '../app/log';

/** An activity as Direct Line carries it; only the fields the relay itself reads are named. */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    text: z.string().max(10_000).optional(),
    locale: z.string().max(16).optional(),
    value: z.unknown().optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

type Activity = z.infer<typeof activitySchema> & { id?: string; from?: { id: string; role?: string }; timestamp?: string };

interface Conversation {
  readonly id: string;
  readonly userId: string;
  readonly locale: string;
  readonly tokenHash: Buffer;
  expiresAt: number;
  readonly activities: Activity[];
  readonly sockets: Set<WebSocket>;
}

const tokenLifetimeMs = 30 * 60_000;
const basePath = '/v3/directline';
const connectorPath = '/directline/connector';

const hash = (token: string) => createHash('sha256').update(token).digest();
const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * A Direct Line 3.0 endpoint of energobot's own, for the embedded default: the browser's Web Chat
 * talks to it, it hands activities to the bot's `/api/messages` and takes the bot's replies at
 * its `serviceUrl`. Each conversation has its own token; one cannot read or post into another.
 * Conversations live in this process only: production uses Azure's Direct Line instead.
 */
export class DirectLineRelay {
  private readonly conversations = new Map<string, Conversation>();
  private readonly sockets = new WebSocketServer({ noServer: true });

  constructor(
    private readonly botUrl: () => string,
    private readonly log: Log,
  ) {}

  /** A new conversation for the user, and the token that alone may use it. */
  issueToken(userId: string, locale: string): { token: string; conversationId: string; expires_in: number } {
    const token = randomId(32);
    const id = randomId(16);
    this.conversations.set(id, { id, userId, locale, tokenHash: hash(token), expiresAt: Date.now() + tokenLifetimeMs, activities: [], sockets: new Set() });
    this.sweep();
    return { token, conversationId: id, expires_in: tokenLifetimeMs / 1000 };
  }

  mount(server: Server): void {
    server.post(`${basePath}/conversations`, async (req: Request, res: Response) => this.withConversation(req, res, null, (conversation) => this.started(req, res, conversation)));
    server.get(`${basePath}/conversations/:id`, async (req: Request, res: Response) => this.withConversation(req, res, req.params['id'], (conversation) => this.started(req, res, conversation)));
    server.post(`${basePath}/tokens/refresh`, async (req: Request, res: Response) =>
      this.withConversation(req, res, null, (conversation) => {
        conversation.expiresAt = Date.now() + tokenLifetimeMs;
        res.send(200, { conversationId: conversation.id, token: bearer(req), expires_in: tokenLifetimeMs / 1000 });
      }),
    );
    server.get(`${basePath}/conversations/:id/activities`, async (req: Request, res: Response) =>
      this.withConversation(req, res, req.params['id'], (conversation) => {
        const watermark = Number(req.query?.['watermark'] ?? 0) || 0;
        res.send(200, { activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) });
      }),
    );
    server.post(`${basePath}/conversations/:id/activities`, async (req: Request, res: Response) =>
      this.withConversation(req, res, req.params['id'], async (conversation) => {
        const parsed = activitySchema.safeParse(req.body);
        if (!parsed.success) return void res.send(400, { error: { code: 'BadArgument', message: 'not an activity' } });
        const activity = this.append(conversation, { ...parsed.data, from: { id: conversation.userId, role: 'user' } });
        res.send(200, { id: activity.id });
        await this.toBot(conversation, activity);
      }),
    );
    // The bot's replies and proactive messages, at the serviceUrl the relay gave it.
    const fromBot = async (req: Request, res: Response) => {
      const conversation = this.conversations.get(req.params['id'] ?? '');
      const parsed = activitySchema.safeParse(req.body);
      if (!conversation || !parsed.success) return void res.send(404, { error: 'no such conversation' });
      const { replyToId, ...rest } = parsed.data;
      // A proactive message replies to an id of the connector's own making; Web Chat would hold it
      // back waiting for that activity, so only a reply to a message in this conversation keeps it.
      const replies = typeof replyToId === 'string' && conversation.activities.some((known) => known.id === replyToId);
      const activity = this.append(conversation, { ...rest, ...(replies && { replyToId }), from: { id: 'energobot', role: 'bot' } });
      res.send(200, { id: activity.id });
    };
    server.post(`${connectorPath}/v3/conversations/:id/activities`, fromBot);
    server.post(`${connectorPath}/v3/conversations/:id/activities/:replyToId`, fromBot);

    server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  /** Tells the bot a customer opened the chat, so its greeting is the first thing in the conversation. */
  private async started(req: Request, res: Response, conversation: Conversation): Promise<void> {
    const token = bearer(req);
    if (conversation.activities.length === 0 && req.method === 'POST') {
      await this.toBot(conversation, { type: 'conversationUpdate', id: `${conversation.id}|join`, membersAdded: [{ id: conversation.userId }], locale: conversation.locale });
    }
    res.send(req.method === 'POST' ? 201 : 200, {
      conversationId: conversation.id,
      token,
      expires_in: Math.round((conversation.expiresAt - Date.now()) / 1000),
      streamUrl: `ws://${req.headers.host ?? '127.0.0.1'}${basePath}/conversations/${conversation.id}/stream?t=${encodeURIComponent(token)}`,
    });
  }

  private async withConversation(req: Request, res: Response, id: string | null | undefined, handle: (conversation: Conversation) => unknown): Promise<void> {
    const conversation = this.authorised(bearer(req), id);
    if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'this token does not open this conversation' } });
    try {
      await handle(conversation);
    } catch (error) {
      this.log.error('direct line relay failed', errorFields(error));
    }
  }

  private authorised(token: string, id: string | null | undefined): Conversation | null {
    const given = hash(token);
    const candidates = id ? [this.conversations.get(id)] : [...this.conversations.values()];
    const conversation = candidates.find((candidate) => candidate && timingSafeEqual(candidate.tokenHash, given));
    return conversation && conversation.expiresAt > Date.now() ? conversation : null;
  }

  private append(conversation: Conversation, activity: Activity): Activity {
    const stored: Activity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`,
      conversation: { id: conversation.id },
      channelId: 'directline',
      timestamp: new Date().toISOString(),
    };
    conversation.activities.push(stored);
    const message = JSON.stringify({ activities: [stored], watermark: String(conversation.activities.length) });
    for (const socket of conversation.sockets) socket.send(message);
    return stored;
  }

  private async toBot(conversation: Conversation, activity: Activity): Promise<void> {
    const base = this.botUrl();
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...activity,
        channelId: 'directline',
        serviceUrl: `${base}${connectorPath}/`,
        from: { id: conversation.userId, role: 'user' },
        recipient: { id: 'energobot', role: 'bot' },
        conversation: { id: conversation.id },
      }),
    });
    if (!response.ok) this.log.warn('bot refused a relayed activity', { status: response.status });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '', 'http://relay');
    const id = new RegExp(`^${basePath}/conversations/([^/]+)/stream$`).exec(url.pathname)?.[1];
    const conversation = id ? this.authorised(url.searchParams.get('t') ?? '', id) : null;
    if (!conversation) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      // What came before the client connected (the greeting, first of all) is sent at once.
      const watermark = Number(url.searchParams.get('watermark') ?? 0) || 0;
      const backlog = conversation.activities.slice(watermark);
      if (backlog.length > 0) ws.send(JSON.stringify({ activities: backlog, watermark: String(conversation.activities.length) }));
      conversation.sockets.add(ws);
      ws.on('close', () => conversation.sockets.delete(ws));
    });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, conversation] of this.conversations) {
      if (conversation.expiresAt + tokenLifetimeMs < now) this.conversations.delete(id);
    }
  }

  close(): void {
    for (const conversation of this.conversations.values()) for (const socket of conversation.sockets) socket.terminate();
    this.sockets.close();
  }
}

function bearer(req: Request): string {
  return /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '';
}
