import type { Localizer } from './localizer';
import type { Accounts, ChatIdentities, FileStore, LinkAttempts, MailOutbox, MeterReadings, Payments } from './ports';

/** Everything a flow may use besides the chat: the use cases' ports, words and time. */
export interface Services {
  readonly accounts: Accounts;
  readonly identities: ChatIdentities;
  readonly attempts: LinkAttempts;
  readonly mail: MailOutbox;
  readonly readings: MeterReadings;
  readonly files: FileStore;
  readonly payments: Payments;
  readonly localizer: Localizer;
  readonly clock: () => Date;
}
