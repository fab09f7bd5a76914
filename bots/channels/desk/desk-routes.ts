import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { text } from '../../../core/kernel/text';
import { clientNetwork } from '../http/request-origin';
import { signInGuard, signInVerdict } from '../../../core/features/operators/sign-in-guard';
import { DeskPages, expired } from './desk-pages';
import { hashPassword, passwordMatches, unknownOperatorHash } from './passwords';
import { cookieName, html, posted, redirect, sessionToken, withCsrf } from './desk-session';
import { mountDeskNotices } from './desk-notices-routes';
import { mountDeskQueue } from './desk-queue-routes';
import { mountAppealPages, mountAppealActions } from './desk-appeal-routes';
import { mountCannedAnswers } from './desk-canned-routes';
import { mountDeskStats } from './desk-stats-routes';
import { mountDeskLive } from './desk-live-routes';
import type { Desk } from './desk';

const sessionHours = 8;
const signIn = z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });
const newPassword = withCsrf.extend({ current: z.string().max(200).default(''), password: z.string().min(12).max(200) });

/**
 * `/desk`: the operators' page. Sign-in by login and password (scrypt; guessing pauses the address
 * that guesses and only slows the login down, see `signInGuard`), a session in an HttpOnly,
 * SameSite=Strict cookie, a CSRF token in every form; a new password only with the current one,
 * and every other session ends with it. Then the work of a team: the queue searched and filtered,
 * an appeal taken and let go, answered (once per form, signed with the operator's login), noted,
 * closed and opened again; the canned answers, the statistics; the interruptions' and reminders'
 * notices (`/desk/notices`); the chat with customers who asked for an operator (`/desk/live`).
 */
export function mountDesk(server: Server, desk: Desk): void {
  const pages = new DeskPages(desk.services.localizer);
  mountDeskSignIn(server, desk, pages);
  mountDeskQueue(server, desk, pages);
  mountAppealPages(server, desk, pages);
  mountAppealActions(server, desk, pages);
  mountCannedAnswers(server, desk, pages);
  mountDeskStats(server, desk, pages);
  mountDeskNotices(server, desk, pages);
  mountDeskLive(server, desk, pages);
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
    if (!current) return expired(res, pages);
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
