import { Account } from './account';
import { AccountLink } from './account-link';
import { ChatIdentity } from './chat-identity';
import { LinkFailure } from './link-failure';
import { Meter } from './meter';
import { MonthlyCharge } from './monthly-charge';
import { Payment } from './payment';
import { QueuedMail } from './queued-mail';

export { Account, AccountLink, ChatIdentity, LinkFailure, Meter, MonthlyCharge, Payment, QueuedMail };
export const entities = [Account, Meter, Payment, MonthlyCharge, ChatIdentity, AccountLink, LinkFailure, QueuedMail];
