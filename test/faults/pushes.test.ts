import { chatKey, type ChatAddress } from '../../core/domain/channel';
import { text } from '../../core/text';
import { ChatPush } from '../../db/entities';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, startTestApp, type TestApp } from '../support/test-app';

const pushText = 'Показания по лицевому счёту 100000000001 за 11.2026 учтены при расчёте ✅';

/** Pushes into chats whose platform is down, refuses, asks to wait, or has lost the chat. */
describe('faults: pushes into chats', () => {
  let api: FakeTelegramApi;
  let channel: BotFrameworkChannel;
  let app: TestApp;
  const telegram: ChatAddress = { channel: 'telegram', id: '9201' };
  const web: ChatAddress = { channel: 'webchat', id: 'web-9201' };

  beforeEach(async () => {
    api = await new FakeTelegramApi().start();
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    channel = await new BotFrameworkChannel(app.url).start();
    await play(new TelegramCustomer(api, 9201), linkingScript);
    await play(channel.customer('web-9201'), linkingScript);
  });
  afterEach(async () => {
    await channel.stop().catch(() => undefined);
    await app.close();
    await api.stop();
  });

  const push = (...chats: ChatAddress[]) => app.runtime.pushes.enqueue(chats.map((chat) => ({ chat, message: text('push-readings-accepted', { account: '100000000001', period: '11.2026' }) })));
  /** As if the retry delay had passed. */
  const dueNow = () => app.runtime.orm.em.fork().nativeUpdate(ChatPush, { sentAt: null, gaveUpAt: null }, { nextAttemptAt: new Date(0) });
  const deliveredTo = (chat: ChatAddress) =>
    chat.channel === 'telegram'
      ? api.messagesTo(Number(chat.id)).filter((call) => call.params['text'] === pushText).length
      : channel.received.filter((activity) => activity.text === pushText && activity.conversation.id === 'conversation-web-9201').length;
  const rows = () => app.runtime.orm.em.fork().find(ChatPush, {}, { orderBy: { id: 'asc' } });

  it('retries a push through a platform that is down, answers 500 or asks to wait, and delivers it exactly once when it is up', async () => {
    await push(telegram, web);
    api.failNext('sendMessage', { status: 500 }, 4);
    await channel.stop();
    await app.pushes.kick();
    const afterDown = [deliveredTo(telegram), deliveredTo(web)];

    await dueNow();
    api.failNext('sendMessage', { status: 429, retryAfter: 30 });
    await channel.start();
    channel.failNext(500);
    const refusedAt = Date.now();
    await app.pushes.kick();
    // The Bot Framework connector retries a 500 itself: the web chat has it now.
    const afterRefusals = [deliveredTo(telegram), deliveredTo(web)];
    const waited = (await rows()).find((row) => row.channel === 'telegram')!;

    await dueNow();
    await app.pushes.kick();
    await dueNow();
    await app.pushes.kick();
    const delivered = [deliveredTo(telegram), deliveredTo(web)];
    const pending = (await rows()).filter((row) => !row.sentAt).length;
    process.stdout.write(`pushes through failures: delivered ${JSON.stringify(afterDown)} → ${JSON.stringify(afterRefusals)} → ${JSON.stringify(delivered)}; lost ${pending}, duplicated ${delivered.filter((count) => count > 1).length}\n`);
    expect(afterDown).toEqual([0, 0]);
    expect(afterRefusals).toEqual([0, 1]);
    expect(waited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(refusedAt + 30_000);
    expect(delivered).toEqual([1, 1]);
    expect(pending).toBe(0);
  }, 60_000);

  it('gives up a chat that blocked the bot (Telegram 403) or whose conversation is gone (Bot Framework 404), with all that waits for it', async () => {
    await push(telegram, telegram, web, web);
    api.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    channel.failNext(404);
    const arrivedBefore = api.arrived.filter((method) => method === 'sendMessage').length;
    await app.pushes.kick();
    const calls = api.arrived.filter((method) => method === 'sendMessage').length - arrivedBefore;
    const all = await rows();
    process.stdout.write(`pushes to chats that are gone: ${calls} Telegram call(s) for 2 pushes; given up ${all.filter((row) => row.gaveUpAt).length} of ${all.length}\n`);
    expect(calls).toBe(1);
    expect(all.map((row) => [chatKey({ channel: row.channel as ChatAddress['channel'], id: row.chatId }), Boolean(row.gaveUpAt), row.lastError?.slice(0, 120)])).toEqual([
      ['telegram:9201', true, expect.stringContaining('403')],
      ['telegram:9201', true, expect.stringContaining('403')],
      ['webchat:web-9201', true, expect.any(String)],
      ['webchat:web-9201', true, expect.any(String)],
    ]);
  });

  it('never lets one unreachable platform delay another channel\'s pushes', async () => {
    await push(telegram, web);
    const hanging = api.holdNext('sendMessage');
    const kicked = app.pushes.kick();
    await hanging.arrived;
    await channel.waitFor((activity) => activity.text === pushText);
    const whileTelegramHangs = [deliveredTo(telegram), deliveredTo(web)];
    hanging.release();
    await kicked;
    process.stdout.write(`a web chat push while Telegram hangs: delivered ${JSON.stringify(whileTelegramHangs)} while it hung, ${JSON.stringify([deliveredTo(telegram), deliveredTo(web)])} after\n`);
    expect(whileTelegramHangs).toEqual([0, 1]);
    expect([deliveredTo(telegram), deliveredTo(web)]).toEqual([1, 1]);
  });
});
