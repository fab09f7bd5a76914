import { Bot } from '@maxhub/max-bot-api';
import { MeterReading } from '../../db/entities';
import { appealNumberIn, fileAsStranger } from '../support/appeal-scripts';
import { operatorToken } from '../support/both-channels';
import { customerFiles } from '../support/customer-files';
import { dialogOf, FakeMaxApi, type SentMaxMessage } from '../support/fake-max-api';
import { MaxCustomer, seenOf } from '../support/max-customer';
import { historyScript, linkingScript, play, startTestApp, type Step, type TestApp } from '../support/test-app';

const webhookSecret = 'max-webhook-secret-0123456789';

describe('MAX, end to end against a fake MAX Bot API server, by long polling', () => {
  let api: FakeMaxApi;
  let app: TestApp;

  beforeEach(async () => {
    api = await new FakeMaxApi().start();
    app = await startTestApp({ MAX_BOT_TOKEN: api.token, MAX_API_ROOT: api.apiRoot, OPERATOR_TOKEN: operatorToken });
  });
  afterEach(async () => {
    await app.close();
    await api.stop();
  });

  it('links a demo account with inline keyboards and answered presses; its commands registered once, in Russian', async () => {
    const transcript = await play(new MaxCustomer(api, 501), linkingScript);
    expect(transcript[0]?.[1]).toEqual({
      text: 'Что вы хотите сделать?',
      buttons: ['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…'],
    });
    expect(transcript[2]?.[0]?.text).toContain('В номере лицевого счёта 12 цифр, а в введённом — 11');
    expect(transcript[6]?.[0]?.text).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    expect(transcript[7]?.[0]?.text).toContain('Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    // Sent as MAX's HTML, into the dialog (not the user), each press answered once.
    expect(api.messagesTo(501).every((message) => message.format === 'html' && message.chatId === dialogOf(501))).toBe(true);
    expect(api.answers).toHaveLength(4);
    expect(api.commands).toHaveLength(1);
    expect(api.commands[0]).toEqual(expect.arrayContaining([{ name: 'readings', description: 'Передать показания' }]));
    expect(api.commands[0]?.map((command) => command.name)).not.toContain('info');
    expect(api.subscriptions).toEqual([]);
  });

  it('answers an old button with a notice, a sticker and 10 000 characters with words, a group with the way to the private chat', async () => {
    const customer = new MaxCustomer(api, 505);
    await customer.says('/link');
    await customer.says('100000000001');
    const no = customer.buttonData('Нет');
    expect((await customer.presses('Да'))[0]?.text).toContain('согласие на обработку');
    expect(await customer.pressesData(no)).toEqual([]);
    expect(api.answers.at(-1)).toMatchObject({ notification: 'Этот вопрос уже закрыт.' });
    expect((await customer.sendsSticker()).map((message) => message.text)).toEqual([
      'Выберите, пожалуйста, один из вариантов на кнопках.',
      expect.stringContaining('согласие на обработку'),
    ]);
    await customer.says('/menu');
    const long = await customer.says('а'.repeat(10_000));
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((message) => message.text.length <= 4000)).toBe(true);
    expect(long[0]?.text).not.toContain('ааааааааааааааааааааааааааааааааааааааааа');

    api.customerInGroupTypes(-7001, 505, '/start');
    await customer.replies();
    const inGroup = api.calls.flatMap((call) => (call.sent?.chatId === -7001 ? [call.sent] : []));
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]?.text).toContain('личн');
    expect(inGroup[0]?.buttons.flat()).toEqual([expect.objectContaining({ type: 'link', url: 'https://max.ru/energobot_test_bot' })]);
    // A channel's posts are the supplier's own: nothing is said under them.
    api.postInChannel(-7002, 'Плановое отключение 5 декабря');
    await customer.replies();
    expect(api.calls.filter((call) => call.sent?.chatId === -7002)).toEqual([]);
  });

  it('lets a group where the bot may not write hold no customer behind it', async () => {
    api.failNext('POST /messages', { status: 403, code: 'chat.denied' }, 30);
    api.customerInGroupTypes(-7003, 506, '/start');
    await new MaxCustomer(api, 506).replies();
    expect(api.arrived.filter((call) => call.chatId === -7003)).toHaveLength(1);
    expect(app.logs.filter((line) => line.includes('MAX update not handled'))).toEqual([]);
  });

  it('takes a meter photo with the readings from its attachment URL, once', async () => {
    const customer = new MaxCustomer(api, 2701);
    await customer.says('/readings');
    await customer.says('100000000001');
    await customer.presses('Да');
    const asked = (await customer.presses('Принимаю и согласен'))[0]?.text ?? '';
    const value = String(Number(/Последнее принятое показание: (\d+)/.exec(asked)?.[1]) + 80);
    expect((await customer.sendsFile({ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], asPhoto: true })).map((message) => message.text)).toEqual([
      'Фото сохранено, оно будет приложено к показаниям. Введите показание счётчика CE102-0100001 цифрами, например 12345.',
    ]);
    expect((await customer.says(value))[0]?.text).toContain('Фото счётчика: 1');
    expect((await customer.presses('Передать'))[0]?.text).toMatch(/^Показания приняты/);
    expect(api.downloads).toHaveLength(1);
    const kept = await app.runtime.orm.em.fork().find(MeterReading, { accepted: false });
    expect(kept.map((reading) => [reading.channel, reading.value])).toEqual([['max', Number(value)]]);
  });

  it('sends a receipt PDF, the chart as a picture and the CSV as a file, each uploaded under its own name', async () => {
    const customer = new MaxCustomer(api, 507);
    await play(customer, linkingScript.slice(0, -1));
    const offered = (await customer.says('/receipts')).flatMap((message) => message.buttons).find((label) => /^\d\d\.\d{4}$/.test(label)) ?? '';
    const [month, year] = offered.split('.');
    const [receipt] = await customer.presses(offered);
    expect(receipt).toMatchObject({
      text: expect.stringMatching(new RegExp(`^Квитанция по счёту 100000000001 за ${month}\\.${year}: начислено`)) as unknown,
      buttons: expect.arrayContaining(['Оплатить']) as unknown,
      file: `receipt-100000000001-${year}-${month}.pdf`,
    });
    const pdf = api.messagesTo(507).at(-1)?.file;
    expect([pdf?.as, pdf?.field, pdf?.content.subarray(0, 5).toString()]).toEqual(['file', 'data', '%PDF-']);

    await customer.says('/menu');
    const history = await play(customer, historyScript);
    expect(history[1]?.[0]?.file).toMatch(/^consumption-\d{4}-\d\d-\d{4}-\d\d\.png$/);
    expect(history[2]?.[0]?.file).toMatch(/^readings-\d{4}-\d\d-\d{4}-\d\d\.csv$/);
    const [chart, csv] = api.messagesTo(507).filter((message) => message.file && message.file.name !== pdf?.name);
    expect([chart?.file?.as, chart?.file?.content.subarray(1, 4).toString(), csv?.file?.as, csv?.file?.type]).toEqual(['image', 'PNG', 'file', 'text/csv']);
  });

  it('pays without linking through a link button, and pushes the result into the dialog', async () => {
    const customer = new MaxCustomer(api, 603);
    const script: Step[] = [
      { say: '/start' },
      { press: 'Оплатить' },
      { say: '100000000003' },
      { press: 'Да' },
      { press: 'Принимаю и согласен' },
      { press: 'Другая сумма' },
      { say: '1500' },
    ];
    expect((await play(customer, script)).at(-1)?.[0]?.buttons).toEqual(['Перейти к оплате 1 500,00 ₽']);
    const before = api.messagesTo(603).length;
    await fetch(customer.linkOf('Перейти к оплате 1 500,00 ₽'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'card=4242424242424242',
    });
    await app.pushes.kick();
    expect(seenOf((await api.waitForMessages(603, before + 1)).at(-1) as SentMaxMessage).text).toBe(
      'Оплата 1 500,00 ₽ по лицевому счёту 100000000003 прошла. Платёж поступит на счёт в течение суток.',
    );
  });

  it("files an appeal with a photo; the operator's answer with a PDF comes back as a MAX file; MAX's «Ответить» reaches the thread", async () => {
    const customer = new MaxCustomer(api, 1301);
    await play(customer, fileAsStranger.slice(0, -2));
    expect((await customer.sendsFile({ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], asPhoto: true }))[0]?.text).toMatch(/^Прикреплено файлов: 1 из 5/);
    await customer.presses('Готово');
    const number = appealNumberIn((await customer.presses('Отправить обращение'))[0]?.text ?? '');
    const appeal = (await (
      await fetch(`${app.url}/operator/appeals/${encodeURIComponent(number)}`, { headers: { authorization: `Bearer ${operatorToken}` } })
    ).json()) as { channel: string; attachments: { mime: string }[] };
    expect([appeal.channel, appeal.attachments.map((file) => file.mime)]).toEqual(['max', ['image/jpeg']]);

    const form = new FormData();
    form.set('text', 'Заявку подайте в личном кабинете сетевой организации.');
    form.set('key', 'crm-max-1');
    form.append('files', new Blob([new Uint8Array(customerFiles['scan.pdf'])]), 'Заявка.pdf');
    const answered = await fetch(`${app.url}/operator/appeals/${encodeURIComponent(number)}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}` },
      body: form,
    });
    expect(answered.status).toBe(201);
    await app.pushes.kick();
    const [pushed, document] = await customer.replies();
    expect(pushed).toEqual({ text: `Ответ на обращение ${number}:\nЗаявку подайте в личном кабинете сетевой организации.`, buttons: [] });
    expect(document).toEqual({ text: '📎 Заявка.pdf', buttons: ['Ответить', 'Открыть обращение'], file: 'Заявка.pdf' });
    expect((await customer.repliesTo(pushed?.text ?? '', 'Спасибо! А сколько это стоит?'))[0]?.text).toMatch(/^Прикрепите фотографии или документы/);
    expect((await customer.presses('Без вложений'))[0]?.text).toBe(`Добавлено к обращению ${number}. Специалист увидит это в переписке.`);
  });

  it('opens a household invite from its max.ru deep link: the start payload arrives with bot_started', async () => {
    const owner = new MaxCustomer(api, 701);
    await play(owner, linkingScript.slice(0, -1));
    await owner.says('/chats');
    const invited = (await owner.presses('Пригласить члена семьи')).map((message) => message.text).join('\n');
    const payload = /https:\/\/max\.ru\/energobot_test_bot\?start=(inv_[\w-]+)/.exec(invited)?.[1];
    expect(payload).toBeDefined();
    const relative = new MaxCustomer(api, 702);
    expect((await relative.starts(payload))[0]?.text).toMatch(/^Вас пригласили к лицевому счёту 100000000001/);
    expect((await relative.presses('Принимаю и согласен'))[0]?.text).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
  });

  it("answers in the customer's MAX language (user_locale) until one is chosen with /language", async () => {
    const customer = new MaxCustomer(api, 611);
    api.customerTypes(611, '/menu', 'en');
    expect((await customer.replies()).at(-1)?.text).toBe('What would you like to do?');
    api.customerTypes(611, '/language', 'en');
    await customer.replies();
    await customer.presses('Русский');
    api.customerTypes(611, '/menu', 'en');
    expect((await customer.replies()).at(-1)?.text).toBe('Что вы хотите сделать?');
  });

  it('acts once on an update delivered twice, and loses no reply to a 429 or a 503', async () => {
    const customer = new MaxCustomer(api, 502);
    const update = api.customerTypes(502, '/menu');
    api.redeliver(update);
    expect(await customer.replies()).toHaveLength(1);
    api.redeliver(update);
    expect(await customer.replies()).toEqual([]);

    const help = await customer.says('/help');
    api.failNext('POST /messages', { status: 429 });
    api.failNext('POST /messages', { status: 503 });
    expect(await customer.says('/help')).toEqual(help);
  });

  it('the fake keeps MAX’s documented contract for the official library: its token, uploads and limits', async () => {
    const bot = new Bot(api.token, { clientOptions: { baseUrl: `${api.apiRoot}/` } });
    await expect(new Bot('wrong-token-0123456789', { clientOptions: { baseUrl: `${api.apiRoot}/` } }).api.getMyInfo()).rejects.toMatchObject({
      status: 401,
    });
    expect((await bot.api.getMyInfo()).username).toBe('energobot_test_bot');
    const file = await bot.api.uploadFile({ source: Buffer.from('%PDF-1.4 receipt') });
    await bot.api.sendMessageToChat(dialogOf(504), 'Квитанция', { attachments: [file.toJson()] });
    expect(api.messagesTo(504)).toMatchObject([{ text: 'Квитанция', file: { as: 'file', bytes: 16 } }]);
    await expect(bot.api.sendMessageToChat(dialogOf(504), 'я'.repeat(4001))).rejects.toMatchObject({ status: 400 });
  });
});

