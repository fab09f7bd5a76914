import type { AccountNumber } from '../../core/kernel/account-number';
import type { ChatAddress } from '../../core/kernel/channel';
import { linkingPolicy, lookupDecision, lookupOrigin, originOf } from '../../core/features/linking/linking-policy';

const now = new Date('2026-06-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - Math.round(hours * 3600_000));
const number = (n: number) => `1000000000${String(n).padStart(2, '0')}` as AccountNumber;
/** `count` distinct numbers looked up, the oldest `oldestHoursAgo` hours ago, an hour apart. */
const looked = (count: number, oldestHoursAgo = 20) => Array.from({ length: count }, (_, i) => ({ account: number(i + 1), at: hoursAgo(oldestHoursAgo - i) }));

describe("an origin's look-up budget", () => {
  it('is ten distinct numbers a day', () => {
    expect(linkingPolicy.maxLookups).toBe(10);
    expect(linkingPolicy.failureWindowMs).toBe(24 * 3600_000);
  });

  it.each([
    ['nothing looked up yet', [], number(1), { allowed: true, counts: true }],
    ['nine numbers looked up: the tenth is allowed and counted', looked(9), number(10), { allowed: true, counts: true }],
    [
      'exactly at the limit, a new number: refused until the oldest look-up is a day old',
      looked(10),
      number(11),
      { allowed: false, pausedUntil: hoursAgo(20 - 24) },
    ],
    ['exactly at the limit, one of the ten again: allowed, not counted again', looked(10), number(10), { allowed: true, counts: false }],
    [
      'one number looked up many times counts once',
      Array.from({ length: 12 }, (_, i) => ({ account: number(1), at: hoursAgo(i + 1) })),
      number(2),
      { allowed: true, counts: true },
    ],
    ['ten, but the oldest exactly a day ago is out of the window', looked(10, 24), number(11), { allowed: true, counts: true }],
    ['ten, the oldest a second inside the window', looked(10, 24 - 1 / 3600), number(11), { allowed: false, pausedUntil: new Date(now.getTime() + 1000) }],
    [
      'a number looked up more than a day ago is new again',
      [{ account: number(1), at: hoursAgo(25) }, ...looked(10).slice(1)],
      number(1),
      { allowed: true, counts: true },
    ],
    ['rows in any order: the pause runs from the oldest', [...looked(10)].reverse(), number(11), { allowed: false, pausedUntil: hoursAgo(20 - 24) }],
  ])('%s', (_, rows, account, decision) => {
    expect(lookupDecision(rows, account, now)).toEqual(decision);
  });
});

describe("a chat's origin", () => {
  it.each<[string, ChatAddress, string | null, { origin: string; network: string | null }, string]>([
    [
      'a Telegram private chat is its user; no network address is known',
      { channel: 'telegram', id: '42' },
      null,
      { origin: 'telegram:42', network: null },
      'telegram:42',
    ],
    [
      'a Telegram chat never has one, whatever is recorded',
      { channel: 'telegram', id: '42' },
      '203.0.113.7',
      { origin: 'telegram:42', network: null },
      'telegram:42',
    ],
    [
      'a web chat is its browser, and its look-ups count per address it came from',
      { channel: 'webchat', id: 'conv-1' },
      '203.0.113.7',
      { origin: 'webchat:conv-1', network: '203.0.113.7' },
      '203.0.113.7',
    ],
    [
      'a web chat with no known address counts on its own',
      { channel: 'webchat', id: 'conv-1' },
      null,
      { origin: 'webchat:conv-1', network: null },
      'webchat:conv-1',
    ],
  ])('%s', (_, chat, openedFrom, origin, lookups) => {
    expect(originOf(chat, openedFrom)).toEqual(origin);
    expect(lookupOrigin(originOf(chat, openedFrom))).toBe(lookups);
  });
});
