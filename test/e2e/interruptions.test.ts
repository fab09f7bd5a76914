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
});
