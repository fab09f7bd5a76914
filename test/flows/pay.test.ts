import { completePayment } from '../../core/features/pay/complete-payment';
import { ChatPush, LinkFailure, PaymentOrder } from '../../db/entities';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import { createWorld, talk, type Customer, type World } from '../support/conversation';

/** Demo account 3 owes 5 617,11 ₽; its latest three charges average 2 039,04 ₽. */
describe('paying through a link', () => {
  let world: World;
  let customer: Customer;
  beforeEach(async () => {
    world = await createWorld();
    customer = await world.linkedCustomer('100000000003', '500');
  });
  afterEach(() => world.close());

  const orders = () => world.orm.em.fork().find(PaymentOrder, {});

  it('proposes the debt with the current month estimate, and gives a payment link', async () => {
    expect((await customer.presses('Оплатить'))[0]).toBe(
      'К оплате по лицевому счёту 100000000003 рекомендуется 7 656,15 ₽:\n• задолженность: 5 617,11 ₽;\n• предварительный расчёт за текущий месяц: 2 039,04 ₽ — с ним долга не возникнет, когда месяц будет начислен.\nМожно оплатить только задолженность или ввести свою сумму.',
    );
    expect(customer.buttons()).toEqual(['Оплатить 7 656,15 ₽', 'Только задолженность: 5 617,11 ₽', 'Другая сумма']);
    expect(await customer.presses('Оплатить 7 656,15 ₽')).toEqual([
      'Оплата 7 656,15 ₽ по лицевому счёту 100000000003 — картой на странице оплаты.\nПлатёж поступит на счёт в течение суток; я сообщу здесь, когда оплата пройдёт.',
    ]);
    expect(customer.buttons()).toEqual(['Перейти к оплате 7 656,15 ₽']);
    expect(customer.last[0]!.buttons[0]).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3978\/pay\/[0-9a-f]{32}$/) as unknown });
    expect(await orders()).toEqual([
      expect.objectContaining({ amountKopecks: 765_615, includesEstimate: true, status: 'pending', channel: 'telegram', chatId: 'customer-1' }),
    ]);
  });

  it('pays the debt only when the estimate is switched off', async () => {
    await customer.presses('Оплатить');
    await customer.presses('Только задолженность: 5 617,11 ₽');
    expect(await orders()).toEqual([expect.objectContaining({ amountKopecks: 561_711, includesEstimate: false })]);
  });

  it.each([
    ['0', 'Сумма платежа должна быть больше нуля'],
    ['-100', 'Сумма платежа должна быть больше нуля'],
    ['100,555', 'не больше двух знаков после запятой'],
    ['50000000', 'слишком велика'],
    ['тысяча', 'Не получилось прочитать сумму'],
  ])('explains a bad amount %p and asks again, creating no order', async (typed, explanation) => {
    await customer.presses('Оплатить');
    await customer.presses('Другая сумма');
    const replies = await customer.says(typed);
    expect(replies[0]).toContain(explanation);
    expect(replies[1]).toBe('Введите сумму оплаты в рублях, например: 1 500,50.');
    expect(await orders()).toEqual([]);
    expect((await customer.says('1500.5 ₽'))[0]).toContain('Оплата 1 500,50 ₽');
  });

  it('takes an amount typed at the proposal, and explains one it cannot read or a sticker', async () => {
    const proposal: unknown = expect.stringContaining('рекомендуется 7 656,15 ₽');
    await talk(customer, [
      { press: 'Оплатить', expect: [proposal] },
      { say: 'пятьсот', expect: ['Не получилось прочитать сумму. Введите её цифрами, например: 1 543,20.', proposal] },
      {
        send: 'sticker',
        expect: ['Сумму нужно ввести цифрами, например: 1 543,20.', proposal],
        buttons: ['Оплатить 7 656,15 ₽', 'Только задолженность: 5 617,11 ₽', 'Другая сумма'],
      },
      { say: '1 200 ₽', expect: [expect.stringContaining('Оплата 1 200,00 ₽ по лицевому счёту 100000000003')], buttons: ['Перейти к оплате 1 200,00 ₽'] },
      { say: '/pay', expect: [proposal] },
      { say: '150000', expect: [expect.stringContaining('Оплатить 150 000,00 ₽? Это намного больше')] },
    ]);
    expect((await orders()).map((order) => [order.amountKopecks, order.includesEstimate])).toEqual([[120_000, false]]);
  });

  it('refuses 10 000 000 ₽, and asks to confirm an amount above 100 000 ₽', async () => {
    await talk(customer, [
      { press: 'Оплатить', expect: [expect.stringContaining('рекомендуется')] },
      { press: 'Другая сумма', expect: ['Введите сумму оплаты в рублях, например: 1 500,50.'] },
      {
        say: '10 000 000',
        expect: [
          'Такая сумма слишком велика для платежа за электроэнергию. Проверьте её, например: 1 543,20.',
          'Введите сумму оплаты в рублях, например: 1 500,50.',
        ],
      },
      {
        say: '150000',
        expect: ['Оплатить 150 000,00 ₽? Это намного больше обычного счёта за электроэнергию — проверьте сумму.'],
        buttons: ['Да, оплатить 150 000,00 ₽', 'Другая сумма'],
      },
      { press: 'Другая сумма', expect: ['Введите сумму оплаты в рублях, например: 1 500,50.'] },
      { say: '150000', expect: [expect.stringContaining('Оплатить 150 000,00 ₽?')] },
      { press: 'Да, оплатить 150 000,00 ₽', expect: [expect.stringContaining('Оплата 150 000,00 ₽ по лицевому счёту 100000000003')] },
    ]);
    expect((await orders()).map((order) => order.amountKopecks)).toEqual([15_000_000]);
  });

  it('says which payment is on its way, and does not ask for the same money again', async () => {
    await customer.presses('Оплатить');
    await customer.presses('Оплатить 7 656,15 ₽');
    const [order] = await orders();
    await new SqlPaymentOrders(world.orm, world.clock.now).complete(order!.id, 'succeeded');
    await talk(customer, [
      {
        say: '/pay',
        expect: [
          'Оплата 7 656,15 ₽ от 24.11.2026, 12:00 уже в пути: она поступит на счёт в течение суток, и к оплате она больше не предлагается.',
          'К оплате по лицевому счёту 100000000003 рекомендуется 0,00 ₽:\n• задолженность: 0,00 ₽;\n• предварительный расчёт за текущий месяц: 0,00 ₽ — с ним долга не возникнет, когда месяц будет начислен.\nМожно оплатить только задолженность или ввести свою сумму.',
        ],
        buttons: ['Другая сумма'],
      },
    ]);
  });
});

