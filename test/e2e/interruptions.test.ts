import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { operatorToken } from '../support/both-channels';
import { FakeMaxApi } from '../support/fake-max-api';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { MaxCustomer } from '../support/max-customer';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, plain, play, startTestApp, type SeenMessage, type Step, type TestApp } from '../support/test-app';

/** Demo account 2 lives in Nizhny Novgorod: far from Kol'tsovskaya street in Voronezh. */
const linkAccount2: Step[] = [{ say: '/link' }, { say: '100000000002' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '2187,45' }];

describe('interruptions of supply, published by the supplier, told to the chats at the address', () => {
  let telegramApi: FakeTelegramApi;
  let max: FakeMaxApi;
  let app: TestApp;
  let channel: BotFrameworkChannel;

  beforeEach(async () => {
    [telegramApi, max] = await Promise.all([new FakeTelegramApi().start(), new FakeMaxApi().start()]);
    app = await startTestApp({
      TELEGRAM_BOT_TOKEN: telegramApi.token,
      TELEGRAM_API_ROOT: telegramApi.apiRoot,
      MAX_BOT_TOKEN: max.token,
      MAX_API_ROOT: max.apiRoot,
      OPERATOR_TOKEN: operatorToken,
    });
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterEach(async () => {
    await channel.stop();
    await app.close();
    await Promise.all([telegramApi.stop(), max.stop()]);
  });

  const call = (method: 'POST' | 'PATCH' | 'GET', path: string, body?: unknown, token = operatorToken) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it('tells each chat on the street once per change in every channel, and the chats elsewhere nothing', async () => {
    const telegram = new TelegramCustomer(telegramApi, 901);
    const inMax = new MaxCustomer(max, 901);
    const elsewhere = new TelegramCustomer(telegramApi, 902);
    for (const customer of [telegram, channel.customer('web-901'), inMax]) await play(customer, linkingScript);
    await play(elsewhere, linkAccount2);
    let webSeen = channel.received.length;
    /** What each of the four chats was told since the last look: Telegram, web chat, MAX, and the chat elsewhere. */
    const heard = async (): Promise<string[][]> => {
      await app.pushes.kick();
      const web = channel.received.slice(webSeen).filter((activity) => activity.conversation.id === 'conversation-web-901');
      webSeen = channel.received.length;
      const texts = (messages: readonly SeenMessage[]) => messages.map((message) => message.text);
      return [
        texts(await telegram.replies()),
        web.map((activity) => plain(activity.text ?? '')),
        texts(await inMax.replies()),
        texts(await elsewhere.replies()),
      ];
    };
    await heard();

    const outage = {
      kind: 'planned',
      area: 'г. Воронеж, улица Кольцовская, д. 20–30',
      from: '2026-12-05T09:00:00+03:00',
      until: '2026-12-05T17:00:00+03:00',
      reason: 'замена кабеля',
    };
    expect((await call('POST', '/operator/interruptions', outage, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await call('POST', '/operator/interruptions', { ...outage, until: outage.from })).status).toBe(400);
    expect((await call('POST', '/operator/interruptions', { ...outage, area: 'ул. Кольцовская' })).status).toBe(400);
    const published = await call('POST', '/operator/interruptions', outage);
    const { id, told } = (await published.json()) as { id: number; told: number };
    expect([published.status, told]).toEqual([201, 3]);
    // The supplier's system calls again after a timeout: the same interruption, told to nobody twice.
    const again = await call('POST', '/operator/interruptions', outage);
    expect([again.status, await again.json()]).toEqual([200, { id, told: 0 }]);
    const started =
      'Плановое отключение электроэнергии: г. Воронеж, улица Кольцовская, д. 20–30.\nС 05.12.2026, 09:00 до 05.12.2026, 17:00. Причина: замена кабеля.';
    expect(await heard()).toEqual([[`⚡ ${started}`], [`⚡ ${started}`], [`⚡ ${started}`], []]);

    const later = await call('PATCH', `/operator/interruptions/${id}`, { until: '2026-12-05T19:30:00+03:00' });
    expect([later.status, ((await later.json()) as { told: number }).told]).toEqual([200, 3]);
    expect((await call('PATCH', `/operator/interruptions/${id}`, { until: '2026-12-05T19:30:00+03:00' })).status).toBe(200);
    const moved = '⚡ Отключение электроэнергии (г. Воронеж, улица Кольцовская, д. 20–30): восстановление теперь ожидается к 05.12.2026, 19:30.';
    expect(await heard()).toEqual([[moved], [moved], [moved], []]);

    const listed = (await (await call('GET', '/operator/interruptions?active=true')).json()) as { interruptions: { id: number; until: string }[] };
    expect(listed.interruptions).toEqual([expect.objectContaining({ id, until: '2026-12-05T16:30:00.000Z', endedAt: null, version: 2 })]);

    expect((await call('PATCH', `/operator/interruptions/${id}`, { ended: true })).status).toBe(200);
    expect((await call('PATCH', `/operator/interruptions/${id}`, { ended: true })).status).toBe(200);
    expect((await call('PATCH', `/operator/interruptions/${id}`, { until: '2026-12-06T10:00:00+03:00' })).status).toBe(409);
    expect((await call('PATCH', '/operator/interruptions/999', { ended: true })).status).toBe(404);
    const ended = await heard();
    expect(ended.map((messages) => messages.length)).toEqual([1, 1, 1, 0]);
    expect(ended[0]?.[0]).toMatch(/^✅ Электроснабжение восстановлено \(г\. Воронеж, улица Кольцовская, д\. 20–30\), \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
    expect(((await (await call('GET', '/operator/interruptions?active=true')).json()) as { interruptions: unknown[] }).interruptions).toEqual([]);
  }, 120_000);

  it('tells two changes at once each, the end only to the chats told before, and a change a process died telling after a restart', async () => {
    const [first, second, late] = [911, 912, 913].map((id) => new TelegramCustomer(telegramApi, id)) as [TelegramCustomer, TelegramCustomer, TelegramCustomer];
    for (const customer of [first, second]) await play(customer, linkingScript);
    const area = 'г. Воронеж, ул. Кольцовская';
    const outage = { kind: 'emergency', area, from: '2026-12-05T09:00:00+03:00', until: '2026-12-05T12:00:00+03:00', reason: 'авария на подстанции' };
    const { id } = (await (await call('POST', '/operator/interruptions', outage)).json()) as { id: number };
    const changes = await Promise.all(
      ['2026-12-05T14:00:00+03:00', '2026-12-05T15:00:00+03:00'].map(
        async (until) => (await (await call('PATCH', `/operator/interruptions/${id}`, { until })).json()) as { version: number; until: string },
      ),
    );
    expect(changes.map((change) => change.version).sort()).toEqual([2, 3]);
    const last = changes.find((change) => change.version === 3);
    await app.pushes.kick();
    // Each chat hears the announcement first and the time in force last: a notice of the earlier change never follows the later one.
    const inForce = last?.until === '2026-12-05T12:00:00.000Z' ? '05.12.2026, 15:00' : '05.12.2026, 14:00';
    for (const customer of [first, second]) {
      const texts = (await customer.replies()).map((message) => message.text);
      expect(texts[0]).toMatch(/^⚡ Аварийное отключение/);
      expect(texts.at(-1)).toMatch(new RegExp(`восстановление теперь ожидается к ${inForce}\\.$`));
      expect(texts.length).toBeLessThanOrEqual(3);
    }
    expect((await (await call('GET', '/operator/interruptions')).json()) as unknown).toEqual({
      interruptions: [expect.objectContaining({ id, until: last?.until })],
    });

    // Linked after every notice of it: it never heard of this one, so it hears of no end either.
    await play(late, linkingScript);
    await call('PATCH', `/operator/interruptions/${id}`, { ended: true });
    await app.pushes.kick();
    expect([await first.replies(), await second.replies(), await late.replies()].map((heard) => heard.length)).toEqual([1, 1, 0]);

    // Saved, and the process died before telling anyone: the next start tells it.
    const draft = {
      kind: 'planned' as const,
      area,
      from: new Date('2026-12-07T09:00:00+03:00'),
      until: new Date('2026-12-07T13:00:00+03:00'),
      reason: 'ремонт',
    };
    await app.runtime.interruptions.publish(draft, new Date());
    const before = telegramApi.messagesTo(913).length;
    await app.stop();
    const again = await startTestApp({
      SQLITE_PATH: join(app.dir, 'energobot.sqlite'),
      TELEGRAM_BOT_TOKEN: telegramApi.token,
      TELEGRAM_API_ROOT: telegramApi.apiRoot,
    });
    try {
      const told = (await telegramApi.waitForMessages(913, before + 1)).slice(before);
      expect(told.map((call) => call.params['text'])).toEqual([expect.stringContaining('ремонт')]);
      expect((await first.replies()).length + (await second.replies()).length).toBe(2);
    } finally {
      await again.close();
      app = Object.assign(app, { close: async () => rmSync(app.dir, { recursive: true, force: true }) });
    }
  }, 120_000);
});
