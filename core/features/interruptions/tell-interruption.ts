import { chatKey } from '../../kernel/channel';
import { moment, text, type Text } from '../../kernel/text';
import type { ChatPushes } from '../outbox/ports';
import { inArea, parseArea } from './area';
import type { Interruption, LinkedAddresses } from './ports';

/**
 * Tells every chat whose linked account's address lies in the interruption's area what changed:
 * that it is coming (or has happened), its new expected end, or its end. Each chat hears each
 * version once, in its language, through the outbox: telling again (a retried call, two at once)
 * queues nothing twice. How many chats were queued now.
 */
export async function tellInterruption(
  services: { readonly pushes: ChatPushes; readonly linkedAddresses: LinkedAddresses },
  interruption: Interruption,
): Promise<number> {
  const area = parseArea(interruption.area);
  if (!area) return 0;
  const chats = new Map((await services.linkedAddresses.all()).filter(({ address }) => inArea(address, area)).map(({ chat }) => [chatKey(chat), chat]));
  const message = noticeOf(interruption);
  return services.pushes.enqueue(
    [...chats.values()].map((chat) => ({ chat, message, dedupeKey: `interruption:${interruption.id}:${interruption.version}:${chatKey(chat)}` })),
  );
}

/** What a chat is told of an interruption as it stands: coming or under way, its new expected end, or its end. */
export function noticeOf(interruption: Interruption): Text {
  const args = { area: interruption.area, from: moment(interruption.from), until: moment(interruption.until), reason: interruption.reason };
  if (interruption.endedAt) return text('push-interruption-ended', { area: interruption.area, at: moment(interruption.endedAt) });
  if (interruption.version > 1) return text('push-interruption-until', args);
  return interruption.kind === 'planned' ? text('push-interruption-planned', args) : text('push-interruption-emergency', args);
}
