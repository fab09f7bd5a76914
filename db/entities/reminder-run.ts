import { defineEntity, p } from '@mikro-orm/core';

/** A month's reminder broadcast queued to every chat due it: the runs after it leave it alone. */
export const ReminderRun = defineEntity({
  name: 'ReminderRun',
  properties: {
    /** `reminder:<kind>:<YYYY-MM>`, as its pushes name it. */
    broadcast: p.string().primary(),
    finishedAt: p.datetime(),
  },
});
