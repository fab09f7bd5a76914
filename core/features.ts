import type { PortSpec } from './kernel/feature';
import type { Ports } from './kernel/services';
import { account } from './features/account/feature';
import { accounts } from './features/accounts/feature';
import { appeals } from './features/appeals/feature';
import { billing } from './features/billing/feature';
import { eReceipt } from './features/e-receipt/feature';
import { language } from './features/language/feature';
import { linking } from './features/linking/feature';
import { outbox } from './features/outbox/feature';
import { pay } from './features/pay/feature';
import { readings } from './features/readings/feature';
import { receipts } from './features/receipts/feature';
import { reports } from './features/reports/feature';
import { start } from './features/start/feature';
import { tariffs } from './features/tariffs/feature';
import { courtesy } from './features/courtesy/feature';
import { contacts } from './features/contacts/feature';
import { interruptions } from './features/interruptions/feature';
import { reminders } from './features/reminders/feature';
import { liveChat } from './features/live-chat/feature';

/**
 * Every feature, once. The tasks (and so the menu, /help, Telegram's command list and the
 * free-text intents), the ports flows are given and which of their calls are reads all come
 * from this list. The order is the menu's.
 */
export const features = [
  start,
  linking,
  account,
  pay,
  readings,
  receipts,
  reports,
  eReceipt,
  appeals,
  liveChat,
  accounts,
  language,
  tariffs,
  contacts,
  interruptions,
  reminders,
  courtesy,
  billing,
  outbox,
] as const;

type Merged<U> = (U extends unknown ? (union: U) => void : never) extends (merged: infer M) => void ? M : never;
type Declared = Merged<(typeof features)[number]['ports']>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only while the features declare exactly the ports flows are given, each of its type. */
export type EveryPortDeclared =
  Same<{ readonly [Name in keyof Declared]: Declared[Name] extends PortSpec<infer Port> ? Port : never }, Ports> extends true ? true : never;
