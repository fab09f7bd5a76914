import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { DeskOperator, DeskOperators } from '../../../core/features/operators/ports';
import type { Appeals } from '../../../core/features/appeals/ports';
import type { AppealFilter } from '../../../core/features/appeals/appeal-search';

/** What every desk route needs to know who asks: the operators' sessions. */
export interface DeskSessions {
  readonly operators: DeskOperators;
}

export type SignedIn = { operator: DeskOperator; csrf: string };

/** Who looks at a desk page; `fresh`, for an operator at work, is what the header counts (see `freshAppeals`). */
export interface Viewer {
  readonly login: string;
  readonly csrf: string;
  readonly fresh?: number;
}

/** New appeals, as the header counts them: waiting for their first look, taken by nobody. */
export const freshAppeals: AppealFilter = { status: 'received', assignee: null };

export async function viewerOf(appeals: Pick<Appeals, 'count'>, current: SignedIn): Promise<Viewer> {
  return { login: current.operator.login, csrf: current.csrf, fresh: await appeals.count(freshAppeals) };
}

export const cookieName = 'energobot_desk';
export const withCsrf = z.object({ csrf: z.string().min(1).max(100) });
/** The one-time key a form that sends something carries: posted twice, it sends once. */
export const formKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export function html(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

export function redirect(res: Response, to: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...headers });
  res.end();
}

export function sessionToken(req: Request): string | undefined {
  return new RegExp(`(?:^|;\\s*)${cookieName}=([A-Za-z0-9_-]{43})`).exec(req.header('cookie') ?? '')?.[1];
}

export async function session(desk: DeskSessions, req: Request): Promise<SignedIn | null> {
  const given = sessionToken(req);
  return given ? desk.operators.session(given, new Date()) : null;
}

/** The signed-in operator of a form post whose CSRF token matches, or null. */
export async function posted(desk: DeskSessions, req: Request, fields: unknown = req.body): Promise<SignedIn | null> {
  const current = await session(desk, req);
  const form = withCsrf.safeParse(fields);
  if (!current || !form.success) return null;
  const [a, b] = [Buffer.from(form.data.csrf), Buffer.from(current.csrf)];
  return a.length === b.length && timingSafeEqual(a, b) ? current : null;
}

/** An operator at work: signed in, with a password of her own (a handed-out one opens nothing but the form that changes it). */
export async function atWork(desk: DeskSessions, req: Request): Promise<SignedIn | null> {
  const current = await session(desk, req);
  return current && !current.operator.mustChangePassword ? current : null;
}

/** The same for a form post, whose CSRF token must match too. */
export async function postedAtWork(desk: DeskSessions, req: Request, fields: unknown = req.body): Promise<SignedIn | null> {
  const current = await posted(desk, req, fields);
  return current && !current.operator.mustChangePassword ? current : null;
}