describe('an amount typed with the request', () => {
  let world: World;
  let customer: Customer;
  beforeEach(async () => {
    world = await createWorld();
    customer = await world.linkedCustomer('100000000003', '500');
  });
  afterEach(() => world.close());

  const orders = () => world.orm.em.fork().find(PaymentOrder, {});

  it('goes straight to it, and makes the link only once it is confirmed', async () => {
    await talk(customer, [
      { say: '/pay 500', expect: ['Оплатить 500,00 ₽ по лицевому счёту 100000000003?'], buttons: ['Да, оплатить 500,00 ₽', 'Другая сумма'] },
      {
        press: 'Да, оплатить 500,00 ₽',
        expect: [expect.stringContaining('Оплата 500,00 ₽ по лицевому счёту 100000000003 — картой')],
        buttons: ['Перейти к оплате 500,00 ₽'],
      },
    ]);
    expect(await orders()).toEqual([expect.objectContaining({ amountKopecks: 50_000, includesEstimate: false })]);
  });

  it('offers the recommended amount instead when another is wanted', async () => {
    await talk(customer, [
      { say: '/pay 1500,50', expect: ['Оплатить 1 500,50 ₽ по лицевому счёту 100000000003?'] },
      {
        press: 'Другая сумма',
        expect: [expect.stringContaining('К оплате по лицевому счёту 100000000003 рекомендуется 7 656,15 ₽')],
        buttons: ['Оплатить 7 656,15 ₽', 'Только задолженность: 5 617,11 ₽', 'Другая сумма'],
      },
    ]);
    expect(await orders()).toEqual([]);
  });

  it('asks to check a large one, as a typed amount', async () => {
    await talk(customer, [
      {
        say: '/pay 150000',
        expect: ['Оплатить 150 000,00 ₽? Это намного больше обычного счёта за электроэнергию — проверьте сумму.'],
        buttons: ['Да, оплатить 150 000,00 ₽', 'Другая сумма'],
      },
    ]);
    expect(await orders()).toEqual([]);
    await talk(customer, [{ press: 'Да, оплатить 150 000,00 ₽', expect: [expect.stringContaining('Оплата 150 000,00 ₽ по лицевому счёту 100000000003')] }]);
    expect((await orders()).map((order) => order.amountKopecks)).toEqual([15_000_000]);
  });

  it.each([
    ['0', 'Сумма платежа должна быть больше нуля. Например: 1 543,20.'],
    ['10 000 000', 'Такая сумма слишком велика для платежа за электроэнергию. Проверьте её, например: 1 543,20.'],
    ['тысяча', 'Не получилось прочитать сумму. Введите её цифрами, например: 1 543,20.'],
  ])('explains an amount %p it cannot take, then proposes the recommended one', async (typed, explanation) => {
    await talk(customer, [{ say: `/pay ${typed}`, expect: [explanation, expect.stringContaining('рекомендуется 7 656,15 ₽')] }]);
    expect(await orders()).toEqual([]);
  });
});

