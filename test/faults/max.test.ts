import type { ChatAddress } from '../../core/kernel/channel';
import { text } from '../../core/kernel/text';
import { ChatPush } from '../../db/entities';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { dialogOf, FakeMaxApi } from '../support/fake-max-api';
import { MaxCustomer, seenOf } from '../support/max-customer';
import { startTestApp, type TestApp } from '../support/test-app';

const pushText = 'Показания по лицевому счёту 100000000001 за 11.2026 учтены при расчёте ✅';

/** MAX unreachable, busy, refusing, or left by the customer: what was lost must be 0. */
describe('faults: MAX', () => {
  let api: FakeMaxApi;
  let app: TestApp;

  beforeEach(async () => {
    api = await new FakeMaxApi().start();
  });
  afterEach(async () => {
    await app?.close();
    await api.stop();
  });

  const started = async (options: { readonly messengersReady?: boolean } = {}) => {
    app = await startTestApp({ MAX_BOT_TOKEN: api.token, MAX_API_ROOT: api.apiRoot }, options);
    return app;
  };
  const maxChat = (userId: number): ChatAddress => ({ channel: 'max', id: String(dialogOf(userId)) });
  const push = (...chats: ChatAddress[]) =>
    app.runtime.pushes.enqueue(chats.map((chat) => ({ chat, message: text('push-readings-accepted', { account: '100000000001', period: '11.2026' }) })));
  const delivered = (userId: number) => api.messagesTo(userId).filter((message) => seenOf(message).text === pushText).length;
  const rows = () => app.runtime.orm.em.fork().find(ChatPush, {}, { orderBy: { id: 'asc' } });
  /** As if the retry delay had passed. */
  const dueNow = () => app.runtime.orm.em.fork().nativeUpdate(ChatPush, { sentAt: null, gaveUpAt: null }, { nextAttemptAt: new Date(0) });

  it('MAX down at start: web chat serves meanwhile, and MAX is set up once it answers', async () => {
    api.down();
    await started({ messengersReady: false });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      expect((await channel.customer('web-9400').says('/start')).map((message) => message.text)).toContain('Что вы хотите сделать?');
    } finally {
      await channel.stop();
    }
    expect(app.logs.some((line) => line.includes('MAX is not reachable yet, will retry'))).toBe(true);
    api.up();
    await app.maxReady;
    expect((await new MaxCustomer(api, 9400).says('/start')).map((message) => message.text)).toContain('Что вы хотите сделать?');
  }, 60_000);

  it('MAX down while pushing, then busy: each push is retried and delivered exactly once', async () => {
    await started();
    await push(maxChat(9401), maxChat(9402));
    api.failNext('POST /messages', { status: 503 }, 6);
    await app.pushes.kick();
    const afterBusy = [delivered(9401), delivered(9402)];
    await dueNow();
    api.down();
    await app.pushes.kick();
    const afterDown = [delivered(9401), delivered(9402)];
    api.up();
    await dueNow();
    await app.pushes.kick();
    const after = [delivered(9401), delivered(9402)];
    const pending = (await rows()).filter((row) => !row.sentAt).length;
    process.stdout.write(`MAX pushes through 503s and an outage: ${JSON.stringify([afterBusy, afterDown, after])}; lost ${pending}\n`);
    expect(afterBusy).toEqual([0, 0]);
    expect(afterDown).toEqual([0, 0]);
    expect(after).toEqual([1, 1]);
    expect(pending).toBe(0);
  }, 60_000);

  it('gives up the pushes of a chat whose customer blocked the bot (403) or that is gone (404), with all that waits for it', async () => {
    await started();
    api.deny(9403);
    await push(maxChat(9403), maxChat(9403), maxChat(9404));
    await app.pushes.kick();
    // One refused send gives up the chat: the push behind it is not tried.
    const tried = api.arrived.filter((call) => call.route === 'POST /messages' && call.chatId === dialogOf(9403)).length;
    expect([tried, delivered(9404)]).toEqual([1, 1]);
    expect((await rows()).map((row) => [row.chatId, Boolean(row.gaveUpAt), Boolean(row.sentAt)])).toEqual([
      [String(dialogOf(9403)), true, false],
      [String(dialogOf(9403)), true, false],
      [String(dialogOf(9404)), false, true],
    ]);
    api.failNext('POST /messages', { status: 404, code: 'chat.not.found' });
    await push(maxChat(9406), maxChat(9406));
    await app.pushes.kick();
    expect((await rows()).filter((row) => row.chatId === String(dialogOf(9406))).map((row) => Boolean(row.gaveUpAt))).toEqual([true, true]);
    expect(delivered(9406)).toBe(0);
  });

  it("keeps MAX's limits in a broadcast: 60 chats and 6 pushes into one, none refused for the rate", async () => {
    await started();
    api.enforceRate();
    const chats = Array.from({ length: 60 }, (_, index) => 9500 + index);
    await push(...chats.map(maxChat), ...Array.from({ length: 5 }, () => maxChat(9500)));
    const began = performance.now();
    while ((await rows()).some((row) => !row.sentAt)) await app.pushes.kick();
    const seconds = (performance.now() - began) / 1000;
    const counts = chats.map(delivered);
    process.stdout.write(
      `MAX broadcast: 65 pushes in ${seconds.toFixed(1)} s, refused for the rate ${api.refusedForRate}, lost ${counts.filter((count) => count === 0).length}\n`,
    );
    expect(api.refusedForRate).toBe(0);
    expect(counts).toEqual([6, ...Array<number>(59).fill(1)]);
  }, 60_000);

  it('sets aside a reply MAX refuses for good (400), tells the customer once, and the chat goes on', async () => {
    await started();
    const customer = new MaxCustomer(api, 9405);
    api.failNext('POST /messages', { status: 400, code: 'proto.payload' }, 2);
    expect((await customer.says('/menu')).map((message) => message.text)).toEqual([
      'Ответ на это сообщение не удалось отправить, и ошибка передана специалистам. Сделанное сохранено: выберите действие в меню или напишите, что нужно.',
    ]);
    expect((await customer.says('/menu')).map((message) => message.text)).toEqual(['Что вы хотите сделать?']);
  });
});
