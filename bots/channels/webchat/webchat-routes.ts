import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isLocale, locales, type Locale } from '../../../core/kernel/locale';
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
  /** The language the user's chat chose (`/language`), if it did: the page follows it over its own. */
  readonly chosenLocale: (userId: string) => Promise<Locale | null>;
  readonly log: Log;
}

const webChatBundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
const embedScript = readFileSync(join(__dirname, 'embed.js'), 'utf8');
const pageScript = readFileSync(join(__dirname, 'page.js'), 'utf8');

const tokenRequest = z.object({
  /** The browser's own secret; the chat user is derived from it. */
  user: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  locale: z.string().max(16).optional(),
  /** The conversation this page had before a reload, to continue it. */
  earlier: z.object({ conversationId: z.string().min(1).max(128), token: z.string().min(1).max(2048) }).optional(),
  /** The page was opened by a link from an e-mail: its task is the greeting, not the menu. */
  linkOpened: z.boolean().optional(),
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

  mountScripts(server);

  // New chats from one address are limited: a script cannot mint identities (or conversations) without end.
  const tokensPerAddress = new RateLimit(30, 10 * 60_000);
  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    const address = clientNetwork(req, options.trustedProxies);
    if (!tokensPerAddress.take(address)) {
      return void res.send(429, { error: 'too many chats from this address; try again in a few minutes' });
    }
    const parsed = tokenRequest.safeParse(req.body);
    if (!parsed.success)
      return void res.send(400, { error: 'expected { user: 16-128 of A-Z a-z 0-9 _ -, locale, earlier?: { conversationId, token }, linkOpened?: boolean }' });
    const asked: Locale = parsed.data.locale && isLocale(parsed.data.locale) ? parsed.data.locale : 'ru';
    const userId = `web-${createHash('sha256').update(parsed.data.user).digest('hex').slice(0, 32)}`;
    try {
      await options.opened(userId, address);
      // The chat's own choice wins over the page's: a reload after «English» in the chat stays English.
      const locale = (await options.chosenLocale(userId)) ?? asked;
      // From now on the bot's replies are live: the page follows their language, not the transcript's older ones.
      const since = new Date().toISOString();
      const greet = parsed.data.linkOpened !== true;
      const session = await options.tokens.issue(userId, locale, `http://${req.headers.host ?? '127.0.0.1'}`, parsed.data.earlier, greet);
      res.send(200, { ...session, locale, since, style: options.style });
    } catch (error) {
      options.log.error('web chat token failed', errorFields(error));
      res.send(502, { error: 'chat is unavailable' });
    }
  });
}

/** The scripts the page loads: the loader (for any site), the page's own, and Web Chat itself. */
function mountScripts(server: Server): void {
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.send(204);
  });

  server.get('/embed.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.end(embedScript);
  });

  server.get('/page.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.end(pageScript);
  });

  server.get('/webchat.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=86400');
    res.writeHead(200);
    await pipeline(createReadStream(webChatBundle), res);
  });
}

/** The page's own texts in each language, for `page.js` to switch to the one the chat chose. */
function pageTexts(localizer: Localizer): string {
  const texts = Object.fromEntries(
    locales.map((locale) => {
      const other = otherLocale(locale);
      const say = (message: Text, language: Locale = locale) => localizer.format(language, message);
      return [
        locale,
        { title: say(text('webchat-title')), unavailable: say(text('webchat-unavailable')), link: say(text('webchat-language-link'), other), other },
      ];
    }),
  );
  // Inside <script>: a "<" in a text must not close the element.
  return JSON.stringify(texts).replace(/</g, '\\u003c');
}

const otherLocale = (locale: Locale): Locale => (locale === 'ru' ? 'en' : 'ru');

function page(options: WebChatOptions, locale: Locale): string {
  const say = (message: Text) => escapeHtml(options.localizer.format(locale, message));
  const other = otherLocale(locale);
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
<header><h1>${say(text('webchat-title'))}</h1><a id="energobot-language" href="?lang=${other}" lang="${other}">${escapeHtml(options.localizer.format(other, text('webchat-language-link')))}</a></header>
<main>
  <div id="energobot" role="region" aria-label="${say(text('webchat-title'))}"></div>
  <p class="unavailable" role="alert">${say(text('webchat-unavailable'))}</p>
  <noscript><p>${say(text('webchat-noscript'))}</p></noscript>
</main>
<script type="application/json" id="energobot-page-texts">${pageTexts(options.localizer)}</script>
<script src="/page.js"></script>
<script src="/embed.js" data-locale="${locale}" async></script>
</body>
</html>`;
}
