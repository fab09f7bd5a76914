import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { parseArea } from '../../../core/features/interruptions/area';
import type { Interruption, InterruptionDraft, Interruptions, LinkedAddresses } from '../../../core/features/interruptions/ports';
import { tellInterruption } from '../../../core/features/interruptions/tell-interruption';
import type { ChatPushes } from '../../../core/features/outbox/ports';
import { authorised } from './operator-token';

const moment = z
  .string()
  .datetime({ offset: true })
  .transform((value) => new Date(value));
const publication = z
  .object({
    kind: z.enum(['planned', 'emergency']),
    area: z.string().trim().min(1).max(500),
    from: moment,
    until: moment,
    reason: z.string().trim().min(1).max(1000),
  })
  .refine((draft) => draft.until > draft.from, { message: 'until must come after from' });
const change = z.union([z.object({ until: moment }).strict(), z.object({ ended: z.literal(true) }).strict()]);
const idPath = z.object({ id: z.coerce.number().int().positive() }).catch({ id: 0 });
const listQuery = z.object({ active: z.enum(['true', 'false']).optional() }).catch({});

const json = (interruption: Interruption) => ({
  ...interruption,
  from: interruption.from.toISOString(),
  until: interruption.until.toISOString(),
  endedAt: interruption.endedAt?.toISOString() ?? null,
});

/** What the interruptions' routes are given: the operator token, the stores, and a kick for the outbox. */
export interface InterruptionsApi {
  readonly token: string;
  readonly services: { readonly interruptions: Interruptions; readonly linkedAddresses: LinkedAddresses; readonly pushes: ChatPushes };
  readonly pushed: () => void;
}

function sameDraft(known: Interruption, draft: InterruptionDraft): boolean {
  return (
    known.kind === draft.kind &&
    known.area === draft.area &&
    known.reason === draft.reason &&
    known.from.getTime() === draft.from.getTime() &&
    known.until.getTime() === draft.until.getTime()
  );
}

/**
 * The supplier publishes an interruption of supply, changes its expected end, or ends it: every
 * chat whose account's address lies in its area is told each change once (a repeated call queues
 * nothing twice).
 */
export function mountInterruptionsApi(server: Server, api: InterruptionsApi): void {
  server.post('/operator/interruptions', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = publication.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { kind: planned|emergency, area, from, until (ISO 8601, after from), reason }' });
    if (!parseArea(body.data.area))
      return void res.send(400, { error: 'the area names no locality: write it as billing writes addresses, e.g. «г. Воронеж, ул. Кольцовская, д. 24»' });
    // The supplier's system calling again after a timeout publishes nothing twice.
    const same = (await api.services.interruptions.active()).find((known) => sameDraft(known, body.data));
    const interruption = same ?? (await api.services.interruptions.publish(body.data, new Date()));
    const told = await tellInterruption(api.services, interruption);
    api.pushed();
    res.send(same ? 200 : 201, { id: interruption.id, told });
  });

  server.patch('/operator/interruptions/:id', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = change.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { until: ISO 8601 } or { ended: true }' });
    const { id } = idPath.parse(req.params);
    const known = await api.services.interruptions.get(id);
    if (!known) return void res.send(404, { error: 'no such interruption' });
    const unchanged = 'until' in body.data ? body.data.until.getTime() === known.until.getTime() : known.endedAt !== null;
    // The same change again (a retry) is told to nobody twice; an ended interruption changes no more.
    if (unchanged) return void res.send(200, { ...json(known), told: 0 });
    if (known.endedAt) return void res.send(409, { error: 'the interruption has ended already' });
    if ('until' in body.data && body.data.until <= known.from) return void res.send(400, { error: 'until must come after from' });
    const changed = await api.services.interruptions.change(id, body.data, new Date());
    if (!changed) return void res.send(404, { error: 'no such interruption' });
    const told = await tellInterruption(api.services, changed);
    api.pushed();
    res.send(200, { ...json(changed), told });
  });

  server.get('/operator/interruptions', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const { active } = listQuery.parse(req.query);
    if (active === 'false') return void res.send(400, { error: 'only ?active=true is listed' });
    res.send(200, { interruptions: (await api.services.interruptions.active()).map(json) });
  });
}
