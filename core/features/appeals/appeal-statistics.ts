import { appealTopics, type AppealStatus, type AppealTopic } from './appeal';

/** What the store counts of the appeals filed in a period, and of those overdue now. */
export interface AppealTally {
  readonly byStatus: Readonly<Record<AppealStatus, number>>;
  readonly byTopic: Readonly<Partial<Record<AppealTopic, number>>>;
  /** For each appeal of the period answered at all: milliseconds from filing to its first answer. */
  readonly firstAnswerMs: readonly number[];
  /** Waiting for an answer (see `waitingSince`) since before the deadline: filed at any time. */
  readonly overdue: number;
}

/** The desk's statistics page: how much came in, how fast it was first answered, and how much is overdue. */
export interface AppealStatistics {
  readonly filed: number;
  readonly byStatus: Readonly<Record<AppealStatus, number>>;
  /** Every topic, in the order offered, with its count (0 too). */
  readonly byTopic: readonly { readonly topic: AppealTopic; readonly count: number }[];
  readonly answered: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly overdue: number;
}

/** The value below which `share` of the sorted values lie (nearest rank); null for none. */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? null;
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3600_000) * 10) / 10);

export function appealStatistics(tally: AppealTally): AppealStatistics {
  const sorted = [...tally.firstAnswerMs].sort((a, b) => a - b);
  return {
    filed: tally.byStatus.received + tally.byStatus.answered + tally.byStatus.closed,
    byStatus: tally.byStatus,
    byTopic: appealTopics.map((topic) => ({ topic, count: tally.byTopic[topic] ?? 0 })),
    answered: sorted.length,
    medianHours: hours(percentile(sorted, 0.5)),
    p90Hours: hours(percentile(sorted, 0.9)),
    overdue: tally.overdue,
  };
}
