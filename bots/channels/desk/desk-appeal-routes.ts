import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { parseAppealNumber, type OperatorSignature } from '../../../core/features/appeals/appeal';
import { answerAppeal, closeAppeal, noteAppeal, reopenAppeal, sameAnswerGiven } from '../../../core/features/appeals/answer-appeal';
import { moment, text } from '../../../core/kernel/text';
import { readOperatorReply } from '../operator-api/operator-reply';
import { appealHref } from './desk-html';
import { expired, type DeskPages } from './desk-pages';
import type { Desk } from './desk';
import { atWork, formKey, html, posted, postedAtWork, redirect, viewerOf, withCsrf, type SignedIn } from './desk-session';
import type { ThreadRefusal } from './desk-thread-page';

/** A note is read by colleagues, not kept as a document: a few paragraphs at most. */
const noteMaxLength = 4000;
const answer = withCsrf.extend({ text: z.string().trim().min(1).max(10_000), key: formKey, repeat: z.literal('yes').optional() });
const note = withCsrf.extend({ text: z.string().trim().min(1).max(noteMaxLength), key: formKey });
// Typed by an operator with a Latin «A», without dashes: the same appeal.
const appealNumber = z.string().transform((typed, context) => {
  const number = parseAppealNumber(typed);
  if (number === null) context.addIssue({ code: 'custom', message: 'not an appeal number' });
  return number ?? z.NEVER;
});
/** What restify parsed of a request is typed `any`: each part the desk reads goes through a schema. */
const appealPath = z.object({ number: z.string() }).catch({ number: '' });
/** `?canned=`: the canned answer to put in the answer's box; anything else, none. */
const threadQuery = z.object({ canned: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) }).catch({});
/** What a refused form gave as its text, shown again so that the operator need not type it twice. */
const givenText = z.string().catch('');
const givenFields = z.object({ text: givenText }).catch({ text: '' });

/** The appeal a path names, as its link encodes it (a path that does not decode names none). */
function appealIn(req: Request) {
  const { number } = appealPath.parse(req.params);
  try {
    return appealNumber.safeParse(decodeURIComponent(number));
  } catch {
    return appealNumber.safeParse('');
  }
}

const signed = (current: SignedIn): OperatorSignature => ({ name: current.operator.login, route: 'desk' });

/** The thread's page; a refused form keeps what it held and says why, `canned` fills the answer's box. */
async function threadPage(
  desk: Desk,
  pages: DeskPages,
  res: Response,
  current: SignedIn,
  number: string | null,
  extra: { readonly refused?: ThreadRefusal; readonly canned?: number } = {},
): Promise<void> {
  const [found, viewer, canned] = await Promise.all([
    number === null ? null : desk.services.appeals.thread(number),
    viewerOf(desk.services.appeals, current),
    desk.services.cannedAnswers.list(),
  ]);
  if (!found) return html(res, 404, pages.notFound(viewer, text('desk-appeal-not-found')));
  const { refused } = extra;
  const keys = { answer: randomBytes(18).toString('base64url'), note: randomBytes(18).toString('base64url') };
  const view = { ...found, keys, canned, chosen: canned.find((item) => item.id === extra.canned), refused };
  html(res, refused ? (refused.form === 'take' ? 409 : 400) : 200, pages.thread(viewer, view));
}

