import { defineEntity, p } from '@mikro-orm/core';

/** A file of an appeal (the customer's or the operator's): kept with the appeal, in the database so every instance reads it. */
export const AppealFile = defineEntity({
  name: 'AppealFile',
  properties: {
    /** Random, 128 bits: also what the desk's and the API's links name. */
    id: p.string().length(22).primary(),
    name: p.string(),
    mime: p.string(),
    size: p.integer(),
    content: p.blob(),
    createdAt: p.datetime(),
  },
});
