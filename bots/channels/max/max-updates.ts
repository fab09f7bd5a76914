import { z } from 'zod';

/**
 * The updates of MAX's Bot API that energobot reads, in its documented shapes (dev.max.ru, the
 * OpenAPI `Update`): what else an update holds is kept but not read; other update types are
 * recognised by `update_type` alone and left alone.
 */
const maxUser = z.object({ user_id: z.number().int(), first_name: z.string().optional(), is_bot: z.boolean().optional() }).passthrough();

const attachment = z
  .object({
    type: z.string(),
    payload: z.object({ url: z.string().nullish(), token: z.string().nullish() }).passthrough().nullish(),
    filename: z.string().nullish(),
    size: z.number().nullish(),
  })
  .passthrough();
export type MaxAttachment = z.infer<typeof attachment>;

const message = z
  .object({
    sender: maxUser.nullish(),
    recipient: z.object({ chat_id: z.number().int().nullish(), chat_type: z.string(), user_id: z.number().int().nullish() }).passthrough(),
    timestamp: z.number(),
    link: z
      .object({ type: z.string(), message: z.object({ text: z.string().nullish() }).passthrough().optional() })
      .passthrough()
      .nullish(),
    body: z.object({ mid: z.string(), text: z.string().nullish(), attachments: z.array(attachment).nullish() }).passthrough(),
  })
  .passthrough();
export type MaxMessage = z.infer<typeof message>;

const locale = { user_locale: z.string().nullish() };

export const maxUpdate = z.discriminatedUnion('update_type', [
  z.object({ update_type: z.literal('message_created'), timestamp: z.number(), message, ...locale }).passthrough(),
  z
    .object({
      update_type: z.literal('message_callback'),
      timestamp: z.number(),
      callback: z.object({ callback_id: z.string(), payload: z.string().nullish(), user: maxUser }).passthrough(),
      message: message.nullish(),
      ...locale,
    })
    .passthrough(),
  z
    .object({
      update_type: z.literal('bot_started'),
      timestamp: z.number(),
      chat_id: z.number().int(),
      user: maxUser,
      payload: z.string().nullish(),
      ...locale,
    })
    .passthrough(),
]);
export type MaxUpdate = z.infer<typeof maxUpdate>;

/** Any update: its type at least; one energobot does not read is acknowledged and left alone. */
export const anyMaxUpdate = z.object({ update_type: z.string(), timestamp: z.number() }).passthrough();

/** The update types energobot asks MAX for. */
export const readUpdateTypes = ['message_created', 'message_callback', 'bot_started'] as const;