/** An appeal's page, and the answer to it (with files, so its form is multipart). */
export function mountAppealPages(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk/appeals/:number', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    const number = appealIn(req);
    await threadPage(desk, pages, res, current, number.success ? number.data : null, { canned: threadQuery.parse(req.query).canned });
  });

  server.post('/desk/appeals/:number/answer', async (req: Request, res: Response) => {
    // Nothing of the body is read for a caller without a session; files are kept only for a form with its CSRF token.
    const signedIn = await atWork(desk, req);
    if (!signedIn) return expired(res, pages);
    const reply = await readOperatorReply(req);
    const current = await posted(desk, req, reply.fields);
    const number = appealIn(req);
    if (!current) return expired(res, pages);
    if (!number.success) return redirect(res, '/desk');
    if (!reply.ok)
      return threadPage(desk, pages, res, current, number.data, {
        refused: { form: 'answer', error: reply.error, text: givenFields.parse(reply.fields).text },
      });
    const form = answer.safeParse(reply.fields);
    if (!form.success) return redirect(res, appealHref(number.data));
    // The same words again within a day (Back, then send): only when the operator says so.
    const given = form.data.repeat ? undefined : sameAnswerGiven((await desk.services.appeals.thread(number.data))?.messages ?? [], form.data.text, new Date());
    if (given) {
      const error = text('desk-answer-repeated', { at: moment(new Date(given.at)) });
      return threadPage(desk, pages, res, current, number.data, { refused: { form: 'answer', error, text: form.data.text, repeat: true } });
    }
    // The form's own key: a double click or a resent form answers once. Answering does not take the appeal: taking is said aloud.
    const outcome = await answerAppeal(
      desk.services,
      number.data,
      { text: form.data.text, key: `desk:${form.data.key}`, by: signed(current), files: reply.files },
      new Date(),
    );
    if (typeof outcome === 'object')
      return threadPage(desk, pages, res, current, number.data, { refused: { form: 'answer', error: outcome.refused, text: form.data.text } });
    desk.pushed();
    redirect(res, appealHref(number.data));
  });
}

/** What a signed-in operator does to an appeal besides answering it: notes, takes and lets go of it, closes and reopens it. */
export function mountAppealActions(server: Server, desk: Desk, pages: DeskPages): void {
  mountNotes(server, desk, pages);
  mountHolding(server, desk, pages);
  mountClosing(server, desk, pages);
}

function mountNotes(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/appeals/:number/notes', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const number = appealIn(req);
    if (!number.success) return threadPage(desk, pages, res, current, null);
    const form = note.safeParse(req.body);
    if (!form.success) {
      const refused = { form: 'note', error: text('desk-note-refused', { max: noteMaxLength }), text: givenFields.parse(req.body).text } as const;
      return threadPage(desk, pages, res, current, number.data, { refused });
    }
    // Its own key: the same form sent twice is one note.
    const noted = await noteAppeal(desk.services.appeals, number.data, { text: form.data.text, key: `desk:${form.data.key}`, by: signed(current) }, new Date());
    if (noted === 'unknown') return threadPage(desk, pages, res, current, null);
    redirect(res, appealHref(number.data));
  });
}

/** Taking is first come, first served: the second operator is told who was first. Only the holder lets it go. */
function mountHolding(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/appeals/:number/take', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const number = appealIn(req);
    const holder = number.success ? await desk.services.appeals.take(number.data, current.operator.login) : null;
    if (holder === null || !number.success) return threadPage(desk, pages, res, current, null);
    if (holder !== current.operator.login) return threadPage(desk, pages, res, current, number.data, { refused: { form: 'take', holder } });
    redirect(res, appealHref(number.data));
  });

  server.post('/desk/appeals/:number/release', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const number = appealIn(req);
    if (!number.success) return threadPage(desk, pages, res, current, null);
    await desk.services.appeals.release(number.data, current.operator.login);
    redirect(res, appealHref(number.data));
  });
}

function mountClosing(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/appeals/:number/close', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const number = appealIn(req);
    if (number.success) await closeAppeal(desk.services, number.data, new Date());
    desk.pushed();
    redirect(res, '/desk');
  });

  server.post('/desk/appeals/:number/reopen', async (req: Request, res: Response) => {
    const current = await postedAtWork(desk, req);
    if (!current) return expired(res, pages);
    const number = appealIn(req);
    const outcome = number.success ? await reopenAppeal(desk.services, number.data) : 'unknown';
    if (outcome === 'unknown' || !number.success) return threadPage(desk, pages, res, current, null);
    // Reopened, or already open (another operator was first): the thread shows which.
    if (outcome === 'reopened') desk.pushed();
    redirect(res, appealHref(number.data));
  });
}
