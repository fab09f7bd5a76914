/** Where a reading or a link came from («тип ввода»): the chats energobot itself speaks in. */
export const chatChannels = ['telegram', 'max', 'webchat'] as const;
export type ChatChannel = (typeof chatChannels)[number];

export function isChatChannel(value: string): value is ChatChannel {
  return (chatChannels as readonly string[]).includes(value);
}

/** One chat on one channel: the identity a link belongs to. */
export interface ChatAddress {
  readonly channel: ChatChannel;
  readonly id: string;
}

export const chatKey = (chat: ChatAddress): string => `${chat.channel}:${chat.id}`;
