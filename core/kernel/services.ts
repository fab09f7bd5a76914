import type { Localizer } from './localizer';

/**
 * The use cases' ports, everything that talks to the world, by the names flows use. Each feature
 * adds its own in its `ports.ts`, so this file names no feature (and a flow's types do not lead
 * back to the list of features); `core/features.ts` checks that its features declare them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each feature's ports.ts
export interface Ports {}

/** The supplier's numbers the flows apply, from the configuration; each feature adds its own in its `ports.ts`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each feature's ports.ts
export interface Policy {}

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
