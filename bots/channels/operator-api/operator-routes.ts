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
import { answerAppeal, closeAppeal } from '../../../core/features/appeals/answer-appeal';
import { parseAppealNumber, type AppealMessage, type FiledAppeal } from '../../../core/features/appeals/appeal';
import type { AttachmentRef } from '../../../core/kernel/attachment';
import { contentDisposition } from '../http/server';
import { readOperatorReply } from './operator-reply';
import { authorised } from './operator-token';
import { mountInterruptionsApi } from './interruption-routes';
import type { TellingServices } from '../../../core/features/interruptions/tell-interruption';

/** Why a publication was refused, for the supplier's system that called. */
const publicationRefusals = {
  'period-not-over': 'the period is not over yet: billing publishes a month after it ends',
  'period-not-latest': 'only the latest billed month can be published: an earlier one would tell every chat of an old bill',
} as const;

export interface OperatorApi {
  readonly token: string;
  readonly services: TellingServices & {
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
// Typed by an operator with a Latin «A», without dashes: the same appeal.
const appealNumberParam = z.string().transform((typed, context) => {
  const number = parseAppealNumber(typed);
  if (number === null) context.addIssue({ code: 'custom', message: 'not an appeal number' });
  return number ?? z.NEVER;
});
const reply = z.object({ text: z.string().trim().min(1).max(10_000), key: z.string().min(1).max(100) });
/** What restify parsed of a request is typed `any`: each part the API reads goes through a schema. */
const appealsQuery = z.object({ status: z.enum(['received', 'answered', 'closed']).optional() });
const appealPath = z.object({ number: z.string() }).catch({ number: '' });
const filePath = z.object({ id: z.string() }).catch({ id: '' });

/** A file as the supplier's systems see it: with the address to read it from (the same token opens it). */
const fileJson = (file: AttachmentRef) => ({ ...file, url: `/operator/files/${file.id}` });

/** An appeal as the supplier's systems see it: everything the customer gave, never the chat's own ids. */
function appealJson(appeal: FiledAppeal) {
  const { chat, attachments, ...rest } = appeal;
  return { ...rest, attachments: attachments.map(fileJson), channel: chat.channel };
}

const messageJson = (message: AppealMessage) => ({ ...message, files: (message.files ?? []).map(fileJson) });

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

/** The appeals queue for the supplier's own systems: list, read, answer (idempotent by the caller's key), close. */
function mountAppealsApi(server: Server, api: OperatorApi): void {
  const number = (req: Request) => appealNumberParam.safeParse(decodeURIComponent(appealPath.parse(req.params).number));
  server.get('/operator/appeals', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const query = appealsQuery.safeParse(req.query ?? {});
    if (!query.success) return void res.send(400, { error: 'status is received, answered or closed' });
    res.send(200, { appeals: (await api.services.appeals.list(query.data.status ?? null)).map(appealJson) });
  });
  server.get('/operator/appeals/:number', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const given = number(req);
    const found = given.success ? await api.services.appeals.thread(given.data) : null;
    if (!found) return void res.send(404, { error: 'no such appeal' });
    res.send(200, { ...appealJson(found.appeal), messages: found.messages.map(messageJson) });
  });
  server.get('/operator/files/:id', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const file = await api.services.attachments.get(filePath.parse(req.params).id);
    if (!file) return void res.send(404, { error: 'no such file' });
    res.writeHead(200, {
      'content-type': file.ref.mime,
      'content-disposition': contentDisposition('attachment', file.ref.name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    res.end(file.bytes);
  });
  server.post('/operator/appeals/:number/replies', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const given = number(req);
    const posted = await readOperatorReply(req);
    if (!posted.ok) return void res.send(posted.status, { error: api.services.localizer.format('en', posted.error) });
    const body = reply.safeParse(posted.fields);
    if (!given.success || !body.success)
      return void res.send(400, {
        error: 'expected { text: 1..10000 characters, key: your id of this reply }, as JSON or as a multipart form with up to 5 files',
      });
    const outcome = await answerAppeal(api.services, given.data, { ...body.data, files: posted.files }, new Date());
    if (typeof outcome === 'object') return void res.send(400, { error: api.services.localizer.format('en', outcome.refused) });
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    if (outcome === 'closed') return void res.send(409, { error: 'the appeal is closed' });
    api.pushed();
    res.send(outcome === 'answered' ? 201 : 200, { outcome });
  });
  server.post('/operator/appeals/:number/close', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const given = number(req);
    const outcome = given.success ? await closeAppeal(api.services, given.data, new Date()) : 'unknown';
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    api.pushed();
    res.send(200, { outcome });
  });
}
