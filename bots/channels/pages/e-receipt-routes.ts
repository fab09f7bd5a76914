import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { confirmEReceiptChange } from '../../../core/features/e-receipt/confirm-e-receipt';
import type { Locale } from '../../../core/kernel/locale';
import { escapeHtml } from '../../../core/kernel/html';
import { pageLocale } from './html-page';
import type { Localizer } from '../../../core/kernel/localizer';
import type { ChatPushes, MailOutbox } from '../../../core/features/outbox/ports';
import type { EReceipts } from '../../../core/features/e-receipt/ports';
import type { Settings } from '../../../core/features/accounts/ports';
import { text, type Text } from '../../../core/kernel/text';

export interface EReceiptPages {
  readonly services: { readonly eReceipts: EReceipts; readonly pushes: ChatPushes; readonly settings: Settings; readonly mail: MailOutbox };
  readonly localizer: Localizer;
  readonly timeZone: string;
  /** Called after the chat's news is queued, to deliver it now. */
  readonly pushed: () => void;
}

/** The link's token: in the query of the link itself, in the body of the form its page posts. */
const withToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

/**
 * The page an e-receipt letter's link opens. Following the link only shows a button: mail
 * scanners open links too, and must not confirm anything. The button confirms, once.
 */
export function mountEReceiptPages(server: Server, pages: EReceiptPages): void {
  server.get('/e-receipt/confirm', async (req: Request, res: Response) => {
    const locale = pageLocale(req);
    const given = withToken.safeParse(req.query);
    if (!given.success) return send(res, 404, pages.localizer, locale, text('e-receipt-page-unknown'));
    // A used or expired link says so at once, rather than offering a button that cannot work.
    const link = await pages.services.eReceipts.peek(given.data.token, new Date());
    if (link.state !== 'open') return refuse(res, pages.localizer, link.locale ?? locale, link.state);
    const say = (message: Text) => escapeHtml(pages.localizer.format(link.locale ?? locale, message));
    send(
      res,
      200,
      pages.localizer,
      link.locale ?? locale,
      text('e-receipt-page-ask'),
      `<form method="post" action="/e-receipt/confirm"><input type="hidden" name="token" value="${given.data.token}"><button type="submit">${say(text('e-receipt-page-confirm'))}</button></form>`,
    );
  });

  server.post('/e-receipt/confirm', async (req: Request, res: Response) => {
    const given = withToken.safeParse(req.body);
    if (!given.success) return send(res, 404, pages.localizer, pageLocale(req), text('e-receipt-page-unknown'));
    const confirmation = await confirmEReceiptChange({ ...pages.services, localizer: pages.localizer }, given.data.token, new Date(), pages.timeZone);
    if (confirmation.outcome === 'confirmed') {
      pages.pushed();
      return send(res, 200, pages.localizer, confirmation.locale, confirmation.page);
    }
    refuse(res, pages.localizer, confirmation.locale ?? pageLocale(req), confirmation.outcome);
  });
}

function refuse(res: Response, localizer: Localizer, locale: Locale, outcome: 'unknown' | 'expired' | 'used'): void {
  const page = { unknown: text('e-receipt-page-unknown'), expired: text('e-receipt-page-expired'), used: text('e-receipt-page-used') }[outcome];
  send(res, outcome === 'unknown' ? 404 : 410, localizer, locale, page);
}

function send(res: Response, status: number, localizer: Localizer, locale: Locale, message: Text, form = ''): void {
  const say = (words: Text) => escapeHtml(localizer.format(locale, words));
  const body = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say(text('e-receipt-page-title'))}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:560px;margin:40px auto;padding:0 20px;line-height:1.5}button{font-size:16px;padding:10px 20px;background:#00589c;color:#fff;border:0;border-radius:6px}</style>
</head><body><h1>${say(text('e-receipt-page-title'))}</h1><p>${say(message)}</p>${form}</body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(body);
}
