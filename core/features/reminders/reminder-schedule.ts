import { shiftPeriod, wallClock } from '../../kernel/period';
import { billingPeriod } from '../readings/meter';
import { reminderKinds, type ReminderKind, type ReminderSchedule } from './ports';

/** Reminders wake nobody: they are queued between 9:00 and 21:00 on the supplier's clock only. */
export const reminderHours = { from: 9, until: 21 } as const;

/** The payment reminder comes this many days before the bill falls due, so there is time to pay. */
export const paymentLeadDays = 3;

/** A month's reminder of one kind: queued once to each chat that asked for it. */
export interface DueReminder {
  readonly kind: ReminderKind;
  /** `YYYY-MM`, the supplier's month. */
  readonly period: string;
  /** The broadcast it goes out in (the desk counts it by this name). */
  readonly broadcast: string;
}

/** Today's run of it: what is not delivered by 21:00 is taken out, and tomorrow's run (in the window still) queues it again. */
export interface RemindingToday extends DueReminder {
  readonly run: string;
  readonly notAfter: Date;
}

/** The first day of the month the payment reminder goes on (not before the 1st, for a bill due early in the month). */
export function paymentReminderFrom(dueDay: number): number {
  return Math.max(1, dueDay - paymentLeadDays);
}

/** The broadcast a month's reminder of one kind goes out in: the desk counts it by this name. */
export function reminderBroadcast(kind: ReminderKind, period: string): string {
  return `reminder:${kind}:${period}`;
}

/** The reminders due at `now`: the readings ones while the window is open, the payment ones in the days before the due day; by day only. */
export function remindersDue(now: Date, timeZone: string, schedule: ReminderSchedule): RemindingToday[] {
  const clock = wallClock(now, timeZone);
  if (clock.hour < reminderHours.from || clock.hour >= reminderHours.until) return [];
  const period = billingPeriod(now, timeZone);
  const secondsToQuiet = ((reminderHours.until - clock.hour) * 60 - clock.minute) * 60 - clock.second;
  const notAfter = new Date(Math.floor(now.getTime() / 1000) * 1000 + secondsToQuiet * 1000);
  const due = (kind: ReminderKind): RemindingToday => {
    const broadcast = reminderBroadcast(kind, period);
    return { kind, period, broadcast, run: `${broadcast}:${String(clock.day).padStart(2, '0')}`, notAfter };
  };
  const { readingsWindow, paymentDueDay } = schedule;
  return [
    ...(clock.day >= readingsWindow.from && clock.day <= readingsWindow.to ? [due('readings')] : []),
    ...(clock.day >= paymentReminderFrom(paymentDueDay) && clock.day <= paymentDueDay ? [due('payment')] : []),
  ];
}

/** The reminders of the last `months` months, the newest first: what the desk looks up. */
export function recentReminders(now: Date, timeZone: string, months: number): DueReminder[] {
  const current = billingPeriod(now, timeZone);
  return Array.from({ length: months }, (_, back) => shiftPeriod(current, -back)).flatMap((period) =>
    reminderKinds.map((kind) => ({ kind, period, broadcast: reminderBroadcast(kind, period) })),
  );
}

/** The day a month's bill is due, as the reminder names it: `10.12.2026`. */
export function dueDate(period: string, day: number): string {
  const [year, month] = period.split('-');
  return `${String(day).padStart(2, '0')}.${month ?? ''}.${year ?? ''}`;
}