/** «Онлайн-оплата без авторизации»: demo account 3 is in Rostov-on-Don and owes 5 617,11 ₽. */
describe('paying without linking', () => {
  let world: World;
  let stranger: Customer;
  beforeEach(async () => {
    world = await createWorld();
    stranger = world.customer('stranger');
  });
  afterEach(() => world.close());

  const orders = () => world.orm.em.fork().find(PaymentOrder, {});
  const intro = 'Оплатить можно и без привязки чата: понадобится номер лицевого счёта.';
  const askNumber = 'Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.';
  const address = 'Адрес по этому счёту: г. Ростов-на-Дону, пр. Будённовский, д. 6*, кв. 1**\nЭто ваш адрес?';
  const consent =
    'Чтобы оплатить без привязки, примите условия соглашения об использовании диджитал-сервисов «Энергосбыт» и дайте согласие на обработку персональных данных.';
  const proposal =
    'К оплате по лицевому счёту 100000000003 рекомендуется 7 656,15 ₽:\n• задолженность: 5 617,11 ₽;\n• предварительный расчёт за текущий месяц: 2 039,04 ₽ — с ним долга не возникнет, когда месяц будет начислен.\nМожно оплатить только задолженность или ввести свою сумму.';
  const paused =
    'Слишком много неудачных попыток найти или подтвердить лицевой счёт. Оплатить без привязки можно будет после 25.11.2026, 12:00 (время московское); по привязанному счёту — в любой момент.';

  /** Up to the proposal: the number, the address and consent. */
  const toProposal = [
    { press: 'Оплатить', expect: [intro, askNumber], buttons: ['Отмена'] },
    { say: '1000 0000 0003', expect: [address], buttons: ['Да', 'Нет'] },
    { press: 'Да', expect: [consent], buttons: ['Принимаю и согласен', 'Не согласен'] },
    { press: 'Принимаю и согласен', expect: [proposal], buttons: ['Оплатить 7 656,15 ₽', 'Только задолженность: 5 617,11 ₽', 'Другая сумма'] },
  ];

  it('is offered in the menu of a chat with no account linked', async () => {
    await talk(stranger, [
      {
        say: '/start',
        expect: [expect.stringContaining('Здравствуйте!'), 'Что вы хотите сделать?'],
        buttons: ['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…'],
      },
    ]);
  });

  it('takes the number, the address and consent, shows the balance with the recommended amount, and gives the link; the result is told in this chat', async () => {
    await talk(stranger, [
      { say: '/start', expect: [expect.any(String), 'Что вы хотите сделать?'] },
      ...toProposal,
      {
        press: 'Оплатить 7 656,15 ₽',
        expect: [
          'Оплата 7 656,15 ₽ по лицевому счёту 100000000003 — картой на странице оплаты.\nПлатёж поступит на счёт в течение суток; я сообщу здесь, когда оплата пройдёт.',
        ],
        buttons: ['Перейти к оплате 7 656,15 ₽'],
      },
    ]);
    const [order] = await orders();
    expect(order).toMatchObject({
      account: { number: '100000000003' },
      amountKopecks: 765_615,
      includesEstimate: true,
      status: 'pending',
      channel: 'telegram',
      chatId: 'stranger',
    });

    const pushes = new SqlChatPushes(world.orm, world.clock.now);
    expect(await completePayment({ orders: new SqlPaymentOrders(world.orm, world.clock.now), pushes }, order!.id, 'succeeded')).toBe(true);
    expect(await world.orm.em.fork().find(ChatPush, {})).toEqual([
      expect.objectContaining({
        channel: 'telegram',
        chatId: 'stranger',
        messageKey: 'push-payment-succeeded',
        messageArgs: { amount: { money: 765_615 }, account: '100000000003' },
      }),
    ]);
    // The link was the task's effect: paying again starts anew, with the number.
    await talk(stranger, [{ say: 'оплатить', expect: [intro, askNumber] }]);
  });

  it('takes the debt only, or any amount', async () => {
    await talk(stranger, [
      { say: '/start', expect: [expect.any(String), expect.any(String)] },
      ...toProposal,
      { press: 'Только задолженность: 5 617,11 ₽', expect: [expect.stringContaining('Оплата 5 617,11 ₽ по лицевому счёту 100000000003')] },
      { say: '/pay', expect: [intro, askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Да', expect: [consent] },
      { press: 'Принимаю и согласен', expect: [proposal] },
      { press: 'Другая сумма', expect: ['Введите сумму оплаты в рублях, например: 1 500,50.'], buttons: ['Отмена'] },
      { say: '2 500 руб.', expect: [expect.stringContaining('Оплата 2 500,00 ₽ по лицевому счёту 100000000003')] },
    ]);
    expect((await orders()).map((order) => [order.amountKopecks, order.includesEstimate])).toEqual([
      [561_711, false],
      [250_000, false],
    ]);
  });

  it('shows no balance and makes no order without consent', async () => {
    await talk(stranger, [
      { say: '/pay', expect: [intro, askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Да', expect: [consent] },
      {
        press: 'Не согласен',
        expect: ['Без согласия оплату без привязки принять нельзя. Вы можете вернуться к этому в любой момент.', 'Что вы хотите сделать?'],
      },
    ]);
    expect(await orders()).toEqual([]);
  });

  it('explains a malformed number, counts an unknown one, and asks again after an address the customer does not recognise', async () => {
    await talk(stranger, [
      { say: '/pay', expect: [intro, askNumber] },
      { say: '12345', expect: ['В номере лицевого счёта 12 цифр, а в введённом — 5. Проверьте номер по квитанции, например: 1000 0000 0001.', askNumber] },
      { say: '999999999999', expect: ['Такого лицевого счёта не нашлось: проверьте номер по квитанции.\nОсталось 4 попытки.', askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Нет', expect: ['Проверьте номер лицевого счёта по квитанции и введите его ещё раз.', askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Да', expect: [consent] },
    ]);
    expect(await world.orm.em.fork().count(LinkFailure, {})).toBe(1);
    expect(await orders()).toEqual([]);
  });

  it('pauses after 5 unknown numbers, and they count against linking too', async () => {
    await stranger.says('/pay');
    for (const number of ['999999999991', '999999999992', '999999999993', '999999999994']) await stranger.says(number);
    await talk(stranger, [
      { say: '999999999995', expect: [paused, 'Что вы хотите сделать?'] },
      { press: 'Оплатить', expect: [intro, paused, 'Что вы хотите сделать?'] },
      {
        press: 'Привязать лицевой счёт',
        expect: ['Слишком много неудачных попыток. Привязка счёта приостановлена до 25.11.2026, 12:00 (время московское).', 'Что вы хотите сделать?'],
      },
    ]);
    expect(await orders()).toEqual([]);
    world.clock.advance(24 * 3600_000);
    await talk(stranger, [{ press: 'Оплатить', expect: [intro, askNumber] }]);
  });

  it('is paused by the wrong payment amounts of linking, under the same budget', async () => {
    await stranger.says('/link');
    await stranger.says('100000000003');
    await stranger.presses('Да');
    await stranger.presses('Принимаю и согласен');
    for (const amount of ['1', '2', '3', '4', '5']) await stranger.says(amount);
    await talk(stranger, [{ say: 'хочу оплатить', expect: [intro, paused, 'Что вы хотите сделать?'] }]);
  });

  it('goes straight to an amount typed with the request once the address is confirmed', async () => {
    await talk(stranger, [
      { say: '/pay 500', expect: [intro, askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Да', expect: [consent] },
      { press: 'Принимаю и согласен', expect: ['Оплатить 500,00 ₽ по лицевому счёту 100000000003?'], buttons: ['Да, оплатить 500,00 ₽', 'Другая сумма'] },
      {
        press: 'Да, оплатить 500,00 ₽',
        expect: [expect.stringContaining('Оплата 500,00 ₽ по лицевому счёту 100000000003')],
        buttons: ['Перейти к оплате 500,00 ₽'],
      },
    ]);
    expect(await orders()).toEqual([expect.objectContaining({ amountKopecks: 50_000, chatId: 'stranger' })]);
  });

  it('takes the account from a button, and still asks to confirm its address', async () => {
    await talk(stranger, [
      { pressData: 'go:pay:account:100000000003', expect: ['Оплата по лицевому счёту 100000000003 без привязки чата.', address], buttons: ['Да', 'Нет'] },
      { press: 'Нет', expect: ['Проверьте номер лицевого счёта по квитанции и введите его ещё раз.', askNumber] },
      { say: '100000000003', expect: [address] },
      { press: 'Да', expect: [consent] },
      { press: 'Принимаю и согласен', expect: [proposal] },
    ]);
    await talk(stranger, [{ pressData: 'go:pay:account:1234', expect: [intro, askNumber] }]);
    await talk(stranger, [
      {
        pressData: 'go:pay:account:999999999999',
        expect: [
          'Оплата по лицевому счёту 999999999999 без привязки чата.',
          'Такого лицевого счёта не нашлось: проверьте номер по квитанции.\nОсталось 4 попытки.',
          askNumber,
        ],
      },
    ]);
    expect(await orders()).toEqual([]);
  });

  it('pays a linked account a button names at once, and another one without linking', async () => {
    const customer = await world.linkedCustomer('100000000003', '500');
    await talk(customer, [
      { pressData: 'go:pay:account:100000000003', expect: [proposal] },
      {
        pressData: 'go:pay:account:100000000001',
        expect: ['Оплата по лицевому счёту 100000000001 без привязки чата.', expect.stringContaining('Адрес по этому счёту: г. Воронеж')],
      },
    ]);
  });

  it('answers a photo, a sticker and a too long text clearly, losing nothing and making no order', async () => {
    await talk(stranger, [
      { say: '/pay', expect: [intro, askNumber] },
      { send: 'photo', expect: ['Номер лицевого счёта нужно ввести цифрами, например: 1000 0000 0001.', askNumber] },
      {
        say: '1'.repeat(10_000),
        expect: ['Сообщение слишком длинное: я читаю сообщения до 4 096 символов. Напишите, пожалуйста, короче — то, о чём шла речь, я помню.'],
      },
      { say: '100000000003', expect: [address] },
      { send: 'sticker', expect: ['Выберите, пожалуйста, один из вариантов на кнопках.', address] },
      { press: 'Да', expect: [consent] },
      { send: 'photo', expect: ['Выберите, пожалуйста, один из вариантов на кнопках.', consent] },
      { press: 'Принимаю и согласен', expect: [proposal] },
      { press: 'Другая сумма', expect: ['Введите сумму оплаты в рублях, например: 1 500,50.'] },
      { send: 'sticker', expect: ['Сумму нужно ввести цифрами, например: 1 543,20.', 'Введите сумму оплаты в рублях, например: 1 500,50.'] },
      { say: '7'.repeat(10_000), expect: [expect.stringContaining('Сообщение слишком длинное')] },
      { say: '0', expect: ['Сумма платежа должна быть больше нуля. Например: 1 543,20.', 'Введите сумму оплаты в рублях, например: 1 500,50.'] },
    ]);
    expect(await orders()).toEqual([]);
    await talk(stranger, [{ say: '1500', expect: [expect.stringContaining('Оплата 1 500,00 ₽ по лицевому счёту 100000000003')] }]);
    expect(await orders()).toHaveLength(1);
  });
});

describe('paying without linking, in English', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('asks and answers in the chat language', async () => {
    const stranger = world.customer('stranger');
    await stranger.says('/language');
    await stranger.presses('English');
    await talk(stranger, [
      {
        say: '/pay 500',
        expect: [
          'You can pay without linking this chat: you will need the account number.',
          'Enter your account number: 12 digits, printed on your receipt. For example: 1000 0000 0001.',
        ],
      },
      { say: '999999999999', expect: ['No such account: please check the number on your receipt.\n4 attempts left.', expect.any(String)] },
      { say: '100000000003', expect: [expect.stringContaining('The address on this account:')] },
      {
        press: 'Yes',
        expect: ["To pay without linking, please accept Energosbyt's digital services agreement and consent to the processing of your personal data."],
        buttons: ['I accept and consent', 'I do not consent'],
      },
      { press: 'I accept and consent', expect: ['Pay ₽500.00 to account 100000000003?'], buttons: ['Yes, pay ₽500.00', 'Another amount'] },
    ]);
  });
});
