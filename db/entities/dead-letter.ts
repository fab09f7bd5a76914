import { defineEntity, p } from '@mikro-orm/core';

/**
 * An update that failed again and again and was set aside, so that its chat and every other one
 * go on. What it said is not kept (it is the customer's); what failed is, for an operator.
 */
export const DeadLetter = defineEntity({
  name: 'DeadLetter',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** `channel:id` of the chat. */
    chat: p.string(),
    updateId: p.string(),
    /** text, button or attachment. */
    inputKind: p.string(),
    failures: p.integer(),
    /** The last failure's kind and code, with no message text (it may quote what the customer typed). */
    failure: p.string(),
    setAsideAt: p.datetime(),
  },
  uniques: [{ properties: ['chat', 'updateId'] }],
});
