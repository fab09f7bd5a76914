import { defineEntity, p } from '@mikro-orm/core';

/** A day's run of a month's reminder, done: the runs after it that day leave it alone. */
export const ReminderRun = defineEntity({
  name: 'ReminderRun',
  properties: {
    /** `reminder:<kind>:<YYYY-MM>:<DD>`: its broadcast, and the day. */
    run: p.string().primary(),
    finishedAt: p.datetime(),
  },
});
