import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Bot } from 'grammy';
import { z } from 'zod';
import type { FileStore } from '../../../core/kernel/file-store';
import type { EnergobotActivityHandler } from '../botframework/energobot-activity-handler';
import { errorFields, type Log } from '../../../core/kernel/log';
import { isLoopback, sameSecret } from './request-origin';

export interface ServerParts {
  readonly log: Log;
  readonly botFramework: { readonly adapter: CloudAdapter; readonly handler: EnergobotActivityHandler; readonly authenticated: boolean };
  readonly telegramWebhook?: { readonly bot: Bot; readonly secret: string };
  readonly health: () => Promise<Record<string, 'ok' | 'down' | 'not configured'>>;
  /** True once the process stops: a load balancer sends it nothing new. */
  readonly draining: () => boolean;
  /** Prometheus's text, for a caller on this machine or one with the operator token. */
  readonly metrics: { readonly text: () => Promise<{ readonly contentType: string; readonly body: string }>; readonly token: string | undefined };
  readonly files: FileStore;
  /** Paths that take files (`multipart/form-data`): each route reads them itself, in memory, with its limits. */
  readonly uploads: readonly RegExp[];
}

/** What /api/messages checks before Bot Framework reads the rest: who sent it, and where replies go. */
const activityEnvelope = z.object({ from: z.object({ id: z.string().min(1).max(256) }), serviceUrl: z.string().url().max(2048) }).passthrough();

/** A request a proxy relayed: the socket's address is the proxy's, not the caller's. */
function proxied(req: Request): boolean {
  return ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'].some((header) => req.header(header) !== undefined);
}

function hostOf(url: string): string {
  const host = new URL(url).hostname;
  return host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, '');
}

/** Only the fields the webhook needs to route an update; grammY reads the rest. */
const telegramUpdate = z.object({ update_id: z.number().int() }).passthrough();

/** A download's name as browsers read it: ASCII for old ones, the real name in UTF-8 (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** What restify parsed of a path is typed `any`: the file's token goes through a schema. */
const filePath = z.object({ token: z.string() }).catch({ token: '' });

function multipart(req: Request): boolean {
  return /^multipart\//i.test(req.header('content-type') ?? '');
}

export function createServer(parts: ServerParts): Server {
  const server = restify.createServer({ name: 'energobot', handleUncaughtExceptions: false });
  refuseStrayUploads(server, parts.uploads);
  hideErrorDetails(server, parts.log);
  parseBodies(server);
  mountBotFramework(server, parts.botFramework);
  if (parts.telegramWebhook) mountTelegramWebhook(server, parts.telegramWebhook, parts.log);
  mountFiles(server, parts.files);
  mountProbes(server, parts);
  return server;
}

/**
 * A multipart body is refused before anything parses it, but on the routes that take files,
 * which read them in memory with their own limits: no upload ever lands in a temporary folder.
 */
function refuseStrayUploads(server: Server, uploads: readonly RegExp[]): void {
  server.pre((req: Request, res: Response, next: Next) => {
    if (multipart(req) && !uploads.some((path) => path.test(req.path()))) {
      res.send(415, { error: 'files are not taken here' });
      return next(false);
    }
    return next();
  });
}

/** A route that throws answers 500 with a word, never the error's own text (SQL, paths, hosts). */
function hideErrorDetails(server: Server, log: Log): void {
  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) {
      log.error('request failed', { method: req.method, path: req.path(), ...errorFields(error) });
      // With a status of its own the error is sent as it is, so its body is only this word.
      error.statusCode ??= 500;
      error.toJSON = () => ({ error: 'internal error; try again later' });
    }
    callback();
  });
}

/** Queries and bodies, never merged into `req.params` (a body cannot pose as a part of the path); a multipart body is left to its route. */
function parseBodies(server: Server): void {
  server.use(restify.plugins.queryParser({ mapParams: false }));
  for (const parse of restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false })) {
    server.use((req: Request, res: Response, next: Next) => {
      if (multipart(req)) next();
      else parse(req, res, next);
    });
  }
}

