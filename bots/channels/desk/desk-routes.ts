import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { parseAppealNumber } from '../../../core/features/appeals/appeal';
import { z } from 'zod';
import type { Localizer } from '../../../core/kernel/localizer';
import { answerAppeal, closeAppeal, sameAnswerGiven } from '../../../core/features/appeals/answer-appeal';
import type { Appeals, AttachmentStore } from '../../../core/features/appeals/ports';
import type { PhotographedSubmissions } from '../../../core/features/readings/ports';
import { parseAccountNumber } from '../../../core/kernel/account-number';
import type { ChatPushes, MailOutbox } from '../../../core/features/outbox/ports';
import { moment, text, type Text } from '../../../core/kernel/text';
import type { DeskOperators } from '../../../core/features/operators/ports';
import { clientNetwork } from '../http/request-origin';
import { signInGuard, signInVerdict } from '../../../core/features/operators/sign-in-guard';
import { DeskPages } from './desk-pages';
import { hashPassword, passwordMatches, unknownOperatorHash } from './passwords';
import { readOperatorReply } from '../operator-api/operator-reply';
import { contentDisposition } from '../http/server';
import { cookieName, html, posted, redirect, session, sessionToken, withCsrf, type SignedIn } from './desk-session';
import type { TellingServices } from '../../../core/features/interruptions/tell-interruption';
import { mountDeskNotices } from './desk-notices-routes';

export interface Desk {
  readonly operators: DeskOperators;
  /** The interruptions' stores too: the notices page publishes and changes them (see `mountDeskNotices`). */
  readonly services: TellingServices & {
    readonly appeals: Appeals;
    readonly pushes: ChatPushes;
    readonly mail: MailOutbox;
    readonly localizer: Localizer;
    readonly attachments: AttachmentStore;
    readonly readingPhotos: PhotographedSubmissions;
  };
  readonly trustedProxies: readonly string[];
  /** Cookies only over HTTPS when the public address is HTTPS. */
  readonly secureCookies: boolean;
  readonly pushed: () => void;
}

const sessionHours = 8;
const signIn = z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });
const answer = withCsrf.extend({
  text: z.string().trim().min(1).max(10_000),
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  repeat: z.literal('yes').optional(),
});
const newPassword = withCsrf.extend({ current: z.string().max(200).default(''), password: z.string().min(12).max(200) });
// Typed by an operator with a Latin «A», without dashes: the same appeal.
const appealNumber = z.string().transform((typed, context) => {
  const number = parseAppealNumber(typed);
  if (number === null) context.addIssue({ code: 'custom', message: 'not an appeal number' });
  return number ?? z.NEVER;
});
const status = z.enum(['received', 'answered', 'closed']).catch('received');
/** What restify parsed of a request is typed `any`: each part the desk reads goes through a schema. */
const queueQuery = z.object({ status }).catch({ status: 'received' as const });
const appealPath = z.object({ number: z.string() }).catch({ number: '' });
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
/** What a refused form gave as its text, shown again so that the operator need not type it twice. */
const givenText = z.string().catch('');

/**
 * `/desk`: the operators' page. Sign-in by login and password (scrypt; guessing pauses the address
 * that guesses and only slows the login down, see `signInGuard`), a session in an HttpOnly,
 * SameSite=Strict cookie, a CSRF token in every form; a new password only with the current one,
 * and every other session ends with it; appeals by status and age, a thread, an answer (sent
 * once per form), close; the interruptions' and reminders' notices (`/desk/notices`).
 */
export function mountDesk(server: Server, desk: Desk): void {
  const pages = new DeskPages(desk.services.localizer);
  mountDeskSignIn(server, desk, pages);
  mountDeskQueue(server, desk, pages);
  mountAppealAnswers(server, desk, pages);
  mountDeskNotices(server, desk, pages);
}

