import { billingPeriod } from '../../core/features/readings/meter';
import { ChatPush } from '../../db/entities';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { demoMeter } from '../support/demo-meter';
import { linkingScript, play, readingsScript } from '../support/test-app';

describe('messages the bot starts: readings accepted for billing', () => {
  const both = bothChannels();

  const accept = (body: unknown, token?: string) => both.operator('/operator/readings/accept', body, token);
  const period = () => billingPeriod(new Date(), 'Europe/Moscow');

  it('tells every chat linked to the account, each on its own channel and in its own language', async () => {
    await play(new TelegramCustomer(both.api, 701), [...linkingScript, ...readingsScript(await demoMeter(both.app.runtime.orm))]);
    const web = both.channel.customer('web-701');
    await play(web, [
      { say: '/language' },
      { press: 'English' },
      { say: '/link' },
      { say: '100000000001' },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '1543.20' },
    ]);
    const before = both.channel.received.length;

    const response = await accept({ account: '100000000001', period: period() });
    expect(await response.json()).toEqual({ accepted: 1, notified: 2 });
    await both.app.pushes.kick();

    const [month, year] = [period().slice(5), period().slice(0, 4)];
    const telegram = await both.api.waitForMessages(701, both.api.messagesTo(701).length);
    expect(telegram.at(-1)?.params['text']).toBe(`Показания по лицевому счёту 100000000001 за ${month}.${year} учтены при расчёте ✅`);
    const proactive = both.channel.received.slice(before);
    expect(proactive).toEqual([expect.objectContaining({ text: `Readings of account 100000000001 for ${month}.${year} have been used for billing ✅` })]);
    expect(proactive[0]?.path.startsWith('/v3/conversations/conversation-web-701/activities')).toBe(true);
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })).toBe(0);
  });

  it('answers bad or stale input from billing with what it did, and tells no chat anything', async () => {
    await play(new TelegramCustomer(both.api, 705), [...linkingScript, ...readingsScript(await demoMeter(both.app.runtime.orm))]);
    const sent = both.api.messagesTo(705).length;
    const answers = [];
    for (const body of [
      { account: '100000000001', period: '2019-03' },
      { account: '100000000001', period: '2026-13' },
      { account: '1000', period: period() },
      { period: period() },
      'not json',
    ]) {
      const response = await accept(body);
      answers.push([response.status, await response.json()]);
    }
    await both.app.pushes.kick();
    expect(answers).toEqual([
      [200, { accepted: 0, notified: 0 }],
      [400, expect.any(Object)],
      [400, expect.any(Object)],
      [400, expect.any(Object)],
      [400, expect.any(Object)],
    ]);
    expect(both.api.messagesTo(705)).toHaveLength(sent);
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, {})).toBe(0);
  });

  it('speaks to a web chat that never chose a language in the language of its page', async () => {
    await play(both.channel.customer('web-704', 'en-US'), [
      { say: '/link' },
      { say: '100000000001' },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '1543.20' },
      { say: '/readings' },
      { say: String((await demoMeter(both.app.runtime.orm)).next) },
      { press: 'Send' },
      { press: 'No, thanks' },
    ]);
    const before = both.channel.received.length;
    await accept({ account: '100000000001', period: period() });
    await both.app.pushes.kick();
    expect(both.channel.received.slice(before).map((activity) => activity.text)).toEqual([
      expect.stringMatching(/^Readings of account 100000000001 for \d\d\.\d{4} have been used for billing/),
    ]);
  });

  it('keeps a push Telegram refused, retries it no sooner than its retry_after, and delivers it then', async () => {
    await play(new TelegramCustomer(both.api, 702), [...linkingScript, ...readingsScript(await demoMeter(both.app.runtime.orm))]);
    const sent = both.api.messagesTo(702).length;
    both.api.failNext('sendMessage', { status: 429, retryAfter: 600 });
    const refusedAt = Date.now();
    await accept({ account: '100000000001', period: period() });
    await both.app.pushes.kick();
    const [waiting] = await both.app.runtime.orm.em.fork().find(ChatPush, { chatId: '702' });
    expect(waiting).toMatchObject({ attempts: 1, sentAt: null });
    expect(waiting?.lastError).toContain('retry after 600');
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(refusedAt + 600_000);

    await both.app.runtime.orm.em.fork().nativeUpdate(ChatPush, { id: waiting!.id }, { nextAttemptAt: new Date(0) });
    await both.app.pushes.kick();
    expect(both.api.messagesTo(702)).toHaveLength(sent + 1);
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })).toBe(0);
  });

  it('takes only calls with the operator token and a proper body', async () => {
    expect((await accept({ account: '100000000001', period: period() }, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await accept({ account: '1000', period: 'ноябрь' })).status).toBe(400);
    expect(await (await accept({ account: '100000000002', period: period() })).json()).toEqual({ accepted: 0, notified: 0 });
  });
});
