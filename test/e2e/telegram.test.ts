import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bot, InputFile } from 'grammy';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, startTestApp, type TestApp } from '../support/test-app';

/** How a customer names a month when typing it. */
const monthNames = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

describe('Telegram, end to end against a fake Bot API server', () => {
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

  it('links a demo account by long polling, with inline keyboards, answered callbacks and the e-mail notice', async () => {
    const transcript = await play(new TelegramCustomer(api, 501), linkingScript);
    expect(transcript[0]?.[1]).toEqual({
      text: 'Что вы хотите сделать?',
      buttons: ['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…'],
    });
    expect(transcript[2]?.[0]?.text).toContain('В номере лицевого счёта 12 цифр, а в введённом — 11');
    expect(transcript[6]?.[0]?.text).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    expect(transcript[7]?.[0]?.text).toContain('Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    expect(api.calls.filter((call) => call.method === 'answerCallbackQuery')).toHaveLength(4);
    // The default command list is an unlinked chat's; once linked, this chat gets its own with /info.
    const defaults = api.calls.filter((call) => call.method === 'setMyCommands' && !call.params['scope']);
    expect(defaults.flatMap((call) => call.params['commands'] as { command: string }[]).map((command) => command.command)).not.toContain('info');
    const own = api.calls.filter((call) => call.method === 'setMyCommands' && call.params['scope'] !== undefined);
    expect(own.map((call) => [call.params['scope'], call.params['language_code'] ?? 'default'])).toEqual([
      [{ type: 'chat', chat_id: 501 }, 'ru'],
      [{ type: 'chat', chat_id: 501 }, 'en'],
      [{ type: 'chat', chat_id: 501 }, 'default'],
    ]);
    expect(own[0]?.params['commands']).toEqual(expect.arrayContaining([{ command: 'info', description: 'Информация по счёту' }]));
    // Unlinked again: its own list goes, and the default shows.
    const customer = new TelegramCustomer(api, 501);
    await customer.says('/unlink');
    await customer.presses('Да, отвязать');
    expect(api.calls.filter((call) => call.method === 'deleteMyCommands').map((call) => call.params['language_code'] ?? 'default')).toEqual([
      'ru',
      'en',
      'default',
    ]);

    expect(await app.mail.deliverDue()).toBe(1);
    const [eml] = readdirSync(join(app.dir, 'outbox'));
    const message = readFileSync(join(app.dir, 'outbox', eml as string), 'utf8');
    expect(message).toContain('To: demo1@example.ru');
    expect(message).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('registers its commands in both languages, removes a pressed keyboard, answers an old button with a notice and a photo with words', async () => {
    const commands = api.calls.filter((call) => call.method === 'setMyCommands');
    expect(commands.map((call) => call.params['language_code'] ?? 'default')).toEqual(['ru', 'default', 'en']);
    expect(commands[0]?.params['commands']).toEqual(expect.arrayContaining([{ command: 'readings', description: 'Передать показания' }]));
    expect(commands[2]?.params['commands']).toEqual(expect.arrayContaining([{ command: 'readings', description: 'Send meter readings' }]));

    const customer = new TelegramCustomer(api, 505);
    await customer.says('/link');
    await customer.says('100000000001');
    const no = customer.buttonData('Нет');
    expect((await customer.presses('Да'))[0]?.text).toContain('согласие на обработку');
    expect(api.calls.filter((call) => call.method === 'editMessageReplyMarkup').at(-1)?.params).toMatchObject({
      chat_id: 505,
      reply_markup: { inline_keyboard: [] },
    });
    expect(await customer.pressesData(no)).toEqual([]);
    expect(api.calls.filter((call) => call.method === 'answerCallbackQuery').at(-1)?.params).toMatchObject({ text: 'Этот вопрос уже закрыт.' });
    expect((await customer.sendsPhoto()).map((message) => message.text)).toEqual([
      'Выберите, пожалуйста, один из вариантов на кнопках.',
      expect.stringContaining('согласие на обработку'),
    ]);
    await customer.says('/menu');
    expect((await customer.sendsPhoto())[0]?.text).toBe(
      'Фотографии я принимаю в обращениях («Написать обращение») и к показаниям («Передать показания»): приложите её там. Выберите действие в меню или напишите, что нужно.',
    );
  });

  it('sends a receipt as a document with its summary and Pay, and the same receipt again by its file_id', async () => {
    const customer = new TelegramCustomer(api, 507);
    await play(customer, linkingScript.slice(0, -1));
    // The months offered are the latest billed ones: the test takes the newest the bot showed.
    const offered = (await customer.says('/receipts')).flatMap((message) => message.buttons).find((label) => /^\d\d\.\d{4}$/.test(label)) ?? '';
    const [month, year] = offered.split('.');
    const [receipt] = await customer.presses(offered);
    expect(receipt).toMatchObject({
      text: expect.stringMatching(new RegExp(`^Квитанция по счёту 100000000001 за ${month}\\.${year}: начислено`)) as unknown,
      file: `receipt-100000000001-${year}-${month}.pdf`,
    });
    const upload = api.messagesTo(507).at(-1);
    expect(upload).toMatchObject({ method: 'sendDocument', file: { name: `receipt-100000000001-${year}-${month}.pdf` } });
    expect(upload?.file?.content.subarray(0, 5).toString()).toBe('%PDF-');

    await customer.says('/receipts');
    await customer.says(`${monthNames[Number(month) - 1]} ${year}`);
    const again = api.messagesTo(507).at(-1);
    expect(again?.method).toBe('sendDocument');
    expect(again?.file).toBeUndefined();
    expect(again?.params['document']).toEqual(expect.stringMatching(/^document-\d+$/));
  });

  it("answers in the customer's Telegram language until one is chosen with /language", async () => {
    api.languageCodes.set(611, 'en');
    const customer = new TelegramCustomer(api, 611);
    expect((await customer.says('/menu')).at(-1)?.text).toBe('What would you like to do?');
    await customer.says('/language');
    await customer.presses('Русский');
    // Chosen: the chosen language holds, whatever Telegram's says.
    expect((await customer.says('/menu')).at(-1)?.text).toBe('Что вы хотите сделать?');
  });

  it('acts once on an update delivered twice', async () => {
    const customer = new TelegramCustomer(api, 502);
    const update = api.customerTypes(502, '/start');
    api.redeliver(update);
    expect(await customer.replies()).toHaveLength(2);
    api.redeliver(update);
    expect(await customer.replies()).toEqual([]);
  });

  it('waits out 429 retry_after and retries a 5xx, so no reply is lost', async () => {
    const customer = new TelegramCustomer(api, 503);
    api.failNext('sendMessage', { status: 429, retryAfter: 1 });
    api.failNext('sendMessage', { status: 502 });
    const started = Date.now();
    expect(await customer.says('/start')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('the fake takes documents as multipart uploads, as receipts will be sent', async () => {
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    await bot.api.sendDocument(504, new InputFile(Buffer.from('%PDF-1.4 receipt'), 'receipt-2026-10.pdf'), { caption: 'Квитанция' });
    expect(api.calls.at(-1)).toMatchObject({
      method: 'sendDocument',
      params: { chat_id: 504, caption: 'Квитанция' },
      file: { name: 'receipt-2026-10.pdf', bytes: 16 },
    });
  });
});

describe('Telegram by webhook', () => {
  it('sets the webhook with a secret token and takes only updates that carry it', async () => {
    const api = await new FakeTelegramApi().start();
    const secret = 'webhook-secret-0123456789';
    const app = await startTestApp({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    try {
      expect(api.calls.find((call) => call.method === 'setWebhook')?.params).toMatchObject({
        url: 'https://bot.example.ru/telegram/webhook',
        secret_token: secret,
      });
      const update = {
        update_id: 9,
        message: { message_id: 1, date: 0, chat: { id: 505, type: 'private' }, from: { id: 505, is_bot: false, first_name: 'К' }, text: '/start' },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`${app.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789' })).status).toBe(401);
      expect(api.messagesTo(505)).toEqual([]);
      expect((await post({ 'x-telegram-bot-api-secret-token': secret })).status).toBe(200);
      expect(api.messagesTo(505)).toHaveLength(2);
    } finally {
      await app.close();
      await api.stop();
    }
  });
});
