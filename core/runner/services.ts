import type { Kopecks } from '../kernel/money';
import type { AppealTopic } from '../features/appeals/appeal';
import type { Localizer } from '../kernel/localizer';
/**
 * The use cases' ports, everything that talks to the world, by the names flows use. Each feature
 * adds its own in its `ports.ts`, so this file names no feature (and a flow's types do not lead
 * back to the list of features); `core/features.ts` checks that its features declare them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each feature's ports.ts
export interface Ports {}

/** The supplier's numbers a flow applies, from the configuration. */
export interface Policy {
  /** A payment above this is confirmed by the customer before the link is made. */
  readonly paymentConfirmAbove: Kopecks;
  /** The topics an appeal may have, in the order offered. */
  readonly appealTopics: readonly AppealTopic[];
  /** Where new appeals and customers' additions are e-mailed for the operators; null: the desk and the API only. */
  readonly appealsMailbox: string | null;
}

export interface Services extends Ports {
  readonly localizer: Localizer;
  readonly clock: () => Date;
  readonly policy: Policy;
}

/**
 * What a flow is given: the same ports, but every call is recorded (run once, replayed from the
 * record), and time only through `now()`, recorded too. Flows never see `Services` itself.
 */
export interface FlowServices extends Ports {
  readonly localizer: Localizer;
  readonly policy: Policy;
  now(): Promise<Date>;
}