/** False while the address is paused; otherwise after the login's slow-down. */
async function guarded(desk: Desk, login: string, address: string): Promise<boolean> {
  const verdict = signInVerdict(await desk.operators.failures(login, address, new Date(Date.now() - signInGuard.windowMs)));
  if ('paused' in verdict) return false;
  await new Promise((resolve) => setTimeout(resolve, verdict.slowdownMs));
  return true;
}

function cookie(desk: Desk, value: string, maxAge: number): string {
  return `${cookieName}=${value}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${desk.secureCookies ? '; Secure' : ''}`;
}

/** The appeal a path names, as its link encodes it. */
function appealIn(req: Request) {
  return appealNumber.safeParse(decodeURIComponent(appealPath.parse(req.params).number));
}

/** Signing in and out, and a new password (which ends every other session). */
function mountDeskSignIn(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/sign-in', async (req: Request, res: Response) => {
    const form = signIn.safeParse(req.body);
    const address = clientNetwork(req, desk.trustedProxies);
    if (!form.success) return html(res, 400, pages.signIn(text('desk-sign-in-failed')));
    const { login, password } = form.data;
    if (!(await guarded(desk, login, address))) return html(res, 429, pages.signIn(text('desk-sign-in-paused')));
    const operator = await desk.operators.find(login);
    // An unknown login costs the same check as a known one: how long the answer takes tells nobody who exists.
    const matches = await passwordMatches(password, operator?.passwordHash ?? (await unknownOperatorHash()));
    if (!operator || !matches) {
      await desk.operators.recordFailure(login, address, new Date());
      return html(res, 401, pages.signIn(text('desk-sign-in-failed')));
    }
    const value = randomBytes(32).toString('base64url');
    await desk.operators.openSession(operator.id, value, randomBytes(24).toString('base64url'), new Date(Date.now() + sessionHours * 3600_000));
    redirect(res, '/desk', { 'set-cookie': cookie(desk, value, sessionHours * 3600) });
  });

  // Ending a session needs no CSRF token: the worst a forged sign-out does is sign an operator out.
  server.post('/desk/sign-out', async (req: Request, res: Response) => {
    const given = sessionToken(req);
    if (given) await desk.operators.closeSession(given);
    redirect(res, '/desk', { 'set-cookie': cookie(desk, '', 0) });
  });

  server.post('/desk/password', async (req: Request, res: Response) => {
    const current = await posted(desk, req);
    if (!current) return html(res, 403, pages.signIn(text('desk-session-expired')));
    const form = newPassword.safeParse(req.body);
    const { login } = current.operator;
    if (!form.success) return html(res, 400, pages.newPassword(login, current.csrf, text('desk-password-too-short')));
    // A session alone (left open, stolen) does not choose the password: the current one is asked too.
    const address = clientNetwork(req, desk.trustedProxies);
    if (!(await guarded(desk, login, address))) return html(res, 429, pages.newPassword(login, current.csrf, text('desk-sign-in-paused')));
    if (!(await passwordMatches(form.data.current, current.operator.passwordHash))) {
      await desk.operators.recordFailure(login, address, new Date());
      return html(res, 400, pages.newPassword(login, current.csrf, text('desk-current-password-wrong')));
    }
    await desk.operators.setPassword(login, await hashPassword(form.data.password), false, new Date(), sessionToken(req));
    redirect(res, '/desk');
  });
}

/** The thread's page, with the answer's form (a refused one keeps its text and says why). */
async function threadPage(
  desk: Desk,
  pages: DeskPages,
  res: Response,
  current: SignedIn,
  number: string,
  refused?: { error: Text; text: string; repeat?: true },
): Promise<void> {
  const found = await desk.services.appeals.thread(number);
  if (!found) return html(res, 404, pages.queue(current.operator.login, current.csrf, 'received', [], new Date()));
  html(
    res,
    refused ? 400 : 200,
    pages.thread(current.operator.login, current.csrf, found.appeal, found.messages, randomBytes(18).toString('base64url'), refused),
  );
}

