import { AppealDraft, DeadLetter } from '../../db/entities';
import { fileAsStranger } from '../support/appeal-scripts';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { TelegramCustomer } from '../support/telegram-customer';
import { play, startTestApp, type Step, type TestApp } from '../support/test-app';

const setAside =
  'Это сообщение я так и не смог обработать, и ошибка передана специалистам. Мы остались там же, где были до него: попробуйте сказать иначе или выберите действие в меню.';

describeWithPostgres('characters no store takes, on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: FakeTelegramApi;
  let app: TestApp;
  let channel: BotFrameworkChannel;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = await new FakeTelegramApi().start();
    app = await startTestApp({ DATABASE_URL: database.url, PAYMENTS_PROVIDER: 'sandbox', TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
    await api.stop();
    await database.drop();
  });

  /** The stranger's appeal with a NUL in the locality, a lone surrogate in the address and both in the message. */
  const poisoned: Step[] = fileAsStranger.map((step) => {
    if (!('say' in step)) return step;
    if (step.say === 'г. Липецк') return { say: 'г. Ли\u0000пецк' };
    if (step.say === 'ул. Ленина, 5') return { say: 'ул. Ленина,\ud800 5' };
    if (step.say.startsWith('Как подключить')) return { say: 'Как подключить\u0000 дачный дом\udfff к сети?' };
    return step;
  });

  it.each([
    ['Telegram', () => new TelegramCustomer(api, 1501)],
    ['Bot Framework', () => channel.customer('web-1501')],
  ])('%s: an appeal typed with NUL and halves of surrogate pairs is filed without them, nothing failed', async (_, customer) => {
    const before = app.logs.filter((line) => line.includes('"level":"error"')).length;
    const transcript = await play(customer(), poisoned);
    const draft =
      transcript
        .at(-2)
        ?.map((message) => message.text)
        .join('\n') ?? '';
    expect(draft).toContain('г. Липецк');
    expect(draft).toContain('ул. Ленина, 5');
    expect(draft).toContain('Как подключить дачный дом к сети?');
    expect(transcript.at(-1)?.[0]?.text).toMatch(/^Обращение отправлено, его номер А-\d{4}-\d+\./);
    expect(app.logs.filter((line) => line.includes('"level":"error"')).length).toBe(before);
  });
});

describe('an update that fails every time, in Telegram long polling', () => {
  let api: FakeTelegramApi;
  let app: TestApp;
  beforeEach(async () => {
    api = await new FakeTelegramApi().start();
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
  });
  afterEach(async () => {
    await app.close();
    await api.stop();
  });

  it('is set aside after one retry, its customer told once, and the chats behind it answered; its chat goes on', async () => {
    // A fault of this one chat's data only, as the NUL in a draft was: every insert of its draft fails.
    await app.runtime.orm.em
      .fork()
      .getConnection()
      .execute("create trigger poison before insert on appeal_draft when new.chat_id = '1401' begin select raise(abort, 'poisoned draft'); end");
    const poisonedChat = new TelegramCustomer(api, 1401);
    await play(poisonedChat, fileAsStranger.slice(0, 2));
    const sentBefore = api.messagesTo(1401).length;

    api.customerTypes(1401, 'г. Липецк');
    api.customerTypes(1402, '/start');
    api.customerTypes(1403, '/help');
    const [others] = await Promise.all([Promise.all([api.waitForMessages(1402, 1), api.waitForMessages(1403, 1)]), api.waitForMessages(1401, sentBefore + 1)]);
    const toldPoisoned = api
      .messagesTo(1401)
      .slice(sentBefore)
      .map((call) => call.params['text']);
    const deadLetters = await app.runtime.orm.em.fork().find(DeadLetter, {});
    const attempts = app.logs.filter((line) => line.includes('"message":"flow failed"')).length;
    process.stdout.write(
      `a poison update: ${attempts} attempt(s) failed, set aside ${deadLetters.length}; other chats answered ${others.filter((sent) => sent.length > 0).length} of 2; the customer told ${toldPoisoned.length} time(s); lost 0\n`,
    );
    expect(toldPoisoned).toEqual([setAside]);
    expect(others.map((sent) => sent.length > 0)).toEqual([true, true]);
    expect(deadLetters).toEqual([
      expect.objectContaining({ chat: 'telegram:1401', inputKind: 'text', failures: 2, failure: expect.stringMatching(/Exception/) as unknown }),
    ]);
    // The first attempt failed and was retried; the retry failed and set the update aside.
    expect(attempts).toBe(1);
    expect(app.logs.filter((line) => line.includes('"message":"update set aside after repeated failures; its chat goes on"'))).toHaveLength(1);
    expect(await app.runtime.orm.em.fork().count(AppealDraft, {})).toBe(0);
    // The poisoned chat is where it was before that update: the question is still open, and the next message is handled.
    expect((await poisonedChat.says('/menu')).at(-1)).toMatchObject({
      text: 'Что вы хотите сделать?',
      buttons: expect.arrayContaining(['↩ Продолжить: Написать обращение']) as unknown,
    });
    // What the customer typed is not in the logs, nor in the dead letter.
    expect(app.logs.join('\n')).not.toContain('Липецк');
    expect(JSON.stringify(deadLetters)).not.toContain('Липецк');
  });
});
