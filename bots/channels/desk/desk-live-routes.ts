import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { endLiveChat, sayToCustomer, takeLiveChat } from '../../../core/features/live-chat/operator-side';
import { queuePlaces } from '../../../core/features/live-chat/queue-place';
import type { LiveChat, LiveMessage } from '../../../core/features/live-chat/ports';
import { text, type Text } from '../../../core/kernel/text';
import { readOperatorReply } from '../operator-api/operator-reply';
import { expired, type DeskPages } from './desk-pages';
import type { Desk } from './desk';
import { liveHref, liveSignature, liveTextMaxLength, type LiveChatView, type LiveViewer } from './desk-live-page';
import { atWork, formKey, html, postedAtWork, redirect, viewerOf, type SignedIn } from './desk-session';
import { fileHref } from './desk-html';

/** `:id` of a conversation: digits only, within the database's integer; anything else names none (0). */
const livePath = z
  .object({
    id: z
      .string()
      .regex(/^[1-9]\d{0,9}$/)
      .transform(Number)
      .pipe(z.number().max(2_147_483_647))
      .catch(0),
  })
  .catch({ id: 0 });
/** `?after=`: the last message the page has; anything odd, from the start. */
const afterQuery = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).catch(0) }).catch({ after: 0 });
const said = z.object({ text: z.string().default(''), key: formKey });
/** What a refused form gave as its text, shown again so that the operator need not type it twice. */
const givenFields = z.object({ text: z.string().catch('') }).catch({ text: '' });

const liveIn = (req: Request): number => livePath.parse(req.params).id;

/** The header's counts: the new appeals, and the customers waiting for an operator. */
async function liveViewer(desk: Desk, current: SignedIn): Promise<LiveViewer> {
  const [viewer, queue] = await Promise.all([viewerOf(desk.services.appeals, current), desk.services.liveChats.queue()]);
  return { ...viewer, waiting: queue.length };
}

/** Being on these pages is being on duty: customers may join the queue while some operator is. */
const onDuty = (desk: Desk, current: SignedIn) => desk.services.liveChats.onDuty(current.operator.login, new Date());

/**
 * «Чат с клиентами»: the queue of customers who asked for an operator, taken first come first
 * served (two operators at once: one wins, the other is told); the conversation, written to only
 * by the operator who took it, with files both ways; ended by her. The page asks for what is new
 * every few seconds (`/messages`), and works without its script too.
 */
export function mountDeskLive(server: Server, desk: Desk, pages: DeskPages): void {
  mountLivePages(server, desk, pages);
  mountLiveActions(server, desk, pages);
  mountLiveSay(server, desk, pages);
}

function mountLivePages(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk/live', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    await onDuty(desk, current);
    await queuePage(desk, pages, res, current);
  });

  server.get('/desk/live/:id', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    await onDuty(desk, current);
    await chatPage(desk, pages, res, current, liveIn(req));
  });

  server.get('/desk/live/:id/messages', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    await onDuty(desk, current);
    const live = await desk.services.liveChats.get(liveIn(req));
    if (!live) return json(res, 404, { error: 'no such conversation' });
    const messages = await desk.services.liveChats.messages(live.id, afterQuery.parse(req.query).after);
    json(res, 200, { status: live.status, messages: messages.map((message) => messageJson(desk, message)) });
  });
}

/** The queue's page; `refused` says why a take failed (the page then answers 409). */
async function queuePage(desk: Desk, pages: DeskPages, res: Response, current: SignedIn, refused?: Text): Promise<void> {
  const now = new Date();
  const [viewer, places, mine] = await Promise.all([
    viewerOf(desk.services.appeals, current),
    queuePlaces(desk.services.liveChats, now),
    desk.services.liveChats.talking(current.operator.login),
  ]);
  const firsts = await desk.services.liveChats.firstMessages(places.map(({ live }) => live.id));
  const waiting = places.map(({ live, place }) => ({ live, position: place.position, first: firsts.get(live.id) ?? null }));
  html(res, refused ? 409 : 200, pages.liveQueue({ ...viewer, waiting: waiting.length }, { waiting, mine, now, ...(refused && { refused }) }));
}

