import type { Localizer } from '../../kernel/localizer';
import type { Appeals } from './ports';
import type { MailOutbox } from '../outbox/ports';
import { moment, text } from '../../kernel/text';

/** An appeal left without an answer this long alerts the supervisors, once. */
export async function alertUnansweredAppeals(
  services: { readonly appeals: Appeals; readonly mail: MailOutbox; readonly localizer: Localizer },
  supervisors: readonly string[],
  answerWithinHours: number,
  now: Date,
): Promise<number> {
  if (supervisors.length === 0) return 0;
  const overdue = await services.appeals.takeOverdue(new Date(now.getTime() - answerWithinHours * 3600_000), now);
  for (const appeal of overdue) {
    const args = { number: appeal.number, hours: answerWithinHours, filedAt: moment(new Date(appeal.filedAt)) };
    for (const to of supervisors) {
      await services.mail.enqueue({
        to,
        subject: services.localizer.format('ru', text('mail-appeal-overdue-subject', args)),
        text: services.localizer.format('ru', text('mail-appeal-overdue-body', args)),
        dedupeKey: `appeal-overdue:${appeal.number}:${to}`,
      });
    }
  }
  return overdue.length;
}
