import { chatKey, type ChatAddress } from '../../kernel/channel';
import { moment, text, type Text } from '../../kernel/text';
import type { Broadcasts, ChatPushes } from '../outbox/ports';
import { inArea, parseArea } from './area';
import type { Interruption, Interruptions, LinkedAddresses } from './ports';

export interface TellingServices {
  readonly interruptions: Interruptions;
  readonly pushes: ChatPushes;
  readonly broadcasts: Broadcasts;
  readonly linkedAddresses: LinkedAddresses;
}

/**
 * Tells what changed (that it is coming or has happened, its new expected end, its end): the start
 * to every chat whose linked account's address lies in the area, a new time to them and to those
 * told before, the end only to those told before. Each chat hears each version once, in its
 * language, through the outbox: telling again (a retried call, two at once, a restart) queues
 * nothing twice. How many chats were queued now.
 */
export function tellInterruption(services: TellingServices, interruption: Interruption): Promise<number> {
  const before = telling.get(interruption.id) ?? Promise.resolve(0);
  const told = before.then(
    () => tellNow(services, interruption),
    () => tellNow(services, interruption),
  );
  const done = () => void (telling.get(interruption.id) === told && telling.delete(interruption.id));
  told.then(done, done);
  telling.set(interruption.id, told);
  return told;
}

/**
 * The tells of one interruption, one after another in this process: the outbox keeps a chat's
 * pushes in the order queued, and a new time queued after the end would be the last word.
 */
const telling = new Map<number, Promise<number>>();

async function tellNow(services: TellingServices, interruption: Interruption): Promise<number> {
  const current = await services.interruptions.get(interruption.id);
  // Changed again while this one waited: the later notice says what is so now, and this one would only follow it.
  if (current && current.version > interruption.version) {
    await services.interruptions.told(interruption.id, interruption.version);
    return 0;
  }
  const earlier = Array.from({ length: interruption.version - 1 }, (_, index) => interruptionBroadcast(interruption.id, index + 1));
  const told = await services.broadcasts.audienceOf(earlier);
  const here = interruption.endedAt ? [] : await chatsInArea(services.linkedAddresses, interruption.area);
  const chats = new Map([...told, ...here].map((chat) => [chatKey(chat), chat]));
  const message = noticeOf(interruption);
  const broadcast = interruptionBroadcast(interruption.id, interruption.version);
  const queued = await services.pushes.enqueue([...chats.values()].map((chat) => ({ chat, message, broadcast, dedupeKey: `${broadcast}:${chatKey(chat)}` })));
  await services.interruptions.told(interruption.id, interruption.version);
  return queued;
}

/** The broadcast a version of an interruption is told in: its audience, and its counts on the desk. */
export function interruptionBroadcast(id: number, version: number): string {
  return `interruption:${id}:${version}`;
}

/** Changes a process died telling (its notices half queued): told now, to nobody twice. */
export async function tellUntold(services: TellingServices): Promise<number> {
  let queued = 0;
  for (const interruption of await services.interruptions.untold()) queued += await tellInterruption(services, interruption);
  return queued;
}

async function chatsInArea(linkedAddresses: LinkedAddresses, written: string): Promise<ChatAddress[]> {
  const area = parseArea(written);
  if (!area) return [];
  return (await linkedAddresses.all()).filter(({ address }) => inArea(address, area)).map(({ chat }) => chat);
}

/** What a chat is told of an interruption as it stands: coming or under way, its new expected end, or its end. */
export function noticeOf(interruption: Interruption): Text {
  const args = { area: interruption.area, from: moment(interruption.from), until: moment(interruption.until), reason: interruption.reason };
  if (interruption.endedAt) return text('push-interruption-ended', { area: interruption.area, at: moment(interruption.endedAt) });
  if (interruption.version > 1) return text('push-interruption-until', args);
  return interruption.kind === 'planned' ? text('push-interruption-planned', args) : text('push-interruption-emergency', args);
}
