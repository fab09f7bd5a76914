import type { AccountNumber } from '../../kernel/account-number';
import { taskButton, type TaskButton } from '../../kernel/actions';
import { chatKey } from '../../kernel/channel';
import { BillingUnavailable } from '../../kernel/billing-unavailable';
import { kopecks, type Kopecks } from '../../kernel/money';
import { money, text, type Text } from '../../kernel/text';
import type { Accounts } from '../account/ports';
import type { Broadcasts, ChatPush, ChatPushes } from '../outbox/ports';
import { pendingSince } from '../pay/payment';
import type { Payments } from '../pay/ports';
import type { MeterReadings } from '../readings/ports';
import type { ReminderKind, ReminderRuns, ReminderSchedule, ReminderSubscriptions } from './ports';
import { dueDate, remindersDue, type DueReminder } from './reminder-schedule';

export interface ReminderServices {
  readonly reminders: ReminderSubscriptions;
  readonly runs: ReminderRuns;
  readonly readings: Pick<MeterReadings, 'meters'>;
  readonly accounts: Pick<Accounts, 'info'>;
  readonly payments: Pick<Payments, 'pending'>;
  readonly pushes: ChatPushes;
  readonly broadcasts: Pick<Broadcasts, 'queued'>;
  readonly schedule: ReminderSchedule;
  readonly timeZone: string;
}

/** Queued a few hundred at a time: a month's reminders are tens of thousands. */
const batch = 500;

/** What a run did: reminders queued, and accounts left out because billing answered for them with an error. */
export interface RemindersSent {
  readonly queued: number;
  readonly unanswered: readonly AccountNumber[];
}

/**
 * Queues the reminders due now to the chats that asked for them: the readings one unless the
 * month's readings are in, the payment one with the amount due unless it is paid. Each chat hears
 * each month's reminder of an account once: a run cut short (the process stopped, billing away,
 * 21:00 came) is run again, queuing only what it had not; one run to the end is not run again
 * that day. A reminder not delivered by 21:00 is taken out of the outbox, and the next day of the
 * window queues it again; so does it for a chat that asked since.
 */
export async function sendReminders(services: ReminderServices, clock: () => Date, stopping: AbortSignal): Promise<RemindersSent> {
  let queued = 0;
  const unanswered: AccountNumber[] = [];
  for (const due of remindersDue(clock(), services.timeZone, services.schedule)) {
    if (await services.runs.finished(due.run)) continue;
    const subscribers = await services.reminders.subscribers(due.kind);
    const notices = new Map<AccountNumber, Text | null>();
    for (let start = 0; start < subscribers.length; start += batch) {
      // Stopping, or past the hour by the time it got here: the rest waits for the next run.
      if (stopping.aborted || !stillDue(services, due, clock())) return { queued, unanswered };
      const chunk = subscribers
        .slice(start, start + batch)
        .map((subscriber) => ({ ...subscriber, dedupeKey: `${due.broadcast}:${chatKey(subscriber.chat)}:${subscriber.account}` }));
      // Queued on an earlier day of the window: not asked of billing again.
      const already = await services.broadcasts.queued(chunk.map(({ dedupeKey }) => dedupeKey));
      const pushes: ChatPush[] = [];
      for (const { chat, account, dedupeKey } of chunk.filter(({ dedupeKey }) => !already.has(dedupeKey))) {
        if (!notices.has(account)) notices.set(account, await answeredNotice(services, due, account, clock(), unanswered));
        const message = notices.get(account);
        if (message) pushes.push({ chat, message, buttons: buttonsOf(due.kind, account), broadcast: due.broadcast, dedupeKey, notAfter: due.notAfter });
      }
      queued += await services.pushes.enqueue(pushes);
    }
    await services.runs.finish(due.run, clock());
  }
  return { queued, unanswered };
}

function stillDue(services: ReminderServices, due: DueReminder, now: Date): boolean {
  return remindersDue(now, services.timeZone, services.schedule).some((still) => still.broadcast === due.broadcast);
}

/**
 * The account's notice; billing away as a whole stops the run (it is run again later), while one
 * account billing refuses to answer for is left out of it, so that it holds nobody else's.
 */
async function answeredNotice(
  services: ReminderServices,
  due: DueReminder,
  account: AccountNumber,
  now: Date,
  unanswered: AccountNumber[],
): Promise<Text | null> {
  try {
    return await noticeOf(services, due, account, now);
  } catch (error) {
    if (error instanceof BillingUnavailable) throw error;
    unanswered.push(account);
    return null;
  }
}

/** What the account's chats are told, or null when there is nothing to remind of (the readings are in, the bill is paid). */
async function noticeOf(services: ReminderServices, due: DueReminder, account: AccountNumber, now: Date): Promise<Text | null> {
  const { readingsWindow, paymentDueDay } = services.schedule;
  if (due.kind === 'readings') {
    const meters = await services.readings.meters(account, due.period);
    const missing = meters.some((meter) => meter.zones.some((zone) => !zone.closed && !zone.submitted));
    return missing ? text('push-reminder-readings', { account, from: readingsWindow.from, to: readingsWindow.to }) : null;
  }
  const owed = await amountOwed(services, account, now);
  return owed > 0 ? text('push-reminder-payment', { account, amount: money(owed), due: dueDate(due.period, paymentDueDay) }) : null;
}

/** What the balance owes, less the payments made and not yet posted. */
async function amountOwed(services: ReminderServices, account: AccountNumber, now: Date): Promise<Kopecks> {
  const [info, onTheirWay] = await Promise.all([services.accounts.info(account), services.payments.pending(account, pendingSince(now))]);
  if (!info) return kopecks(0);
  // Billing's figures as it last gave them: a bill paid since would be asked for again.
  if (info.asOf) throw new BillingUnavailable('GET /v1/accounts/{account}');
  const paid = onTheirWay.reduce((sum, payment) => sum + payment.amount, 0);
  return kopecks(Math.max(0, -info.balance - paid));
}

/** Into the task for that very account, and the one tap that stops this reminder. */
function buttonsOf(kind: ReminderKind, account: AccountNumber): TaskButton[] {
  return [
    taskButton('reminders', { argument: `${kind}:${account}`, label: kind === 'readings' ? text('action-readings') : text('action-pay') }),
    taskButton('reminders', { argument: `stop:${kind}:${account}`, label: text('reminders-stop') }),
  ];
}
