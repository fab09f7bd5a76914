import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { cannedLimits, type CannedView } from './desk-canned-page';
import { expired, type DeskPages } from './desk-pages';
import type { Desk } from './desk';
import { atWork, html, postedAtWork, redirect, viewerOf, withCsrf, type SignedIn } from './desk-session';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const cannedForm = withCsrf.extend({
  title: z.string().trim().min(1).max(cannedLimits.title),
  text: z.string().trim().min(1).max(cannedLimits.text),
});
/** What a refused form held, as text, shown again. */
const givenFields = z.object({ title: z.string().max(1000).catch(''), text: z.string().max(20_000).catch('') }).catch({ title: '', text: '' });
/** `?edit=`: the canned answer whose words the form starts from. */
const cannedQuery = z.object({ edit: id.optional().catch(undefined) }).catch({});
const idPath = z.object({ id }).catch({ id: 0 });

async function cannedPage(
  desk: Desk,
  pages: DeskPages,
  res: Response,
  current: SignedIn,
  extra: Omit<CannedView, 'answers'> & { readonly edit?: number } = {},
) {
  const [viewer, answers] = await Promise.all([viewerOf(desk.services.appeals, current), desk.services.cannedAnswers.list()]);
  const edited = answers.find((answer) => answer.id === extra.edit);
  const given = extra.given ?? (edited && { title: edited.title, text: edited.text });
  html(res, extra.refused ? 400 : 200, pages.canned(viewer, { answers, ...(given && { given }), ...(extra.refused && { refused: true }) }));
}

/** `/desk/canned`: the team's canned answers, added, given new words (the same title) and deleted. */
export function mountCannedAnswers(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk/canned', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    await cannedPage(desk, pages, res, current, { ...cannedQuery.parse(req.query) });
  });

  server.post('/desk/canned', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const form = cannedForm.safeParse(req.body);
    if (!form.success) return cannedPage(desk, pages, res, current, { given: givenFields.parse(req.body), refused: true });
    await desk.services.cannedAnswers.save({ title: form.data.title, text: form.data.text }, new Date());
    redirect(res, '/desk/canned');
  });

  server.post('/desk/canned/:id/delete', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const { id: chosen } = idPath.parse(req.params);
    if (chosen > 0) await desk.services.cannedAnswers.remove(chosen);
    redirect(res, '/desk/canned');
  });
}