function mountBotFramework(server: Server, botFramework: ServerParts['botFramework']): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const { adapter, handler, authenticated } = botFramework;
    const activity = activityEnvelope.safeParse(req.body);
    if (!activity.success) return void res.send(400, { error: 'not an activity: from.id and serviceUrl are required' });
    // Without an app id Bot Framework trusts any caller and replies to any serviceUrl: only a caller
    // on this machine, not relayed by a proxy, and only with a serviceUrl on this machine.
    if (!authenticated && (!isLoopback(req.socket.remoteAddress) || proxied(req) || !isLoopback(hostOf(activity.data.serviceUrl)))) {
      res.send(403, { error: 'Bot Framework credentials are not configured; only direct loopback callers with a loopback serviceUrl are accepted' });
      return;
    }
    await adapter.process(req, res, (context) => handler.onTurn(context));
  });
}

function mountTelegramWebhook(server: Server, webhook: NonNullable<ServerParts['telegramWebhook']>, log: Log): void {
  server.post('/telegram/webhook', async (req: Request, res: Response) => {
    if (!sameSecret(req.header('x-telegram-bot-api-secret-token') ?? '', webhook.secret)) {
      res.send(401, { error: 'wrong secret token' });
      return;
    }
    const update = telegramUpdate.safeParse(req.body);
    if (!update.success) {
      res.send(400, { error: 'not a Telegram update' });
      return;
    }
    try {
      await webhook.bot.handleUpdate(update.data);
      res.send(200);
    } catch (error) {
      // Not handled: Telegram delivers it again after a 5xx.
      log.warn('telegram webhook update not handled', { updateId: update.data.update_id, ...errorFields(error) });
      res.send(503, { error: 'not handled; deliver again' });
    }
  });
}

/** Charts and exports for Bot Framework attachments: the random token is the signature, and it expires. */
function mountFiles(server: Server, files: FileStore): void {
  server.get('/files/:token', async (req: Request, res: Response) => {
    const file = await files.get(filePath.parse(req.params).token);
    if (!file) return void res.send(404, { error: 'no such file, or its link has expired' });
    res.setHeader('content-type', file.mime === 'text/csv' ? 'text/csv; charset=utf-8' : file.mime);
    // Pictures show in the chat; anything else (a customer's upload among them) is only ever a download.
    res.setHeader('content-disposition', contentDisposition(file.mime.startsWith('image/') ? 'inline' : 'attachment', file.name));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, max-age=3600');
    res.writeHead(200);
    res.end(file.bytes);
  });
}

/** What the load balancer and the monitoring ask: is it alive, may it take customers, how is it doing. */
function mountProbes(server: Server, parts: Pick<ServerParts, 'health' | 'draining' | 'metrics'>): void {
  // Liveness: the process answers, and says what it depends on. A store that is down is no reason to restart it.
  server.get('/health', async (_req: Request, res: Response) => {
    const checks = await parts.health();
    const healthy = Object.values(checks).every((status) => status !== 'down');
    res.send(200, { status: healthy ? 'ok' : 'degraded', ...checks });
  });

  // Readiness: send this instance customers only while its stores answer and it is not stopping.
  server.get('/ready', async (_req: Request, res: Response) => {
    const checks = await parts.health();
    const draining = parts.draining();
    const ready = !draining && Object.values(checks).every((status) => status !== 'down');
    res.send(ready ? 200 : 503, { ready, draining, ...checks });
  });

  server.get('/metrics', async (req: Request, res: Response) => {
    const bearer = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    const allowed =
      (isLoopback(req.socket.remoteAddress) && !proxied(req)) ||
      (parts.metrics.token !== undefined && bearer !== undefined && sameSecret(bearer, parts.metrics.token));
    if (!allowed) return void res.send(401, { error: 'metrics: from this machine, or with the operator token' });
    const { contentType, body } = await parts.metrics.text();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  });
}
