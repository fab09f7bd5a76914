import { QueuedMail, AccountLink, LinkFailure } from '../../db/entities';
import { createWorld, talk, type World } from '../support/conversation';

describe('linking a chat to an account', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  async function startLinking(customer = world.customer()) {
    await customer.says('/start');
    expect(await customer.presses('Привязать лицевой счёт')).toEqual([
      'Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.',
    ]);
    return customer;
  }

  async function reachAmount(customer = world.customer(), number = '1000 0000 0001') {
    await startLinking(customer);
    await customer.says(number);
    await customer.presses('Да');
    await customer.presses('Принимаю и согласен');
    return customer;
  }

  it('greets in two lines with the menu, offering only what works', async () => {
    const customer = world.customer();
    const replies = await customer.says('/start');
    expect(replies[0]?.split('\n')).toHaveLength(2);
    expect(replies[0]).toContain('energobot');
    expect(customer.buttons()).toEqual(['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…']);
  });

  it('links with number, masked address, consent and a payment amount, then shows the account', async () => {
    await talk(world.customer(), [
      { say: '/start', expect: [expect.stringContaining('Здравствуйте!'), 'Что вы хотите сделать?'] },
      {
        press: 'Привязать лицевой счёт',
        expect: ['Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.'],
        buttons: ['Отмена'],
      },
      { say: '1000-0000-0001', expect: ['Адрес по этому счёту: г. Воронеж, ул. Кольцовская, д. 2*, кв. 1*\nЭто ваш адрес?'], buttons: ['Да', 'Нет'] },
      {
        press: 'Да',
        expect: [
          'Чтобы привязать счёт, примите условия соглашения об использовании диджитал-сервисов «Энергосбыт» и дайте согласие на обработку персональных данных.\nСогласие сохраняется с датой и временем.',
        ],
        buttons: ['Принимаю и согласен', 'Не согласен'],
      },
      { press: 'Принимаю и согласен', expect: [expect.stringContaining('Введите сумму любого платежа')] },
      {
        say: '1 543,20',
        expect: [
          'Готово! Лицевой счёт 100000000001 привязан к этому чату.',
          [
            'Лицевой счёт 100000000001 (демонстрационный)',
            'Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17',
            'Телефон: +7 900 000-00-01',
            'Прописано: 2 чел.',
            'Коэффициент сезонности: 1,00',
            'Социальная норма: не установлена в регионе',
            'Баланс: переплата 241,76 ₽',
            'Долг за прошлые периоды: 0,00 ₽',
          ].join('\n'),
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
        buttons: ['Информация по счёту', 'Оплатить', 'Передать показания', 'Квитанции', 'История показаний', 'Ещё…'],
      },
    ]);

    const [link] = await world.orm.em.fork().find(AccountLink, {});
    expect(link?.consentAt).toEqual(world.clock.at);
    const mail = await world.orm.em.fork().find(QueuedMail, {});
    expect(mail).toHaveLength(1);
    expect(mail[0]?.recipient).toBe('demo1@example.ru');
    expect(mail[0]?.subject).toBe('Лицевой счёт 100000000001 привязан к чату');
    expect(mail[0]?.body).toContain('в Telegram');
  });

  it.each([['1543.20'], ['1 543,20'], ['1543,2 ₽'], ['1543.2 руб.']])('reads the amount %p as 1 543,20 ₽', async (typed) => {
    const customer = await reachAmount();
    expect((await customer.says(typed))[0]).toContain('привязан к этому чату');
  });

  it.each([
    ['12345', 'В номере лицевого счёта 12 цифр, а в введённом — 5'],
    ['1000 0000 00011', 'В номере лицевого счёта 12 цифр, а в введённом — 13'],
    ['лицевой счёт', 'Номер лицевого счёта состоит только из цифр'],
    ['   ', 'Номер лицевого счёта не введён'],
  ])('explains a malformed account number %p and asks again', async (typed, explanation) => {
    const customer = await startLinking();
    const replies = await customer.says(typed);
    expect(replies[0]).toContain(explanation);
    expect(replies[0]).toContain('1000 0000 0001');
    expect(replies[1]).toContain('Введите номер лицевого счёта');
    expect(await customer.says('100000000001')).toEqual([expect.stringContaining('Адрес по этому счёту')]);
  });

  it.each([
    ['сто рублей', 'Не получилось прочитать сумму'],
    ['0', 'Сумма платежа должна быть больше нуля'],
    ['-15', 'Сумма платежа должна быть больше нуля'],
    ['1543.205', 'не больше двух знаков после запятой'],
    ['99999999999', 'слишком велика'],
    ['', 'Сумма не введена'],
  ])('explains a malformed amount %p, asks again and keeps the account and consent', async (typed, explanation) => {
    const customer = await reachAmount();
    const replies = await customer.says(typed);
    expect(replies[0]).toContain(explanation);
    expect(replies[1]).toContain('Введите сумму любого платежа');
    expect(await world.orm.em.fork().count(LinkFailure, {})).toBe(0);
    expect((await customer.says('1543.20'))[0]).toContain('Лицевой счёт 100000000001 привязан');
  });

  it('asks for the number again when the customer does not recognise the address', async () => {
    const customer = await startLinking();
    await customer.says('100000000002');
    expect(await customer.presses('Нет')).toEqual([
      'Проверьте номер лицевого счёта по квитанции и введите его ещё раз.',
      expect.stringContaining('Введите номер лицевого счёта'),
    ]);
  });

  it('answers an unknown account and a wrong amount alike, counting attempts', async () => {
    const customer = await startLinking();
    const unknown = await customer.says('999999999999');
    const wrong = await (await reachAmount(world.customer('customer-2'))).says('1000');
    expect(unknown[0]).toBe('Не удалось подтвердить данные: проверьте номер лицевого счёта и сумму платежа.\nОсталось 4 попытки.');
    expect(wrong[0]).toBe(unknown[0]);
    expect(wrong[1]).toContain('Введите сумму любого платежа');
  });

  it('does not accept a payment made less than a day ago or more than a year ago', async () => {
    world.clock.at = new Date('2026-10-16T08:00:00Z');
    const customer = await reachAmount();
    expect((await customer.says('1543.20'))[0]).toContain('Не удалось подтвердить данные');
    world.clock.at = new Date('2027-10-16T09:00:00Z');
    expect((await customer.says('1543.20'))[0]).toContain('Не удалось подтвердить данные');
    world.clock.at = new Date('2026-10-16T09:00:01Z');
    expect((await customer.says('1543.20'))[0]).toContain('привязан к этому чату');
  });

  it('pauses linking for the chat after 5 failures in 24 hours and says until when', async () => {
    const customer = await reachAmount();
    for (const amount of ['1', '2', '3', '4']) await customer.says(amount);
    const fifth = await customer.says('5');
    expect(fifth[0]).toBe('Слишком много неудачных попыток. Привязка счёта приостановлена до 25.11.2026, 12:00 (время московское).');
    expect(customer.buttons()).toContain('Привязать лицевой счёт');

    world.clock.advance(60_000);
    expect((await customer.presses('Привязать лицевой счёт'))[0]).toContain('приостановлена до 25.11.2026, 12:00');

    world.clock.advance(24 * 3600_000);
    expect(await customer.presses('Привязать лицевой счёт')).toEqual([expect.stringContaining('Введите номер лицевого счёта')]);
  });

  it('slows linking of an account down for every chat after 5 wrong amounts from several chats, and tells a chat that did not fail so, without blaming it', async () => {
    for (const chat of ['a', 'b', 'c', 'd', 'e']) await (await reachAmount(world.customer(chat))).says('1');
    const another = await startLinking(world.customer('f'));
    expect((await another.says('100000000001'))[0]).toBe(
      'Проверка ненадолго приостановлена: с этим счётом или с вашего адреса в интернете недавно было много неудачных попыток — возможно, не ваших. Попробуйте после 24.11.2026, 12:00 (время московское).',
    );
    expect((await another.presses('Привязать лицевой счёт'))[0]).toContain('Введите номер');
    expect((await another.says('100000000002'))[0]).toContain('Адрес по этому счёту');
  });

  it('does not link without consent', async () => {
    const customer = await startLinking();
    await customer.says('100000000001');
    await customer.presses('Да');
    expect((await customer.presses('Не согласен'))[0]).toContain('Без согласия привязать счёт нельзя');
    expect(await world.orm.em.fork().count(AccountLink, {})).toBe(0);
  });

  it('knows a chat already linked to the account', async () => {
    const customer = await reachAmount();
    await customer.says('1543.20');
    await customer.presses('Ещё…');
    await customer.presses('Ещё…');
    await customer.presses('Мои лицевые счета');
    await customer.presses('Добавить лицевой счёт');
    expect((await customer.says('100000000001'))[0]).toBe('Лицевой счёт 100000000001 уже привязан к этому чату.');
  });

  it('offers the menu back on /cancel mid-flow, and the flow starts afresh', async () => {
    const customer = await reachAmount();
    expect((await customer.says('/cancel'))[0]).toBe('Действие отменено.');
    expect((await customer.says('1543.20'))[0]).toBe('Я не понял сообщение. Может быть, вы имели в виду одно из этого?');
    expect(customer.buttons()).toEqual(['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Меню']);
  });

  it('asks to use the buttons when a choice is typed wrongly, and takes a typed label', async () => {
    const customer = await startLinking();
    await customer.says('100000000001');
    expect(await customer.says('может быть')).toEqual(['Выберите, пожалуйста, один из вариантов на кнопках.', expect.stringContaining('Адрес по этому счёту')]);
    expect((await customer.says('да'))[0]).toContain('согласие на обработку');
  });
});
