import { Account } from './account';
import { AccountLink } from './account-link';
import { ChatIdentity } from './chat-identity';
import { ChatPush } from './chat-push';
import { AccountLookup, LinkFailure, LinkFailureNotice } from './link-failure';
import { Meter } from './meter';
import { MeterReading } from './meter-reading';
import { MonthlyCharge } from './monthly-charge';
import { Payment } from './payment';
import { PaymentOrder } from './payment-order';
import { QueuedMail } from './queued-mail';
import { RelayActivity, RelayConversation } from './relay-conversation';
import { StoredFile } from './stored-file';

export { Account, AccountLink, AccountLookup, LinkFailureNotice, ChatIdentity, ChatPush, LinkFailure, Meter, MeterReading, MonthlyCharge, Payment, PaymentOrder, QueuedMail, RelayActivity, RelayConversation, StoredFile };
export const entities = [Account, Meter, MeterReading, Payment, PaymentOrder, MonthlyCharge, ChatIdentity, AccountLink, LinkFailure, QueuedMail, ChatPush, StoredFile, RelayConversation, RelayActivity, AccountLookup, LinkFailureNotice];
