import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Interruption } from '../../../core/features/interruptions/ports';
import type { TellingServices } from '../../../core/features/interruptions/tell-interruption';
import { changeInterruption, publishInterruption } from '../../../core/features/interruptions/publish-interruption';
import { authorised } from './operator-token';

const moment = z
  .string()
  .datetime({ offset: true })
  .transform((value) => new Date(value));
const publication = z.object({
  kind: z.enum(['planned', 'emergency']),
  area: z.string().trim().min(1).max(500),
  from: moment,
  until: moment,
  reason: z.string().trim().min(1).max(1000),
});
const change = z.union([z.object({ until: moment }).strict(), z.object({ ended: z.literal(true) }).strict()]);
const idPath = z.object({ id: z.coerce.number().int().positive() }).catch({ id: 0 });

/** Why a call was refused, for the supplier's system that made it. */
const refusals = {
  'no-locality': [400, 'the area names no locality: write it as billing writes addresses, e.g. «г. Воронеж, ул. Кольцовская, д. 24»'],
  'until-before-from': [400, 'until must come after from'],
  unknown: [404, 'no such interruption'],
  ended: [409, 'the interruption has ended already'],
} as const;

const json = (interruption: Interruption) => ({
  ...interruption,
  from: interruption.from.toISOString(),
  until: interruption.until.toISOString(),
  endedAt: interruption.endedAt?.toISOString() ?? null,
});

/** What the interruptions' routes are given: the operator token, the stores, and a kick for the outbox. */
export interface InterruptionsApi {
  readonly token: string;
  readonly services: TellingServices;
  readonly pushed: () => void;
}

/** The supplier publishes an interruption of supply, changes its expected end, ends it, lists the active ones. */
export function mountInterruptionsApi(server: Server, api: InterruptionsApi): void {
  server.post('/operator/interruptions', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = publication.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { kind: planned|emergency, area, from, until (ISO 8601), reason }' });
    const result = await publishInterruption(api.services, body.data, new Date());
    if ('refused' in result) return void res.send(...refusal(result.refused));
    api.pushed();
    res.send(result.again ? 200 : 201, { id: result.published.id, told: result.told });
  });

  server.patch('/operator/interruptions/:id', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = change.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { until: ISO 8601 } or { ended: true }' });
    const result = await changeInterruption(api.services, idPath.parse(req.params).id, body.data, new Date());
    if ('refused' in result) return void res.send(...refusal(result.refused));
    api.pushed();
    res.send(200, { ...json(result.changed), told: result.told });
  });

  // The active ones (`?active=true`, the only list there is).
  server.get('/operator/interruptions', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    res.send(200, { interruptions: (await api.services.interruptions.active()).map(json) });
  });
}

function refusal(reason: keyof typeof refusals): [number, { error: string }] {
  const [status, error] = refusals[reason];
  return [status, { error }];
}
