import type { Kopecks } from '../kernel/money';
import type { AppealTopic } from '../features/appeals/appeal';
import type { Localizer } from '../kernel/localizer';
import type { PortSpec } from '../kernel/feature';
import type { features } from '../features';

type Merged<U> = (U extends unknown ? (union: U) => void : never) extends (merged: infer M) => void ? M : never;
type DeclaredPorts = Merged<(typeof features)[number]['ports']>;

/** The use cases' ports, everything that talks to the world: each feature's, by its name in `core/features.ts`. */
export type Ports = { readonly [Name in keyof DeclaredPorts]: DeclaredPorts[Name] extends PortSpec<infer Port> ? Port : never };

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
