import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isLocale, type Locale } from '../../../core/kernel/locale';
import type { Localizer } from '../../../core/kernel/localizer';
import { text, type Text } from '../../../core/kernel/text';
import { errorFields, type Log } from '../../../core/kernel/log';
import { RateLimit } from '../http/rate-limit';
import { escapeHtml } from '../../../core/kernel/html';
import { pageLocale } from '../pages/html-page';
import { clientNetwork } from '../http/request-origin';
import type { WebChatTokens } from './webchat-tokens';

export interface WebChatOptions {
  readonly tokens: WebChatTokens;
  readonly localizer: Localizer;
  readonly style: {
    readonly hideUploadButton: boolean;
    readonly uploadAccept: string;
    readonly uploadMultiple: boolean;
    readonly sendAttachmentOn: 'attach' | 'send';
    readonly suggestedActionLayout: 'stacked';
    readonly suggestedActionsStackedHeight: 'auto';
    readonly accent: string;
    readonly botAvatarImage?: string;
    readonly botAvatarInitials: string;
  };
  /** Sites allowed to embed the widget (CORS); the bot's own page needs no entry. */
  readonly allowedOrigins: readonly string[];
  /** Proxies whose `X-Forwarded-For` names the client. */
  readonly trustedProxies: readonly string[];
  /** A chat was opened for this user from this client address. */
  readonly opened: (userId: string, address: string) => Promise<void>;
  readonly log: Log;
}

const webChatBundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
const embedScript = readFileSync(join(__dirname, 'embed.js'), 'utf8');

const tokenRequest = z.object({
  /** The browser's own secret; the chat user is derived from it. */
  user: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  locale: z.string().max(16).optional(),
  /** The conversation this page had before a reload, to continue it. */
  earlier: z.object({ conversationId: z.string().min(1).max(128), token: z.string().min(1).max(2048) }).optional(),
});

/** The web-chat page at `/`, the embeddable script, Web Chat itself, and per-user tokens. */
export function mountWebChat(server: Server, options: WebChatOptions): void {
  server.pre((req: Request, res: Response, next: Next) => {
    const origin = req.header('origin');
    if (origin && options.allowedOrigins.includes(origin)) {
      res.header('access-control-allow-origin', origin);
      res.header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.header('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.header('access-control-allow-headers', 'authorization, content-type, x-ms-bot-agent');
        res.send(204);
        return next(false);
      }
    }
    return next();
  });

  server.get('/', async (req: Request, res: Response) => {
    const locale = pageLocale(req);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(page(options, locale));
  });

  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.send(204);
  });

  server.get('/embed.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.end(embedScript);
  });

  server.get('/webchat.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=86400');
    res.writeHead(200);
    await pipeline(createReadStream(webChatBundle), res);
  });

  // New chats from one address are limited: a script cannot mint identities (or conversations) without end.
  const tokensPerAddress = new RateLimit(30, 10 * 60_000);
  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    const address = clientNetwork(req, options.trustedProxies);
    if (!tokensPerAddress.take(address)) {
      return void res.send(429, { error: 'too many chats from this address; try again in a few minutes' });
    }
    const parsed = tokenRequest.safeParse(req.body);
    if (!parsed.success) return void res.send(400, { error: 'expected { user: 16-128 of A-Z a-z 0-9 _ -, locale, earlier?: { conversationId, token } }' });
    const locale: Locale = parsed.data.locale && isLocale(parsed.data.locale) ? parsed.data.locale : 'ru';
    const userId = `web-${createHash('sha256').update(parsed.data.user).digest('hex').slice(0, 32)}`;
    try {
      await options.opened(userId, address);
      const session = await options.tokens.issue(userId, locale, `http://${req.headers.host ?? '127.0.0.1'}`, parsed.data.earlier);
      res.send(200, { ...session, locale, style: options.style });
    } catch (error) {
      options.log.error('web chat token failed', errorFields(error));
      res.send(502, { error: 'chat is unavailable' });
    }
  });
}

function page(options: WebChatOptions, locale: Locale): string {
  const say = (message: Text) => escapeHtml(options.localizer.format(locale, message));
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say(text('webchat-title'))}</title>
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { display: flex; flex-direction: column; background: #f4f6f8; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 12px 20px; background: ${escapeHtml(options.style.accent)}; color: #fff; }
  header h1 { margin: 0; font-size: 18px; font-weight: 600; }
  header a { color: #fff; font-size: 14px; }
  main { flex: 1; min-height: 0; max-width: 760px; width: 100%; margin: 0 auto; background: #fff; box-shadow: 0 0 12px rgba(0,0,0,.08); }
  #energobot { height: 100%; }
  .unavailable { display: none; padding: 24px; }
  #energobot[data-energobot="unavailable"] + .unavailable { display: block; }
</style>
</head>
<body>
<header><h1>${say(text('webchat-title'))}</h1><a href="?lang=${other}" lang="${other}">${escapeHtml(options.localizer.format(other, text('webchat-language-link')))}</a></header>
<main>
  <div id="energobot" role="region" aria-label="${say(text('webchat-title'))}"></div>
  <p class="unavailable" role="alert">${say(text('webchat-unavailable'))}</p>
  <noscript><p>${say(text('webchat-noscript'))}</p></noscript>
</main>
<script src="/embed.js" data-locale="${locale}" async></script>
</body>
</html>`;
}