describe('MAX by webhook', () => {
  let api: FakeMaxApi;
  let app: TestApp;

  beforeEach(async () => {
    api = await new FakeMaxApi().start();
    app = await startTestApp({
      MAX_BOT_TOKEN: api.token,
      MAX_API_ROOT: api.apiRoot,
      MAX_WEBHOOK_URL: 'https://bot.example.ru/max/webhook',
      MAX_WEBHOOK_SECRET: webhookSecret,
    });
    api.deliverWebhooksTo(`${app.url}/max/webhook`);
  });
  afterEach(async () => {
    await app.close();
    await api.stop();
  });

  it('subscribes with its secret, takes only calls that carry it, and is answered 200 only once an update was handled', async () => {
    expect(api.subscriptions).toEqual([
      { url: 'https://bot.example.ru/max/webhook', secret: webhookSecret, update_types: ['message_created', 'message_callback', 'bot_started'] },
    ]);
    const update = {
      update_type: 'message_created',
      timestamp: 1,
      message: { recipient: { chat_id: dialogOf(505), chat_type: 'dialog' }, timestamp: 1, body: { mid: 'mid.x', text: '/menu' } },
    };
    const post = (headers: Record<string, string>, body: unknown = update) =>
      fetch(`${app.url}/max/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-max-bot-api-secret': 'wrong-secret-0123456789' })).status).toBe(401);
    expect((await post({ 'x-max-bot-api-secret': webhookSecret }, { hello: 'world' })).status).toBe(400);
    expect(api.messagesTo(505)).toEqual([]);

    // MAX refuses the reply three times in a row: the update is answered 503, the customer told
    // once that it is kept, and the update delivered again is answered.
    const customer = new MaxCustomer(api, 506);
    api.failNext('POST /messages', { status: 503 }, 3);
    const replies = await customer.says('/menu');
    expect(replies.map((message) => message.text)).toEqual([
      'Сейчас не получается обработать сообщение. Оно сохранено: я отвечу, как только смогу, — или попробуйте ещё раз через несколько минут.',
      'Что вы хотите сделать?',
    ]);
    expect(app.logs.some((line) => line.includes('MAX webhook update not handled'))).toBe(true);
    const transcript = await play(customer, linkingScript.slice(1));
    expect(transcript.at(-1)?.[0]?.text).toContain('Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
  });
});
