import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Locale } from '../../../core/kernel/locale';
import type { ChatAddress } from '../../../core/kernel/channel';
import type { Localizer } from '../../../core/kernel/localizer';
import { completePayment } from '../../../core/features/pay/complete-payment';
import type { ChatPushes } from '../../../core/features/outbox/ports';
import type { PaymentOrders } from '../../../core/features/pay/ports';
import { money, text, type Text } from '../../../core/kernel/text';

export interface SandboxOptions {
  readonly orders: PaymentOrders;
  readonly pushes: ChatPushes;
  readonly localizer: Localizer;
  /** Signs the callback as a provider signs its notifications. */
  readonly secret: string;
  readonly baseUrl: () => string;
  readonly pushed: () => void;
  /** A page's language, asked for or else its order's chat's (an English chat gets an English card page). */
  readonly pageLocale: (req: Request, chat: ChatAddress | undefined) => Promise<Locale>;
}

/** The sandbox's test cards: one is paid, one is declined, as on a real provider's test page. */
export const sandboxCards = { succeeds: '4242424242424242', declined: '4000000000000002' } as const;

const callbackBody = z.object({ orderId: z.string().regex(/^[0-9a-f]{32}$/), status: z.enum(['succeeded', 'failed']) });
/** What restify parsed of a request is typed `any`: each part the page reads goes through a schema. */
const orderPath = z.object({ id: z.string() }).catch({ id: '' });
/** The card as typed (spaces and all) or as a number in JSON; anything else is no card. */
const cardForm = z.object({ card: z.coerce.string() }).catch({ card: '' });

export function signSandboxBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function mountSandboxPayments(server: Server, options: SandboxOptions): void {
  server.get('/pay/:id', async (req: Request, res: Response) => {
    const order = await options.orders.find(orderPath.parse(req.params).id);
    const locale = await options.pageLocale(req, order?.chat);
    if (!order) return page(res, 404, options.localizer, locale, text('sandbox-unknown-order'));
    if (order.status !== 'pending')
      return page(res, 200, options.localizer, locale, order.status === 'succeeded' ? text('sandbox-succeeded') : text('sandbox-failed'));
    return page(res, 200, options.localizer, locale, text('sandbox-amount', { amount: money(order.amount), account: order.account }), true);
  });

  server.post('/pay/:id', async (req: Request, res: Response) => {
    const { id } = orderPath.parse(req.params);
    const order = await options.orders.find(id);
    const locale = await options.pageLocale(req, order?.chat);
    if (!order) return page(res, 404, options.localizer, locale, text('sandbox-unknown-order'));
    const card = cardForm.parse(req.body).card.replace(/\D/g, '');
    if (card !== sandboxCards.succeeds && card !== sandboxCards.declined) {
      return page(res, 400, options.localizer, locale, text('sandbox-card-invalid'), true);
    }
    const status = card === sandboxCards.succeeds ? 'succeeded' : 'failed';
    const body = JSON.stringify({ orderId: id, status });
    const callback = await fetch(`${options.baseUrl()}/payments/sandbox/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-signature': signSandboxBody(body, options.secret) },
      body,
    });
    if (!callback.ok) return page(res, 502, options.localizer, locale, text('sandbox-failed'));
    return page(res, 200, options.localizer, locale, status === 'succeeded' ? text('sandbox-succeeded') : text('sandbox-failed'));
  });

  // The provider's notification: trusted only with a valid signature over the exact body.
  server.post('/payments/sandbox/callback', async (req: Request, res: Response) => {
    const raw = JSON.stringify(req.body ?? {});
    const given = Buffer.from(req.header('x-sandbox-signature') ?? '');
    const expected = Buffer.from(signSandboxBody(raw, options.secret));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.send(401, { error: 'bad signature' });
    const body = callbackBody.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'not a payment notification' });
    const changed = await completePayment(options, body.data.orderId, body.data.status);
    if (changed) options.pushed();
    res.send(200, { ok: true });
  });
}

function page(res: Response, status: number, localizer: Localizer, locale: Locale, message: Text, form = false): void {
  const say = (words: Text) => localizer.format(locale, words).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.writeHead(status);
  res.end(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say(text('sandbox-title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px}label,input,button{display:block;width:100%;font-size:18px;margin:8px 0}input,button{padding:10px;box-sizing:border-box}button{background:#00589C;color:#fff;border:0;border-radius:4px}.hint{color:#666;font-size:14px}</style>
</head><body>
<h1>${say(text('sandbox-title'))}</h1>
<p role="status">${say(message)}</p>
${
  form
    ? `<form method="post"><label for="card">${say(text('sandbox-card-label'))}</label><input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required>
<button type="submit">${say(text('sandbox-pay-button'))}</button></form><p class="hint">${say(text('sandbox-hint', { succeeds: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' }))}</p>`
    : `<p>${say(text('sandbox-back'))}</p>`
}
</body></html>`);
}
