import { defineEntity, p } from '@mikro-orm/core';

/**
 * The embedded default's flow state, by the same keys Redis keeps (`stateKeys`): a chat's session,
 * a delivery's journal, a delivery handled. Each entry expires as its Redis key would. Also, in
 * every installation, the long-polling marker of MAX (`SqlPollMarkers`).
 */
export const FlowState = defineEntity({
  name: 'FlowState',
  properties: {
    key: p.string().length(300).primary(),
    /** JSON, as Redis keeps it. */
    value: p.text(),
    expiresAt: p.datetime().index(),
  },
});
