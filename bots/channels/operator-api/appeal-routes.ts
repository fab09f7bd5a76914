import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { answerAppeal, closeAppeal, noteAppeal, reopenAppeal, type AnsweringServices } from '../../../core/features/appeals/answer-appeal';
import { appealTopics, parseAppealNumber, type AppealMessage, type FiledAppeal } from '../../../core/features/appeals/appeal';
import { appealSearchText, type AppealFilter } from '../../../core/features/appeals/appeal-search';
import { chatChannels } from '../../../core/kernel/channel';
import type { AttachmentRef } from '../../../core/kernel/attachment';
import { contentDisposition } from '../http/server';
import { readOperatorReply } from './operator-reply';
import { authorised } from './operator-token';

export interface AppealsApi {
  readonly token: string;
  readonly services: AnsweringServices;
  readonly pushed: () => void;
}

// Typed by an operator with a Latin «A», without dashes: the same appeal.
const appealNumberParam = z.string().transform((typed, context) => {
  const number = parseAppealNumber(typed);
  if (number === null) context.addIssue({ code: 'custom', message: 'not an appeal number' });
  return number ?? z.NEVER;
});
/** Who of the supplier's people wrote it, as its system names them; the API's own name when it does not say. */
const operator = z.string().trim().min(1).max(100).default('api');
const reply = z.object({ text: z.string().trim().min(1).max(10_000), key: z.string().min(1).max(100), operator });
const note = z.object({ text: z.string().trim().min(1).max(10_000), key: z.string().min(1).max(100), operator });
/** What restify parsed of a request is typed `any`: each part the API reads goes through a schema. */
const appealsQuery = z.object({
  q: z.string().max(100).optional(),
  status: z.enum(['received', 'answered', 'closed']).optional(),
  topic: z.enum(appealTopics).optional(),
  channel: z.enum(chatChannels).optional(),
  /** A login, or `none` for nobody's. */
  assignee: z.string().min(1).max(64).optional(),
  followUp: z.enum(['true']).optional(),
  olderThanHours: z.coerce.number().int().min(1).max(100_000).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(100),
});
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

function filterOf(query: z.infer<typeof appealsQuery>, now: Date): AppealFilter | null {
  const text = query.q === undefined ? undefined : appealSearchText(query.q);
  if (text === null) return null;
  return {
    ...(text && { text }),
    ...(query.status && { status: query.status }),
    ...(query.topic && { topic: query.topic }),
    ...(query.channel && { channel: query.channel }),
    ...(query.assignee && { assignee: query.assignee === 'none' ? null : query.assignee }),
    ...(query.followUp && { followUp: true as const }),
    ...(query.olderThanHours && { filedBefore: new Date(now.getTime() - query.olderThanHours * 3600_000) }),
  };
}

/**
 * The appeals for the supplier's own systems: search and list by page, read, answer (idempotent
 * by the caller's key, signed with the caller's operator), internal notes, close, reopen.
 */
export function mountAppealsApi(server: Server, api: AppealsApi): void {
  const number = (req: Request) => appealNumberParam.safeParse(decodeURIComponent(appealPath.parse(req.params).number));
  const refuse = (req: Request, res: Response) => (authorised(req, api.token) ? false : (res.send(401, { error: 'operator token required' }), true));
  server.get('/operator/appeals', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const query = appealsQuery.safeParse(req.query ?? {});
    const filter = query.success ? filterOf(query.data, new Date()) : null;
    if (!query.success || !filter)
      return void res.send(400, {
        error:
          'query: q (2..100 characters), status (received, answered, closed), topic, channel, assignee (a login or none), followUp=true, olderThanHours, page, perPage (1..100)',
      });
    const { page, perPage } = query.data;
    const found = await api.services.appeals.search(filter, { page, perPage });
    res.send(200, { appeals: found.appeals.map(appealJson), total: found.total, page, perPage });
  });
  server.get('/operator/appeals/:number', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const given = number(req);
    const found = given.success ? await api.services.appeals.thread(given.data) : null;
    if (!found) return void res.send(404, { error: 'no such appeal' });
    res.send(200, { ...appealJson(found.appeal), messages: found.messages.map(messageJson) });
  });
  server.get('/operator/files/:id', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
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
  mountAppealChanges(server, api, number, refuse);
}

function mountAppealChanges(
  server: Server,
  api: AppealsApi,
  number: (req: Request) => ReturnType<typeof appealNumberParam.safeParse>,
  refuse: (req: Request, res: Response) => boolean,
): void {
  server.post('/operator/appeals/:number/replies', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const given = number(req);
    const posted = await readOperatorReply(req);
    if (!posted.ok) return void res.send(posted.status, { error: api.services.localizer.format('en', posted.error) });
    const body = reply.safeParse(posted.fields);
    if (!given.success || !body.success)
      return void res.send(400, {
        error: 'expected { text: 1..10000 characters, key: your id of this reply, operator?: who answered }, as JSON or as a multipart form with up to 5 files',
      });
    const { text, key } = body.data;
    const outcome = await answerAppeal(
      api.services,
      given.data,
      { text, key, files: posted.files, by: { name: body.data.operator, route: 'api' } },
      new Date(),
    );
    if (typeof outcome === 'object') return void res.send(400, { error: api.services.localizer.format('en', outcome.refused) });
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    if (outcome === 'closed') return void res.send(409, { error: 'the appeal is closed' });
    api.pushed();
    res.send(outcome === 'answered' ? 201 : 200, { outcome });
  });
  server.post('/operator/appeals/:number/notes', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const given = number(req);
    const body = note.safeParse(req.body ?? {});
    if (!given.success || !body.success)
      return void res.send(400, { error: 'expected { text: 1..10000 characters, key: your id of this note, operator?: who wrote it }' });
    const outcome = await noteAppeal(api.services.appeals, given.data, { ...body.data, by: { name: body.data.operator, route: 'api' } }, new Date());
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    res.send(outcome === 'noted' ? 201 : 200, { outcome });
  });
  server.post('/operator/appeals/:number/close', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const given = number(req);
    const outcome = given.success ? await closeAppeal(api.services, given.data, new Date()) : 'unknown';
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    api.pushed();
    res.send(200, { outcome });
  });
  server.post('/operator/appeals/:number/reopen', async (req: Request, res: Response) => {
    if (refuse(req, res)) return;
    const given = number(req);
    const outcome = given.success ? await reopenAppeal(api.services, given.data) : 'unknown';
    if (outcome === 'unknown') return void res.send(404, { error: 'no such appeal' });
    api.pushed();
    res.send(200, { outcome });
  });
}
