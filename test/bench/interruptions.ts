/**
 * The interruption part of `npm run bench`: one interruption of supply published for a street of
 * `BENCH_BROADCAST` linked chats (10 000 unless set), through the real app, against a Bot API that
 * refuses more than 30 sends a second; some hundreds of chats on another street must hear nothing.
 */
import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/core';
import { Account, AccountLink, ChatIdentity, ChatPush } from '../../db/entities';
import { inTransaction } from '../../db/transaction';
import type { FakeTelegramApi } from '../support/fake-telegram-api';
import { startBroadcastApp } from './broadcast-app';

const broadcastSize = Number(process.env['BENCH_BROADCAST'] ?? 10_000);
const elsewhereSize = 300;
const throttle = 30;
const area = 'г. Воронеж, ул. Кольцовская';
/** A street of the same town: matched by the street, not only the town. */
const otherStreet = 'г. Воронеж, ул. Плехановская';
/** Rows per insert: under SQLite's limit on bound values with a dozen columns a row. */
const chunk = 500;

/** Accounts on one street, numbered from `firstNumber`, each linked to its own Telegram chat `firstChat + index`. */
interface Street {
  readonly address: string;
  readonly count: number;
  readonly firstNumber: number;
  readonly firstChat: number;
}

const chatsOf = (street: Street) => Array.from({ length: street.count }, (_, index) => street.firstChat + index);

/**
 * Writes the street's accounts, chats and links as the linking flow leaves them, in bulk: ten
 * thousand customers linking one by one through the flows would be the bench's whole run.
 */
async function seedStreet(orm: MikroORM, street: Street, at: Date): Promise<void> {
  await inTransaction(orm, async (em) => {
    for (let start = 0; start < street.count; start += chunk) {
      const indexes = Array.from({ length: Math.min(chunk, street.count - start) }, (_, offset) => start + offset);
      const numberOf = (index: number) => String(street.firstNumber + index).padStart(12, '0');
      await em.insertMany(
        Account,
        indexes.map((index) => ({
          number: numberOf(index),
          payerName: `Абонент ${index}`,
          address: `${street.address}, д. ${1 + (index % 200)}, кв. ${1 + (index % 97)}`,
          phone: null,
          email: null,
          region: 'Воронежская область',
          residents: 1 + (index % 4),
          seasonalityFactor: 1,
          socialNormKwh: null,
          balanceKopecks: 0,
          earlierDebtKopecks: 0,
        })),
      );
      const chatOf = (index: number) => String(street.firstChat + index);
      await em.insertMany(
        ChatIdentity,
        indexes.map((index) => ({ channel: 'telegram', externalId: chatOf(index), locale: null, createdAt: at })),
      );
      const identities = await em.find(ChatIdentity, { channel: 'telegram', externalId: { $in: indexes.map(chatOf) } }, { fields: ['id', 'externalId'] });
      const idOf = new Map(identities.map((identity) => [identity.externalId, identity.id]));
      await em.insertMany(
        AccountLink,
        indexes.map((index) => ({
          identity: idOf.get(chatOf(index)) as number,
          account: numberOf(index),
          consentAt: at,
          linkedAt: at,
          chosenAt: at,
          via: 'proof',
        })),
      );
    }
  });
}

/** What the fake Bot API was sent, looked at as it arrives: each chat's notices, and those to chats off the street. */
class Tally {
  readonly perChat = new Map<number, number>();
  outside = 0;
  /** When the last chat of the street heard its first notice. */
  lastFirstAt = 0;
  private seen = 0;

  constructor(
    private readonly api: FakeTelegramApi,
    private readonly wanted: ReadonlySet<number>,
  ) {}

