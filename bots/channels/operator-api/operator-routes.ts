import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AccountNumber } from '../../../core/kernel/account-number';
import { acceptReadings } from '../../../core/features/readings/accept-readings';
import type { Appeals, AttachmentStore } from '../../../core/features/appeals/ports';
import type { ChatIdentities } from '../../../core/features/linking/ports';
import type { ChatPushes, MailOutbox } from '../../../core/features/outbox/ports';
import type { DeepLinks } from '../../../core/features/start/ports';
import type { EReceipts } from '../../../core/features/e-receipt/ports';
import type { MeterReadings } from '../../../core/features/readings/ports';
import type { MonthlyReceiptChats } from '../../../core/features/receipts/ports';
import type { Localizer } from '../../../core/kernel/localizer';
import { publishReceipts } from '../../../core/features/receipts/publish-receipts';
import { authorised } from './operator-token';
import { mountAppealsApi, type AppealsApi } from './appeal-routes';
import { mountInterruptionsApi } from './interruption-routes';
import type { TellingServices } from '../../../core/features/interruptions/tell-interruption';

/** Why a publication was refused, for the supplier's system that called. */
const publicationRefusals = {
  'period-not-over': 'the period is not over yet: billing publishes a month after it ends',
  'period-not-latest': 'only the latest billed month can be published: an earlier one would tell every chat of an old bill',
} as const;

export interface OperatorApi {
  readonly token: string;
  readonly services: TellingServices &
    AppealsApi['services'] & {
      readonly readings: MeterReadings;
      readonly identities: ChatIdentities;
      readonly pushes: ChatPushes;
      readonly monthlyReceipts: MonthlyReceiptChats;
      readonly eReceipts: EReceipts;
      readonly mail: MailOutbox;
      readonly links: DeepLinks;
      readonly localizer: Localizer;
      readonly appeals: Appeals;
      readonly attachments: AttachmentStore;
    };
  /** Called after pushes are queued, to deliver them now rather than at the next tick. */
  readonly pushed: () => void;
}

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const acceptance = z.object({ account: z.string().regex(/^\d{12}$/), period });
const publication = z.object({ period });

/** The supplier's systems tell energobot what happened in billing; each call carries the operator token. */
export function mountOperatorApi(server: Server, api: OperatorApi): void {
  server.post('/operator/readings/accept', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = acceptance.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { account: 12 digits, period: YYYY-MM }' });
    const result = await acceptReadings(api.services, body.data.account as AccountNumber, body.data.period);
    api.pushed();
    res.send(200, result);
  });

  // Billing published a month: idempotent, so the supplier's system may call it again after a timeout.
  server.post('/operator/receipts/publish', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = publication.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { period: YYYY-MM }' });
    const result = await publishReceipts(api.services, body.data.period, new Date());
    if ('refused' in result) return void res.send(409, { error: publicationRefusals[result.refused] });
    api.pushed();
    res.send(200, { period: body.data.period, queued: result });
  });

  mountAppealsApi(server, api);
  mountInterruptionsApi(server, api);
}
