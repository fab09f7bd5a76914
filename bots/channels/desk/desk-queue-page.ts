import type { FiledAppeal } from '../../../core/features/appeals/appeal';
import { waitingSince } from '../../../core/features/appeals/appeal-search';
import { statusNames, topicNames } from '../../../core/features/appeals/appeal-words';
import { appealTopics } from '../../../core/features/appeals/appeal';
import { escapeHtml } from '../../../core/kernel/html';
import { text, type Text } from '../../../core/kernel/text';
import { appealHref, channelChoices, selectField, whereFrom, type Say } from './desk-html';
import { queueHref, type QueueQuery } from './desk-queue-query';

/** One page of the queue, as the form asked for it. */
export interface QueueView {
  readonly query: QueueQuery;
  readonly appeals: readonly FiledAppeal[];
  readonly total: number;
  readonly perPage: number;
  readonly now: Date;
}

/**
 * «Обращения»: the search and the filters (one GET form, so a list is a link an operator can
 * keep or send), one page of what they find, and the links to the pages around it.
 */
export function queueBody(say: Say, view: QueueView): string {
  return `<main><h1>${say(text('desk-queue-title'))}</h1>${filtersForm(say, view.query)}${listing(say, view)}</main>`;
}

type Choices<V extends string> = readonly (readonly [V, Text])[];

function filtersForm(say: Say, query: QueueQuery): string {
  const statuses: Choices<QueueQuery['status']> = [
    ['all', text('desk-filter-status-all')],
    ...(['received', 'answered', 'closed'] as const).map((status) => [status, statusNames[status]] as const),
  ];
  const topics: Choices<QueueQuery['topic']> = [['all', text('desk-filter-topic-all')], ...appealTopics.map((topic) => [topic, topicNames[topic]] as const)];
  const channels: Choices<QueueQuery['channel']> = [['all', text('desk-filter-channel-all')], ...channelChoices];
  const ages: Choices<QueueQuery['age']> = [
    ['any', text('desk-filter-age-any')],
    ['1', text('desk-filter-age-1')],
    ['3', text('desk-filter-age-3')],
    ['7', text('desk-filter-age-7')],
  ];
  const assignees: Choices<QueueQuery['assignee']> = [
    ['anyone', text('desk-filter-assignee-anyone')],
    ['mine', text('desk-filter-assignee-mine')],
    ['nobody', text('desk-filter-assignee-nobody')],
  ];
  return `<form method="get" action="/desk" class="filters" role="search">
<span class="field search"><label for="q">${say(text('desk-search'))}</label><input id="q" name="q" type="search" class="wide" maxlength="100" value="${escapeHtml(query.q)}" placeholder="${say(text('desk-search-example'))}"></span>
${selectField(say, 'status', text('desk-filter-status'), statuses, query.status)}
${selectField(say, 'topic', text('desk-filter-topic'), topics, query.topic)}
${selectField(say, 'channel', text('desk-filter-channel'), channels, query.channel)}
${selectField(say, 'age', text('desk-filter-age'), ages, query.age)}
${selectField(say, 'assignee', text('desk-filter-assignee'), assignees, query.assignee)}
<span class="field check"><label><input type="checkbox" id="followUp" name="followUp" value="yes"${query.followUp ? ' checked' : ''}> ${say(text('desk-filter-follow-up'))}</label></span>
<span class="field"><button class="primary" type="submit">${say(text('desk-find'))}</button> <a href="/desk">${say(text('desk-filters-reset'))}</a></span></form>`;
}

function listing(say: Say, view: QueueView): string {
  const { query, appeals, total, perPage } = view;
  if (appeals.length === 0) {
    // Found nothing among the received ones: perhaps it was answered or closed.
    const everywhere =
      query.q !== '' && query.status !== 'all'
        ? ` <a href="${escapeHtml(queueHref({ ...query, status: 'all', page: 1 }))}">${say(text('desk-search-everywhere'))}</a>`
        : '';
    return `<p>${say(text('desk-empty'))}${everywhere}</p>${pager(say, query, total, perPage)}`;
  }
  const from = (query.page - 1) * perPage + 1;
  const columns = [
    text('desk-number'),
    text('appeal-field-topic'),
    text('appeal-field-name'),
    text('desk-column-channel'),
    text('desk-column-assignee'),
    text('desk-column-waiting'),
    text('appeal-field-message'),
  ];
  return `<p class="shown">${say(text('desk-shown', { from, to: from + appeals.length - 1, total }))}</p>
<div class="scroll"><table class="queue"><thead><tr>${columns.map((column) => `<th>${say(column)}</th>`).join('')}</tr></thead>
<tbody>${appeals.map((appeal) => row(say, appeal, view.now)).join('')}</tbody></table></div>${pager(say, query, total, perPage)}`;
}

function row(say: Say, appeal: FiledAppeal, now: Date): string {
  const followUp = appeal.followUpAt ? ` <span class="badge">${say(text('desk-follow-up-badge'))}</span>` : '';
  return `<tr><td class="number"><a href="${escapeHtml(appealHref(appeal.number))}">${escapeHtml(appeal.number)}</a></td><td>${say(topicNames[appeal.topic])}</td>
<td>${escapeHtml(appeal.name)}</td><td class="nowrap">${say(whereFrom(appeal))}</td><td>${appeal.assignee ? escapeHtml(appeal.assignee) : say(text('desk-nobody'))}</td>
<td>${say(waiting(appeal, now))}${followUp}</td><td>${escapeHtml(appeal.message.slice(0, 120))}</td></tr>`;
}

const hoursBetween = (from: string, to: number) => Math.max(0, Math.floor((to - Date.parse(from)) / 3600_000));

/** How long it waits for an operator; for one answered, how long the first answer took. */
function waiting(appeal: FiledAppeal, now: Date): Text {
  const since = waitingSince(appeal);
  if (since) return text('desk-row-waiting', { hours: hoursBetween(since, now.getTime()) });
  if (appeal.status === 'answered' && appeal.firstAnsweredAt)
    return text('desk-row-answered-after', { hours: hoursBetween(appeal.filedAt, Date.parse(appeal.firstAnsweredAt)) });
  return appeal.status === 'closed' ? text('desk-row-closed') : statusNames[appeal.status];
}

function pager(say: Say, query: QueueQuery, total: number, perPage: number): string {
  const links = [
    query.page > 1 &&
      `<a href="${escapeHtml(queueHref({ ...query, page: Math.min(query.page - 1, Math.ceil(total / perPage) || 1) }))}" rel="prev">${say(text('desk-page-previous'))}</a>`,
    query.page * perPage < total && `<a href="${escapeHtml(queueHref({ ...query, page: query.page + 1 }))}" rel="next">${say(text('desk-page-next'))}</a>`,
  ].filter((link) => link !== false);
  return links.length === 0 ? '' : `<nav class="pager">${links.join(' ')}</nav>`;
}
