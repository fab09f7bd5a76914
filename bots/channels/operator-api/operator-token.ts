import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

/** Whether the call carries the operator token (`Authorization: Bearer …`), compared in constant time. */
export function authorised(req: Request, token: string): boolean {
  return sameToken(/^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '', token);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
