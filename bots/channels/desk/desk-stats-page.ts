import type { AppealStatistics } from '../../../core/features/appeals/appeal-statistics';
import { statusNames, topicNames } from '../../../core/features/appeals/appeal-words';
import { text, type Text } from '../../../core/kernel/text';
import { selectField, type Say } from './desk-html';

const statuses = ['received', 'answered', 'closed'] as const;

/** The periods the page offers, in days. */
export const statsPeriods = ['7', '30', '90', '365'] as const;

/** What `/desk/stats` shows. */
export interface StatsView {
  readonly days: (typeof statsPeriods)[number];
  readonly statistics: AppealStatistics;
  /** The deadline of an answer (`APPEAL_ANSWER_HOURS`): what waits longer is overdue. */
  readonly answerWithinHours: number;
}

/**
 * «Статистика»: how many appeals came in over the period, in which state they are and on which
 * topics, how soon they were first answered, and how many wait past the deadline right now.
 */
export function statsBody(say: Say, view: StatsView): string {
  const { statistics, days } = view;
  const periods = statsPeriods.map((period) => [period, text('desk-stats-days', { days: Number(period) })] as const);
  const table = (heading: Text, rows: readonly (readonly [Text, number])[]) =>
    `<table class="stats"><thead><tr><th>${say(heading)}</th><th>${say(text('desk-stats-column-count'))}</th></tr></thead><tbody>${rows
      .map(([name, count]) => `<tr><th>${say(name)}</th><td>${count}</td></tr>`)
      .join('')}</tbody></table>`;
  return `<main><h1>${say(text('desk-stats-title'))}</h1>
<form method="get" action="/desk/stats" class="filters">${selectField(say, 'days', text('desk-stats-period'), periods, days)}<span class="field"><button type="submit">${say(text('desk-stats-show'))}</button></span></form>
<p class="figure" id="stats-filed">${say(text('desk-stats-filed', { days: Number(days), count: statistics.filed }))}</p>
<div class="columns">${table(
    text('desk-stats-by-status'),
    statuses.map((status) => [statusNames[status], statistics.byStatus[status]] as const),
  )}${table(
    text('desk-stats-by-topic'),
    statistics.byTopic.map(({ topic, count }) => [topicNames[topic], count] as const),
  )}</div>
${answerSpeed(say, statistics)}
${overdue(say, view)}
<p><small>${say(text('desk-stats-note'))}</small></p></main>`;
}

function answerSpeed(say: Say, statistics: AppealStatistics): string {
  const hours = (value: number | null) => (value === null ? text('desk-stats-no-hours') : text('desk-stats-hours', { hours: value }));
  return `<h2>${say(text('desk-stats-speed'))}</h2><table class="stats"><tbody>
<tr><th>${say(text('desk-stats-answered'))}</th><td id="stats-answered">${statistics.answered}</td></tr>
<tr><th>${say(text('desk-stats-median'))}</th><td id="stats-median">${say(hours(statistics.medianHours))}</td></tr>
<tr><th>${say(text('desk-stats-p90'))}</th><td id="stats-p90">${say(hours(statistics.p90Hours))}</td></tr></tbody></table>`;
}

/** Overdue now, whenever filed; the queue of received appeals is worked oldest first, so they are at its top. */
function overdue(say: Say, view: StatsView): string {
  return `<p class="figure" id="stats-overdue">${say(text('desk-stats-overdue', { hours: view.answerWithinHours, count: view.statistics.overdue }))} <a href="/desk?status=received">${say(text('desk-stats-overdue-link'))}</a></p>`;
}
