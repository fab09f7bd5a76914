import type { Localizer } from '../../kernel/localizer';
import type { Appeals } from './ports';
import type { MailOutbox } from '../outbox/ports';
import { moment, text } from '../../kernel/text';
import { waitingSince } from './appeal-search';

/** An appeal left without an answer this long alerts the supervisors, once, with the link to it on the desk at `publicUrl`. */
export async function alertUnansweredAppeals(
  services: { readonly appeals: Appeals; readonly mail: MailOutbox; readonly localizer: Localizer },
  alert: { readonly supervisors: readonly string[]; readonly answerWithinHours: number; readonly publicUrl: string },
  now: Date,
): Promise<number> {
  const { supervisors, answerWithinHours } = alert;
  if (supervisors.length === 0) return 0;
  const overdue = await services.appeals.takeOverdue(new Date(now.getTime() - answerWithinHours * 3600_000), now);
  for (const appeal of overdue) {
    const link = `${alert.publicUrl}/desk/appeals/${encodeURIComponent(appeal.number)}`;
    const args = { number: appeal.number, hours: answerWithinHours, filedAt: moment(new Date(appeal.filedAt)), link };
    for (const to of supervisors) {
      await services.mail.enqueue({
        to,
        subject: services.localizer.format('ru', text('mail-appeal-overdue-subject', args)),
        text: services.localizer.format('ru', text('mail-appeal-overdue-body', args)),
        // Once per wait: a follow-up left unanswered is alerted on again.
        dedupeKey: `appeal-overdue:${appeal.number}:${waitingSince(appeal) ?? appeal.filedAt}:${to}`,
      });
    }
  }
  return overdue.length;
}
