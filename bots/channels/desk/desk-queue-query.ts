import { z } from 'zod';
import { appealTopics } from '../../../core/features/appeals/appeal';
import { appealSearchText, type AppealFilter } from '../../../core/features/appeals/appeal-search';
import { chatChannels } from '../../../core/kernel/channel';

/** The ages the queue offers, in days: the appeals filed longer ago than that. */
export const queueAges = ['any', '1', '3', '7'] as const;
export const queueAssignees = ['anyone', 'mine', 'nobody'] as const;
export const queueStatuses = ['all', 'received', 'answered', 'closed'] as const;

/**
 * The queue's form as the address bar holds it. A value that is not one of the form's own (an old
 * bookmark, a hand-typed address) is read as the default, so the page always opens.
 */
export const queueQuery = z
  .object({
    q: z.string().max(200).catch(''),
    status: z.enum(queueStatuses).catch('received'),
    topic: z.enum(['all', ...appealTopics]).catch('all'),
    channel: z.enum(['all', ...chatChannels]).catch('all'),
    age: z.enum(queueAges).catch('any'),
    assignee: z.enum(queueAssignees).catch('anyone'),
    followUp: z
      .literal('yes')
      .optional()
      .catch(undefined)
      .transform((given) => given === 'yes'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .catch({ q: '', status: 'received', topic: 'all', channel: 'all', age: 'any', assignee: 'anyone', followUp: false, page: 1 });

export type QueueQuery = z.infer<typeof queueQuery>;

const defaults = queueQuery.parse({});

/**
 * What the store is asked for. An appeal's number names one appeal: it is found whatever the
 * other fields say (an operator who types it wants that appeal, answered or closed). Null: what
 * was typed names no appeal («%%», «--», one letter), so nothing is asked rather than everything.
 */
export function queueFilter(query: QueueQuery, login: string, now: Date): AppealFilter | null {
  const text = query.q.trim() === '' ? undefined : appealSearchText(query.q);
  if (text === null) return null;
  if (text?.kind === 'number') return { text };
  return {
    ...(text && { text }),
    ...(query.status !== 'all' && { status: query.status }),
    ...(query.topic !== 'all' && { topic: query.topic }),
    ...(query.channel !== 'all' && { channel: query.channel }),
    ...(query.age !== 'any' && { filedBefore: new Date(now.getTime() - Number(query.age) * 24 * 3600_000) }),
    ...(query.assignee !== 'anyone' && { assignee: query.assignee === 'mine' ? login : null }),
    ...(query.followUp && { followUp: true as const }),
  };
}

/** The queue's address for `query`, with only the fields that differ from the defaults: a link to the same list, another page of it. */
export function queueHref(query: QueueQuery): string {
  const fields = new URLSearchParams();
  for (const key of ['q', 'status', 'topic', 'channel', 'age', 'assignee'] as const) if (query[key] !== defaults[key]) fields.set(key, query[key]);
  if (query.followUp) fields.set('followUp', 'yes');
  if (query.page !== 1) fields.set('page', String(query.page));
  const search = fields.toString();
  return search ? `/desk?${search}` : '/desk';
}

/** The header's link: the new appeals nobody has taken (see `freshAppeals`). */
export const freshHref = queueHref({ ...defaults, status: 'received', assignee: 'nobody' });