/** What a signed-in operator reads: the queue, an appeal's thread, the files in it. */
function mountDeskQueue(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current) return html(res, 200, pages.signIn());
    if (current.operator.mustChangePassword) return html(res, 200, pages.newPassword(current.operator.login, current.csrf));
    const shown = queueQuery.parse(req.query).status;
    html(res, 200, pages.queue(current.operator.login, current.csrf, shown, await desk.services.appeals.list(shown), new Date()));
  });

  server.get('/desk/appeals/:number', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current || current.operator.mustChangePassword) return redirect(res, '/desk');
    const number = appealIn(req);
    if (!number.success) return html(res, 404, pages.queue(current.operator.login, current.csrf, 'received', [], new Date()));
    await threadPage(desk, pages, res, current, number.data);
  });

  server.get('/desk/readings', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current || current.operator.mustChangePassword) return redirect(res, '/desk');
    const account = readingsQuery.parse(req.query).account ?? null;
    const submissions = await desk.services.readingPhotos.recent(account, readingsShown);
    html(res, 200, pages.readings(current.operator.login, current.csrf, account, submissions));
  });

  server.get('/desk/files/:id', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current || current.operator.mustChangePassword) return redirect(res, '/desk');
    const file = await desk.services.attachments.get(filePath.parse(req.params).id);
    if (!file) return html(res, 404, pages.queue(current.operator.login, current.csrf, 'received', [], new Date()));
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

/** What a signed-in operator does to an appeal: answer it (with files), close it. */
function mountAppealAnswers(server: Server, desk: Desk, pages: DeskPages): void {
  server.post('/desk/appeals/:number/answer', async (req: Request, res: Response) => {
    // Nothing of the body is read for a caller without a session; files are kept only for a form with its CSRF token.
    const signedIn = await session(desk, req);
    if (!signedIn || signedIn.operator.mustChangePassword) return html(res, 403, pages.signIn(text('desk-session-expired')));
    const reply = await readOperatorReply(req);
    const current = await posted(desk, req, reply.fields);
    const number = appealIn(req);
    if (!current) return html(res, 403, pages.signIn(text('desk-session-expired')));
    if (!number.success) return redirect(res, '/desk');
    if (!reply.ok) return threadPage(desk, pages, res, current, number.data, { error: reply.error, text: givenText.parse(reply.fields['text']) });
    const form = answer.safeParse(reply.fields);
    if (!form.success) return redirect(res, `/desk/appeals/${encodeURIComponent(number.data)}`);
    // The same words again within a day (Back, then send): only when the operator says so.
    const given = form.data.repeat ? undefined : sameAnswerGiven((await desk.services.appeals.thread(number.data))?.messages ?? [], form.data.text, new Date());
    if (given)
      return threadPage(desk, pages, res, current, number.data, {
        error: text('desk-answer-repeated', { at: moment(new Date(given.at)) }),
        text: form.data.text,
        repeat: true,
      });
    // The form's own key: a double click or a resent form answers once.
    const outcome = await answerAppeal(desk.services, number.data, { text: form.data.text, key: `desk:${form.data.key}`, files: reply.files }, new Date());
    if (typeof outcome === 'object') return threadPage(desk, pages, res, current, number.data, { error: outcome.refused, text: form.data.text });
    desk.pushed();
    redirect(res, `/desk/appeals/${encodeURIComponent(number.data)}`);
  });

  server.post('/desk/appeals/:number/close', async (req: Request, res: Response) => {
    const current = await posted(desk, req);
    const number = appealIn(req);
    if (!current || current.operator.mustChangePassword) return html(res, 403, pages.signIn(text('desk-session-expired')));
    if (number.success) await closeAppeal(desk.services, number.data, new Date());
    desk.pushed();
    redirect(res, '/desk');
  });
}
