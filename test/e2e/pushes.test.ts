import { billingPeriod } from '../../core/domain/meter';
import { ChatPush } from '../../db/entities';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, readingsScript, startTestApp, type TestApp } from '../support/test-app';

const operatorToken = 'operator-token-0123456789abcdef';

describe('messages the bot starts: readings accepted for billing', () => {
  let api: FakeTelegramApi;
  let app: TestApp;
  let channel: BotFrameworkChannel;

  beforeEach(async () => {
    api = await new FakeTelegramApi().start();
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, OPERATOR_TOKEN: operatorToken });
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterEach(async () => {
    await channel.stop();
    await app.close();
    await api.stop();
  });

  const accept = (body: unknown, token = operatorToken) =>
    fetch(`${app.url}/operator/readings/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const period = () => billingPeriod(new Date(), 'Europe/Moscow');

  it('tells every chat linked to the account, each on its own channel and in its own language', async () => {
    await play(new TelegramCustomer(api, 701), [...linkingScript, ...readingsScript]);
    const web = channel.customer('web-701');
    await play(web, [
      { say: '/language' },
      { press: 'English' },
      { say: '/link' },
      { say: '100000000001' },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '1543.20' },
    ]);
    const before = channel.received.length;

    const response = await accept({ account: '100000000001', period: period() });
    expect(await response.json()).toEqual({ accepted: 1, notified: 2 });
    await app.pushes.kick();

    const [month, year] = [period().slice(5), period().slice(0, 4)];
    const telegram = await api.waitForMessages(701, api.messagesTo(701).length);
    expect(telegram.at(-1)?.params['text']).toBe(`Показания по лицевому счёту 100000000001 за ${month}.${year} учтены при расчёте ✅`);
    const proactive = channel.received.slice(before);
    expect(proactive).toEqual([expect.objectContaining({ text: `Readings of account 100000000001 for ${month}.${year} have been used for billing ✅` })]);
    expect(proactive[0]?.path.startsWith('/v3/conversations/conversation-web-701/activities')).toBe(true);
    expect(await app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })).toBe(0);
  });

  it('speaks to a web chat that never chose a language in the language of its page', async () => {
    await play(channel.customer('web-704', 'en-US'), [
      { say: '/link' },
      { say: '100000000001' },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '1543.20' },
      { say: '/readings' },
      { say: '34400' },
      { press: 'Send' },
      { press: 'No, thanks' },
    ]);
    const before = channel.received.length;
    await accept({ account: '100000000001', period: period() });
    await app.pushes.kick();
    expect(channel.received.slice(before).map((activity) => activity.text)).toEqual([expect.stringMatching(/^Readings of account 100000000001 for \d\d\.\d{4} have been used for billing/)]);
  });

  it("keeps a push Telegram refused, retries it no sooner than its retry_after, and delivers it then", async () => {
    await play(new TelegramCustomer(api, 702), [...linkingScript, ...readingsScript]);
    const sent = api.messagesTo(702).length;
    api.failNext('sendMessage', { status: 429, retryAfter: 600 });
    await accept({ account: '100000000001', period: period() });
    await app.pushes.kick();
    const [waiting] = await app.runtime.orm.em.fork().find(ChatPush, { chatId: '702' });
    expect(waiting).toMatchObject({ attempts: 1, sentAt: null });
    expect(waiting?.lastError).toContain('retry after 600');
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 590_000);

    await app.runtime.orm.em.fork().nativeUpdate(ChatPush, { id: waiting!.id }, { nextAttemptAt: new Date(0) });
    await app.pushes.kick();
    expect(api.messagesTo(702)).toHaveLength(sent + 1);
    expect(await app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })).toBe(0);
  });

  it('takes only calls with the operator token and a proper body', async () => {
    expect((await accept({ account: '100000000001', period: period() }, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await accept({ account: '1000', period: 'ноябрь' })).status).toBe(400);
    expect(await (await accept({ account: '100000000002', period: period() })).json()).toEqual({ accepted: 0, notified: 0 });
  });
});
