import type { Request, Response, Server } from 'restify';
import { errorFields, type Log } from '../../../core/kernel/log';
import { sameSecret } from '../http/request-origin';
import { anyMaxUpdate } from './max-updates';

/** Where MAX posts updates when `MAX_WEBHOOK_URL` subscribes the bot. */
export const maxWebhookPath = '/max/webhook';

/**
 * MAX's webhook, answered only once the update was handled: a failure answers 503, and MAX
 * delivers the update again (the library's own callback answers 200 first, so a failed update
 * would be lost). Each call must carry the subscription's secret in `X-Max-Bot-Api-Secret`.
 */
export function mountMaxWebhook(
  server: Server,
  webhook: { readonly secret: string; readonly handle: (update: unknown) => Promise<void>; readonly log: Log },
): void {
  server.post(maxWebhookPath, async (req: Request, res: Response) => {
    if (!sameSecret(req.header('x-max-bot-api-secret') ?? '', webhook.secret)) {
      res.send(401, { error: 'wrong secret' });
      return;
    }
    const update = anyMaxUpdate.safeParse(req.body);
    if (!update.success) {
      res.send(400, { error: 'not a MAX update' });
      return;
    }
    try {
      await webhook.handle(update.data);
      res.send(200, { ok: true });
    } catch (error) {
      webhook.log.warn('MAX webhook update not handled', { updateType: update.data.update_type, ...errorFields(error) });
      res.send(503, { error: 'not handled; deliver again' });
    }
  });
}
