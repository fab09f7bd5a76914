import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { appealsPerPage } from '../../../core/features/appeals/appeal-search';
import { parseAccountNumber } from '../../../core/kernel/account-number';
import { text } from '../../../core/kernel/text';
import { contentDisposition } from '../http/server';
import type { DeskPages } from './desk-pages';
import { queueFilter, queueQuery } from './desk-queue-query';
import type { Desk } from './desk';
import { atWork, html, redirect, session, viewerOf } from './desk-session';

const filePath = z.object({ id: z.string() }).catch({ id: '' });
/** `?account=` of the readings view: a well-formed account number, or all accounts. */
const readingsQuery = z
  .object({
    account: z
      .string()
      .transform((typed, context) => {
        const number = parseAccountNumber(typed);
        if (!number.ok) context.addIssue({ code: 'custom', message: 'not an account number' });
        return number.ok ? number.value : z.NEVER;
      })
      .optional(),
  })
  .catch({});
/** Submissions the readings view shows at most: the newest. */
const readingsShown = 50;

/** What a signed-in operator reads: the queue, the readings with photos, the files of appeals. */
export function mountDeskQueue(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current) return html(res, 200, pages.signIn());
    if (current.operator.mustChangePassword) return html(res, 200, pages.newPassword(current.operator.login, current.csrf));
    const query = queueQuery.parse(req.query);
    const now = new Date();
    const filter = queueFilter(query, current.operator.login, now);
    const [viewer, found] = await Promise.all([
      viewerOf(desk.services.appeals, current),
      filter ? desk.services.appeals.search(filter, { page: query.page, perPage: appealsPerPage }) : { appeals: [], total: 0 },
    ]);
    html(res, 200, pages.queue(viewer, { query, appeals: found.appeals, total: found.total, perPage: appealsPerPage, now }));
  });

  server.get('/desk/readings', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    const account = readingsQuery.parse(req.query).account ?? null;
    const submissions = await desk.services.readingPhotos.recent(account, readingsShown);
    html(res, 200, pages.readings(await viewerOf(desk.services.appeals, current), account, submissions));
  });

  server.get('/desk/files/:id', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    const file = await desk.services.attachments.get(filePath.parse(req.params).id);
    if (!file) return html(res, 404, pages.notFound(await viewerOf(desk.services.appeals, current), text('desk-file-not-found')));
    // Pictures open in the browser; a PDF is downloaded; a customer's file is never read as a page.
    res.writeHead(200, {
      'content-type': file.ref.mime,
      'content-disposition': contentDisposition(file.ref.mime.startsWith('image/') ? 'inline' : 'attachment', file.ref.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'private, no-store',
    });
    res.end(file.bytes);
  });
}
