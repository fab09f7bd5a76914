import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AccountNumber } from '../../core/domain/account-number';
import { acceptReadings } from '../../core/operator/accept-readings';
import type { ChatIdentities, ChatPushes, MeterReadings } from '../../core/ports';

export interface OperatorApi {
  readonly token: string;
  readonly services: { readonly readings: MeterReadings; readonly identities: ChatIdentities; readonly pushes: ChatPushes };
  /** Called after pushes are queued, to deliver them now rather than at the next tick. */
  readonly pushed: () => void;
}

const acceptance = z.object({ account: z.string().regex(/^\d{12}$/), period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

/** The supplier's systems tell energobot what happened in billing; each call carries the operator token. */
export function mountOperatorApi(server: Server, api: OperatorApi): void {
  server.post('/operator/readings/accept', async (req: Request, res: Response) => {
    if (!sameToken(/^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '', api.token)) {
      return void res.send(401, { error: 'operator token required' });
    }
    const body = acceptance.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { account: 12 digits, period: YYYY-MM }' });
    const result = await acceptReadings(api.services, body.data.account as AccountNumber, body.data.period);
    api.pushed();
    res.send(200, result);
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
