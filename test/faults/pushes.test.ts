import { chatKey, type ChatAddress } from '../../core/kernel/channel';
import { text } from '../../core/kernel/text';
import { ChatPush } from '../../db/entities';
import { keepOperatorFiles } from '../../core/features/appeals/appeal-files';
import { BotFrameworkChannel, type CapturedActivity } from '../support/bot-framework-channel';
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

  const push = (...chats: ChatAddress[]) =>
    app.runtime.pushes.enqueue(chats.map((chat) => ({ chat, message: text('push-readings-accepted', { account: '100000000001', period: '11.2026' }) })));
  /** As if the retry delay had passed. */
  const dueNow = () => app.runtime.orm.em.fork().nativeUpdate(ChatPush, { sentAt: null, gaveUpAt: null }, { nextAttemptAt: new Date(0) });
  const deliveredTo = (chat: ChatAddress) =>
    chat.channel === 'telegram'
      ? api.messagesTo(Number(chat.id)).filter((call) => call.params['text'] === pushText).length
      : channel.received.filter((activity) => activity.text === pushText && activity.conversation.id === 'conversation-web-9201').length;
  const rows = () => app.runtime.orm.em.fork().find(ChatPush, {}, { orderBy: { id: 'asc' } });
  /** The numbers of the numbered pushes a chat has received, in the order they arrived. */
  const pushOrder = (chat: ChatAddress) =>
    (chat.channel === 'telegram'
      ? api.messagesTo(Number(chat.id)).map((call) => String(call.params['text']))
      : channel.received.filter((activity) => activity.conversation.id === 'conversation-web-9201').map((activity) => activity.text ?? '')
    )
      .flatMap((said) => /за №(\d)/.exec(said)?.[1] ?? [])
      .map(Number);

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
    process.stdout.write(
      `pushes through failures: delivered ${JSON.stringify(afterDown)} → ${JSON.stringify(afterRefusals)} → ${JSON.stringify(delivered)}; lost ${pending}, duplicated ${delivered.filter((count) => count > 1).length}\n`,
    );
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
    process.stdout.write(
      `pushes to chats that are gone: ${calls} Telegram call(s) for 2 pushes; given up ${all.filter((row) => row.gaveUpAt).length} of ${all.length}\n`,
    );
    expect(calls).toBe(1);
    expect(
      all.map((row) => [chatKey({ channel: row.channel as ChatAddress['channel'], id: row.chatId }), Boolean(row.gaveUpAt), row.lastError?.slice(0, 120)]),
    ).toEqual([
      ['telegram:9201', true, expect.stringContaining('403')],
      ['telegram:9201', true, expect.stringContaining('403')],
      ['webchat:web-9201', true, expect.any(String)],
      ['webchat:web-9201', true, expect.any(String)],
    ]);
  });

  it("never lets one unreachable platform delay another channel's pushes", async () => {
    await push(telegram, web);
    const hanging = api.holdNext('sendMessage');
    const kicked = app.pushes.kick();
    await hanging.arrived;
    await channel.waitFor((activity) => activity.text === pushText);
    const whileTelegramHangs = [deliveredTo(telegram), deliveredTo(web)];
    hanging.release();
    await kicked;
    process.stdout.write(
      `a web chat push while Telegram hangs: delivered ${JSON.stringify(whileTelegramHangs)} while it hung, ${JSON.stringify([deliveredTo(telegram), deliveredTo(web)])} after\n`,
    );
    expect(whileTelegramHangs).toEqual([0, 1]);
    expect([deliveredTo(telegram), deliveredTo(web)]).toEqual([1, 1]);
  });

  it("keeps a chat's pushes in order after one of them failed: the later ones wait behind it, on both channels", async () => {
    const numbered = (chat: ChatAddress) =>
      app.runtime.pushes.enqueue(
        Array.from({ length: 8 }, (_, index) => ({ chat, message: text('push-readings-accepted', { account: '100000000001', period: `№${index}` }) })),
      );
    await numbered(telegram);
    await numbered(web);
    // The first push fails on each platform (Telegram's 5xx through grammY's own retries).
    api.failNext('sendMessage', { status: 500 }, 4);
    channel.failNext(500, 4);
    await app.pushes.kick();
    const afterFailure = [pushOrder(telegram), pushOrder(web)];
    await dueNow();
    await app.pushes.kick();
    const delivered = [pushOrder(telegram), pushOrder(web)];
    process.stdout.write(`pushes in order: after the first failed ${JSON.stringify(afterFailure)}, then ${JSON.stringify(delivered)}\n`);
    expect(afterFailure).toEqual([[], []]);
    expect(delivered).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ]);
  });

  it('sends each message of a push once: a text delivered before its file failed is not sent again with the retry', async () => {
    const kept = await keepOperatorFiles(app.runtime.attachments, [{ name: 'График.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    if (!kept.ok) throw new Error('the test file was refused');
    for (const chat of [telegram, web])
      await app.runtime.pushes.enqueue([{ chat, message: text('push-readings-accepted', { account: '100000000001', period: 'с файлом' }), files: kept.value }]);
    api.failNext('sendDocument', { status: 500 }, 4);
    // The file's activity is refused more often than the connector retries on its own: the push fails after its text went.
    let refusals = 0;
    channel.failWhen((activity: CapturedActivity) => Boolean(activity.attachments?.some((file) => file.name === 'График.pdf')) && (refusals += 1) <= 4);
    await app.pushes.kick();
    await dueNow();
    await app.pushes.kick();
    const texts = [
      api.messagesTo(9201).filter((call) => String(call.params['text']).includes('с файлом')).length,
      channel.received.filter((activity) => activity.text?.includes('с файлом')).length,
    ];
    const files = [
      api.messagesTo(9201).filter((call) => call.method === 'sendDocument').length,
      channel.received.filter((activity) => activity.attachments?.some((file) => file.name === 'График.pdf')).length,
    ];
    const attempts = (await rows()).map((row) => row.attempts);
    process.stdout.write(
      `a push of a text and a file whose file failed: attempts ${JSON.stringify(attempts)}, texts sent ${JSON.stringify(texts)}, files ${JSON.stringify(files)}\n`,
    );
    expect(attempts).toEqual([1, 1]);
    expect(texts).toEqual([1, 1]);
    expect(files).toEqual([1, 1]);
    expect((await rows()).filter((row) => !row.sentAt)).toEqual([]);
  });
});