  /** Takes in the calls recorded since the last look; true when something new was sent. */
  look(): boolean {
    const calls = this.api.calls;
    const before = this.seen;
    for (; this.seen < calls.length; this.seen += 1) {
      const call = calls[this.seen];
      if (call?.method !== 'sendMessage') continue;
      const chat = Number(call.params['chat_id']);
      if (!this.wanted.has(chat)) this.outside += 1;
      else if (this.perChat.set(chat, (this.perChat.get(chat) ?? 0) + 1).get(chat) === 1) this.lastFirstAt = performance.now();
    }
    return this.seen > before;
  }
}

/** Until every chat of the street has its notice, or nothing more arrived for a minute. */
async function delivered(api: FakeTelegramApi, tally: Tally): Promise<void> {
  let lastProgress = performance.now();
  while (tally.perChat.size < broadcastSize && performance.now() - lastProgress < 60_000) {
    let timer: NodeJS.Timeout | undefined;
    // Each call recorded wakes the count; the timer only lets a stalled broadcast be noticed.
    await Promise.race([api.nextCall(), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
    if (tally.look()) lastProgress = performance.now();
  }
}

/** Until the outbox holds nothing to send: a notice sent twice would be sent by then. */
async function drained(orm: MikroORM): Promise<number> {
  const pending = () => orm.em.fork().count(ChatPush, { sentAt: null, gaveUpAt: null });
  for (let still = 0; still < 60 && (await pending()) > 0; still += 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
  return pending();
}

/** An interruption published for a street of `broadcastSize` Telegram chats, through the real app, against a Bot API that refuses more than 30 sends a second. */
export async function benchInterruptionBroadcast(): Promise<string[]> {
  const { app, api, operatorToken, stop } = await startBroadcastApp(throttle);
  try {
    const street: Street = { address: area, count: broadcastSize, firstNumber: 700_000_000_000, firstChat: 60_000_000 };
    const elsewhere: Street = { address: otherStreet, count: elsewhereSize, firstNumber: 800_000_000_000, firstChat: 70_000_000 };
    const seeding = performance.now();
    for (const seeded of [street, elsewhere]) await seedStreet(app.runtime.orm, seeded, new Date());
    const seedSeconds = (performance.now() - seeding) / 1000;
    const tally = new Tally(api, new Set(chatsOf(street)));
    tally.look();
    // A day ahead whenever the bench runs: the notice reads the same, nothing depends on today.
    const from = new Date(Date.now() + 24 * 3600_000);
    const began = performance.now();
    const published = await fetch(`${app.url}/operator/interruptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'planned',
        area,
        from: from.toISOString(),
        until: new Date(from.getTime() + 8 * 3600_000).toISOString(),
        reason: 'замена кабеля',
      }),
    });
    const answeredMs = performance.now() - began;
    if (published.status !== 201) throw new Error(`publishing answered ${published.status}: ${await published.text()}`);
    await delivered(api, tally);
    const unsent = await drained(app.runtime.orm);
    tally.look();
    return [report(tally, { seconds: (tally.lastFirstAt - began) / 1000, answeredMs, seedSeconds, unsent, refused: api.refusedForRate })];
  } finally {
    await stop();
  }
}

function report(tally: Tally, figures: { seconds: number; answeredMs: number; seedSeconds: number; unsent: number; refused: number }): string {
  const lost = broadcastSize - tally.perChat.size;
  const doubled = [...tally.perChat.values()].reduce((sum, count) => sum + count - 1, 0);
  const rate = tally.perChat.size / figures.seconds;
  return (
    `interruption to ${broadcastSize} chats on a street (${elsewhereSize} on another), a Bot API holding the bot to ${throttle} sends/s: ` +
    `${figures.seconds.toFixed(1)} s, ${rate.toFixed(1)} notices/s, ${(rate / throttle).toFixed(3)} of the throttle (aim: ≥ 28.5, 0.95), ` +
    `lost ${lost}, doubled ${doubled}, sent off the street ${tally.outside} (aim: 0), refused with 429 ${figures.refused}; ` +
    `publishing answered in ${figures.answeredMs.toFixed(0)} ms, ${figures.unsent} left unsent (seeded in ${figures.seedSeconds.toFixed(1)} s)`
  );
}
