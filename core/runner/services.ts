import type { Kopecks } from '../kernel/money';
import type { AppealTopic } from '../features/appeals/appeal';
import type { Localizer } from '../kernel/localizer';
import type { Accounts } from '../features/account/ports';
import type { AppealFiles, Appeals } from '../features/appeals/ports';
import type { ChatPushes, MailOutbox } from '../features/outbox/ports';
import type { Invites, Settings } from '../features/accounts/ports';
import type { ChatIdentities, LinkAttempts } from '../features/linking/ports';
import type { DeepLinks } from '../features/menu/ports';
import type { EReceipts } from '../features/e-receipt/ports';
import type { FileStore } from '../kernel/file-store';
import type { MeterReadings } from '../features/readings/ports';
import type { MonthlyReceiptChats, ReceiptArchive } from '../features/receipts/ports';
import type { Payments } from '../features/pay/ports';

/** The use cases' ports: everything that talks to the world. */
export interface Ports {
  readonly accounts: Accounts;
  readonly identities: ChatIdentities;
  readonly attempts: LinkAttempts;
  readonly mail: MailOutbox;
  readonly readings: MeterReadings;
  readonly files: FileStore;
  readonly payments: Payments;
  readonly receipts: ReceiptArchive;
  readonly eReceipts: EReceipts;
  readonly monthlyReceipts: MonthlyReceiptChats;
  readonly links: DeepLinks;
  readonly appeals: Appeals;
  readonly appealFiles: AppealFiles;
  readonly settings: Settings;
  readonly invites: Invites;
  /** Messages into other chats (a revoked chat, an inviter told the invite was taken). */
  readonly pushes: ChatPushes;
}

/** What the composition root gives the runner: the ports, words and time. */
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