/** A conversation's page; a refused message keeps its words (`status` says how it was refused). */
async function chatPage(
  desk: Desk,
  pages: DeskPages,
  res: Response,
  current: SignedIn,
  id: number,
  refused?: { readonly status: 400 | 403 | 413; readonly error: Text; readonly text: string },
): Promise<void> {
  const [viewer, live] = await Promise.all([liveViewer(desk, current), desk.services.liveChats.get(id)]);
  if (!live) return html(res, 404, pages.notFound(viewer, text('desk-live-not-found')));
  const view: LiveChatView = {
    live,
    messages: await desk.services.liveChats.messages(live.id, 0),
    key: randomBytes(18).toString('base64url'),
    ...(refused && { refused: { error: refused.error, text: refused.text } }),
  };
  html(res, refused?.status ?? 200, pages.liveChat(viewer, view));
}

/** One message as the page's script reads it: plain values, the words as the customer or operator wrote them. */
function messageJson(desk: Desk, message: LiveMessage) {
  return {
    id: message.id,
    from: message.from,
    text: message.text,
    at: message.at,
    operator: message.operator,
    signature: desk.services.localizer.format('ru', liveSignature(message)),
    files: message.files.map((file) => ({ id: file.id, name: file.name, mime: file.mime, url: fileHref(file) })),
  };
}

function json(res: Response, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/** Why a take failed: another operator was first, or the customer left the queue. */
function notTaken(live: LiveChat | null): Text {
  if (live?.status === 'talking') return text('desk-live-take-refused', { id: String(live.id), login: live.operator ?? '' });
  return text('desk-live-take-gone', { id: String(live?.id ?? '') });
}

/** Taking and ending: first come first served; only the operator who holds a conversation ends it. */
function mountLiveActions(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/live/:id/take', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const id = liveIn(req);
    const live = await desk.services.liveChats.get(id);
    if (!live) return chatPage(desk, pages, res, current, id);
    if (await takeLiveChat(desk.services, id, current.operator.login, new Date())) {
      desk.pushed();
      return redirect(res, liveHref(id));
    }
    await queuePage(desk, pages, res, current, notTaken(await desk.services.liveChats.get(id)));
  });

  server.post('/desk/live/:id/end', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const id = liveIn(req);
    const live = await desk.services.liveChats.get(id);
    if (!live) return chatPage(desk, pages, res, current, id);
    // Over already (the customer ended it, or a second click): nothing to do.
    if (live.status === 'ended') return redirect(res, '/desk/live');
    if (live.operator !== current.operator.login)
      return chatPage(desk, pages, res, current, id, { status: 403, error: text('desk-live-end-not-yours'), text: '' });
    if (await endLiveChat(desk.services, id, new Date())) desk.pushed();
    redirect(res, '/desk/live');
  });
}

/** The operator's words and files to the customer (a multipart form, as the appeal's answer). */
function mountLiveSay(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/live/:id/say', async (req: Request, res: Response) => {
    // Nothing of the body is read for a caller without a session; files are kept only for a form with its CSRF token.
    const signedIn = await atWork(desk, req);
    if (!signedIn) return expired(res, pages);
    const reply = await readOperatorReply(req);
    const current = await postedAtWork(desk, req, reply.fields);
    if (!current) return expired(res, pages);
    const id = liveIn(req);
    const given = givenFields.parse(reply.fields).text;
    if (!reply.ok) return chatPage(desk, pages, res, current, id, { status: reply.status, error: reply.error, text: given });
    const form = said.safeParse(reply.fields);
    if (!form.success) return redirect(res, liveHref(id));
    const words = form.data.text.trim();
    if ((words === '' && reply.files.length === 0) || words.length > liveTextMaxLength)
      return chatPage(desk, pages, res, current, id, { status: 400, error: text('desk-live-say-empty', { max: liveTextMaxLength }), text: given });
    const message = { text: words, key: `desk:${form.data.key}`, files: reply.files };
    const outcome = await sayToCustomer(desk.services, id, current.operator.login, message, new Date());
    if (outcome === 'not-yours') return chatPage(desk, pages, res, current, id, { status: 403, error: text('desk-live-not-yours'), text: given });
    if (typeof outcome === 'object') return chatPage(desk, pages, res, current, id, { status: 400, error: outcome.refused, text: given });
    desk.pushed();
    redirect(res, liveHref(id));
  });
}
