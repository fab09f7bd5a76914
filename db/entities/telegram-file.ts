import { defineEntity, p } from '@mikro-orm/core';

/** A document Telegram already holds: sent again by its `file_id`, never uploaded twice. */
export const TelegramFile = defineEntity({
  name: 'TelegramFile',
  properties: {
    sha256: p.string().length(64).primary(),
    fileId: p.string(),
  },
});
