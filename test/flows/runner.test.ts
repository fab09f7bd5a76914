import type { ChatAddress } from '../../core/kernel/channel';
import { recordedServices } from '../../core/runner/recorded-services';
import type { Waiting } from '../../core/runner/flow-session';
import type { Services } from '../../core/kernel/services';
import { AccountLink, Appeal, MeterReading, PaymentOrder, QueuedMail } from '../../db/entities';
import { phrasings } from '../support/phrasings';
import { createWorld, talk, type World } from '../support/conversation';

const askNumber = 'Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.';
const askConsent =
  'Чтобы привязать счёт, примите условия соглашения об использовании диджитал-сервисов «Энергосбыт» и дайте согласие на обработку персональных данных.\nСогласие сохраняется с датой и временем.';
const menuNotLinked = 'Что вы хотите сделать?';
const sent = async () => undefined;

describe('the flow runner', () => {
  let world: World;
  afterEach(() => world.close());

  /** A customer who has typed `said` into /link, and the saved flow with a change made to it, as a deploy would find it. */
  async function savedLink(said: readonly string[], change: (flow: Waiting) => Waiting) {
    world = await createWorld();
    const customer = world.customer();
    for (const text of ['/link', ...said]) await customer.says(text);
    const key = 'energobot:session:telegram:customer-1';
    const session = world.sessions.read(key)!;
    world.sessions.write(key, { ...session, flow: change(session.flow!) });
    return customer;
  }

  it('acts once on an update delivered twice', async () => {
    world = await createWorld();
    const chat = { channel: 'telegram' as const, id: '42' };
    const first = await world.runner.handle({ chat, updateId: '7', input: { kind: 'text', text: '/start' } }, sent);
    const again = await world.runner.handle({ chat, updateId: '7', input: { kind: 'text', text: '/start' } }, sent);
    expect(first.messages).toHaveLength(2);
    expect(again).toEqual({ messages: [] });
  });

  it('handles one update of a chat at a time, in order', async () => {
    world = await createWorld();
    const chat = { channel: 'webchat' as const, id: 'u' };
    const replies = await Promise.all(
      ['/link', '100000000001'].map((text, index) => world.runner.handle({ chat, updateId: `p${index}`, input: { kind: 'text', text } }, sent)),
    );
    expect(replies[1]?.messages[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('Адрес по этому счёту') as unknown });
  });

  it('carries a flow saved by an older version of it over to the new one, with what the customer typed: nothing is asked twice', async () => {
    const customer = await savedLink(['100000000001'], (flow) => ({ ...flow, version: 0 }));
    await talk(customer, [{ press: 'Да', expect: [askConsent] }]);
    expect(world.errors).toEqual([]);
  });

  it('asks again from the first question a deploy changed, keeping the answers before it', async () => {
    // As if the new version asked its second question in other words.
    const customer = await savedLink(['100000000001'], (flow) => ({ ...flow, version: 0, questions: [flow.questions[0]!, 'a question of the old version'] }));
    await talk(customer, [
      {
        press: 'Да',
        expect: ['Бот обновился. Всё, что вы ввели, сохранено: продолжим с вопроса, который изменился.', expect.stringContaining('Адрес по этому счёту')],
      },
    ]);
    await talk(customer, [{ press: 'Да', expect: [askConsent] }]);
  });

  it('starts afresh, saying so, a flow saved before the bot kept its questions', async () => {
    // A session of the bot before this one reads with no questions.
    const customer = await savedLink([], (flow) => ({ ...flow, version: 0, questions: [] }));
    await talk(customer, [
      { say: '100000000001', expect: ['Бот обновился, и начатое действие пришлось начать заново. Введённое раньше, к сожалению, не сохранилось.', askNumber] },
      { say: '100000000001', expect: [expect.stringContaining('Адрес по этому счёту')] },
    ]);
  });

  it('carries over, instead of failing on every message, a saved state the flow no longer replays', async () => {
    // As if the flow had been edited without a version bump: its record no longer fits the code.
    const customer = await savedLink(['100000000001'], (flow) => ({
      ...flow,
      state: JSON.parse(JSON.stringify(flow.state).replaceAll('accounts.card#0', 'accounts.info#0')) as Waiting['state'],
    }));
    await talk(customer, [{ press: 'Да', expect: [askConsent] }]);
    expect(world.errors).toEqual([]);
  });

  it('fails an update a service could not handle, tells the customer once that it is kept, and handles its redelivery', async () => {
    let failing = false;
    world = await createWorld({
      services: (real: Services) => ({
        ...real,
        accounts: {
          ...real.accounts,
          card: (number) => (failing ? Promise.reject(new Error('database down')) : real.accounts.card(number)),
          info: (number) => real.accounts.info(number),
          hasPayment: (...args) => real.accounts.hasPayment(...args),
        },
      }),
    });
    const customer = world.customer();
    await customer.says('/link');
    failing = true;
    await expect(customer.says('100000000001')).rejects.toThrow('database down');
    await expect(customer.redelivers()).rejects.toThrow('database down');
    const notices = customer.sent.slice(-1).map((reply) => reply.messages.map((message) => 'text' in message && message.text));
    expect(notices).toEqual([
      ['Сейчас не получается обработать сообщение. Оно сохранено: я отвечу, как только смогу, — или попробуйте ещё раз через несколько минут.'],
    ]);
    expect(customer.sent).toHaveLength(2);
    expect(world.errors).toHaveLength(2);
    failing = false;
    expect(await customer.redelivers()).toEqual([expect.stringContaining('Адрес по этому счёту')]);
  });

  it('makes each change of an update once across its redeliveries (reads after the last change again), and sends its reply at least once', async () => {
    const calls: string[] = [];
    let mailDown = false;
    world = await createWorld({
      services: (real: Services) => ({
        ...real,
        identities: {
          ...real.identities,
          link: (...args) => (calls.push('link'), real.identities.link(...args)),
          linkedAccounts: real.identities.linkedAccounts.bind(real.identities),
          locale: real.identities.locale.bind(real.identities),
          setLocale: real.identities.setLocale.bind(real.identities),
          unlink: real.identities.unlink.bind(real.identities),
          chatsLinkedTo: real.identities.chatsLinkedTo.bind(real.identities),
        },
        mail: { enqueue: (mail) => (calls.push('mail'), mailDown ? Promise.reject(new Error('mail queue down')) : real.mail.enqueue(mail)) },
        accounts: {
          ...real.accounts,
          card: real.accounts.card.bind(real.accounts),
          hasPayment: (...args) => (calls.push('hasPayment'), real.accounts.hasPayment(...args)),
          info: (number) => (calls.push('info'), real.accounts.info(number)),
        },
      }),
    });
    const customer = world.customer();
    for (const step of ['/link', '100000000001']) await customer.says(step);
    await customer.presses('Да');
    await customer.presses('Принимаю и согласен');
    mailDown = true;
    // The link is made, then the notice e-mail fails: the update fails as a whole.
    await expect(customer.says('1543.20')).rejects.toThrow('mail queue down');
    mailDown = false;
    customer.refusing = true;
    // Redelivered: the link is not made again; the e-mail goes; the platform refuses the reply.
    await expect(customer.redelivers()).rejects.toThrow('the platform refused the reply');
    customer.refusing = false;
    // Redelivered again: nothing runs again, the same reply goes out.
    expect((await customer.redelivers())[0]).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    // The read before the link was kept with it; the account's information, read after the last change, is read again.
    expect(calls).toEqual(['hasPayment', 'link', 'mail', 'mail', 'info', 'info']);
    expect(await world.orm.em.fork().count(QueuedMail, {})).toBe(1);
    expect(await customer.redelivers()).toEqual([]);
  });

  it('calls each port once however often a flow is replayed', async () => {
    const calls: string[] = [];
    world = await createWorld({
      services: (real: Services) => ({
        ...real,
        clock: () => {
          calls.push('clock');
          return real.clock();
        },
        accounts: {
          ...real.accounts,
          card: (number) => (calls.push('card'), real.accounts.card(number)),
          info: real.accounts.info.bind(real.accounts),
          hasPayment: (...args) => (calls.push('hasPayment'), real.accounts.hasPayment(...args)),
        },
      }),
    });
    await world.linkedCustomer('100000000001', '1543.20');
    // Seven messages replay the flow from its start each time; every call still ran once.
    expect(calls.filter((call) => call === 'card')).toHaveLength(1);
    expect(calls.filter((call) => call === 'hasPayment')).toHaveLength(1);
    expect(await world.orm.em.fork().count(AccountLink, {})).toBe(1);
  });

  it('reads a thing once a turn until the turn changes something', async () => {
    let reads = 0;
    world = await createWorld({
      services: (real: Services) => ({
        ...real,
        identities: Object.assign(Object.create(real.identities) as Services['identities'], {
          linkedAccounts: (chat: ChatAddress) => ((reads += 1), real.identities.linkedAccounts(chat)),
        }),
      }),
    });
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    reads = 0;
    // The information names the active account, and so does the menu under it: one read.
    await customer.pressesData('go:info');
    expect(reads).toBe(1);

    const turn = recordedServices(world.services, (_key, work) => work());
    const chat: ChatAddress = { channel: 'telegram', id: 'customer-1' };
    reads = 0;
    const [first, second] = [await turn.identities.linkedAccounts(chat), await turn.identities.linkedAccounts(chat)];
    expect([first, second, reads]).toEqual([['100000000001'], ['100000000001'], 1]);
    await turn.identities.linkedAccounts({ channel: 'webchat', id: 'someone-else' });
    expect(reads).toBe(2);
    await turn.identities.setLocale(chat, 'en');
    await turn.identities.linkedAccounts(chat);
    expect(reads).toBe(3);
  });

  it('keeps a flow left for another task, offers it back, and continues it with everything typed', async () => {
    world = await createWorld();
    const customer = world.customer();
    await talk(customer, [
      { say: '/readings', expect: ['Передать показания можно и без привязки чата: понадобится номер лицевого счёта.', askNumber] },
      { say: '100000000001', expect: [expect.stringContaining('Адрес по этому счёту')] },
      {
        say: '/help',
        expect: [expect.stringContaining('Я умею:'), menuNotLinked],
        buttons: [
          '↩ Продолжить: Передать показания',
          'Привязать лицевой счёт',
          'Оплатить',
          'Передать показания',
          'Написать обращение',
          'Язык / Language',
          'Ещё…',
        ],
      },
      {
        press: '↩ Продолжить: Передать показания',
        expect: ['Продолжим с того места, где вы остановились.', expect.stringContaining('Адрес по этому счёту')],
        buttons: ['Да', 'Нет'],
      },
      { press: 'Да', expect: [expect.stringContaining('согласие на обработку персональных данных')] },
      { say: 'меню', expect: [menuNotLinked] },
      {
        press: 'Передать показания',
        expect: ['Продолжим с того места, где вы остановились.', expect.stringContaining('согласие на обработку персональных данных')],
      },
    ]);
  });

  it('discards a flow on /cancel, and offers nothing back', async () => {
    world = await createWorld();
    const customer = world.customer();
    await talk(customer, [
      { say: '/link', expect: [askNumber] },
      {
        say: '/menu',
        expect: [menuNotLinked],
        buttons: [
          '↩ Продолжить: Привязать лицевой счёт',
          'Привязать лицевой счёт',
          'Оплатить',
          'Передать показания',
          'Написать обращение',
          'Язык / Language',
          'Ещё…',
        ],
      },
      {
        say: '/cancel',
        expect: ['Действие отменено.', menuNotLinked],
        buttons: ['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…'],
      },
      { press: 'Привязать лицевой счёт', expect: [askNumber] },
    ]);
  });

  it("answers a press of an old question's button with a notice, not a message, and changes nothing", async () => {
    world = await createWorld();
    const customer = world.customer();
    await customer.says('/link');
    await customer.says('100000000001');
    const old = customer.last[0]!.buttons.find((button) => button.label === 'Нет') as { data: string };
    await talk(customer, [
      { press: 'Да', expect: [expect.stringContaining('согласие на обработку')] },
      { pressData: old.data, expect: [] },
    ]);
    expect(customer.reply.notice).toBe('Этот вопрос уже закрыт.');
    await talk(customer, [{ press: 'Принимаю и согласен', expect: [expect.stringContaining('Введите сумму любого платежа')] }]);
  });

  it('answers every kind of message: pictures, stickers, files and too long texts, and loses nothing typed', async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    const readingsPrompt: unknown = expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001, показание.');
    await talk(customer, [
      {
        send: 'photo',
        expect: [
          'Фотографии я принимаю в обращениях («Написать обращение») и к показаниям («Передать показания»): приложите её там. Выберите действие в меню или напишите, что нужно.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
      {
        send: 'sticker',
        expect: ['Спасибо за стикер! Но я понимаю только текст и кнопки. Выберите действие в меню или напишите, что нужно.', expect.any(String)],
      },
      { press: 'Передать показания', expect: [readingsPrompt] },
      {
        send: 'photo',
        expect: [
          'Такое сообщение я прочитать не могу. Введите, пожалуйста, цифры, которые показывает счётчик. Фото счётчика тоже можно прислать — оно будет приложено к показаниям.',
          readingsPrompt,
        ],
      },
      {
        send: 'voice',
        expect: [
          'Такое сообщение я прочитать не могу. Введите, пожалуйста, цифры, которые показывает счётчик. Фото счётчика тоже можно прислать — оно будет приложено к показаниям.',
          readingsPrompt,
        ],
      },
      {
        say: '7'.repeat(10_000),
        expect: ['Сообщение слишком длинное: я читаю сообщения до 4 096 символов. Напишите, пожалуйста, короче — то, о чём шла речь, я помню.'],
      },
      { say: '34400', expect: [expect.stringContaining('Проверьте показания по счёту 100000000001:\nCE102-0100001, показание: 34400')] },
    ]);
    expect(await world.orm.em.fork().count(MeterReading, { value: 34400 })).toBe(0);
  });

  it('understands free text and typed button labels, and suggests the nearest tasks for the rest', async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { say: 'сколько я должен?', expect: [expect.stringContaining('Лицевой счёт 100000000001 (демонстрационный)\nАдрес:'), expect.any(String)] },
      { say: 'начисления и платежи', expect: ['За какой период показать начисления и платежи по счёту 100000000001?'] },
      { say: '/menu', expect: ['Лицевой счёт 100000000001. Что вы хотите сделать?'] },
      { say: 'Ещё…', expect: ['Ещё действия:'] },
      {
        say: 'пзкжщ',
        expect: ['Я не понял сообщение. Может быть, вы имели в виду одно из этого?'],
        buttons: ['↩ Продолжить: Начисления и платежи', 'Информация по счёту', 'Оплатить', 'Передать показания', 'Меню'],
      },
      {
        say: 'показания 34400',
        expect: [expect.stringContaining('Проверьте показания по счёту 100000000001:\nCE102-0100001, показание: 34400')],
        buttons: ['Передать', 'Исправить'],
      },
    ]);
    expect(await world.orm.em.fork().count(MeterReading, { value: 34400 })).toBe(0);
  });
});

describe('free text', () => {
  it('never starts a side effect without the customer confirming it', async () => {
    const world = await createWorld();
    try {
      const customer = await world.linkedCustomer('100000000003', '500');
      const em = () => world.orm.em.fork();
      const effects = async () => [
        await em().count(MeterReading, {}),
        await em().count(PaymentOrder, {}),
        await em().count(AccountLink, {}),
        await em().count(QueuedMail, {}),
        await em().count(Appeal, {}),
      ];
      const before = await effects();
      for (const [typed] of phrasings) {
        await customer.says(typed || ' ');
        await customer.says('/cancel');
      }
      process.stdout.write(
        `side effects after ${phrasings.length} phrasings without confirmation: ${JSON.stringify(before)} → ${JSON.stringify(await effects())}\n`,
      );
      expect(await effects()).toEqual(before);
      expect(world.errors).toEqual([]);
    } finally {
      await world.close();
    }
  });
});

describe('saved state', () => {
  it('stays under 4 KB at every step, reports since 2015 included', async () => {
    const world = await createWorld();
    try {
      const customer = await world.linkedCustomer('100000000002', '2187,45');
      const sizes: number[] = [];
      const measure = async () => sizes.push(JSON.stringify(world.sessions.read('energobot:session:telegram:customer-1')).length);
      const steps: (() => Promise<unknown>)[] = [
        () => customer.says('/history'),
        () => customer.presses('С января 2015 года'),
        () => customer.presses('Показать ещё'),
        () => customer.says('/charges'),
        () => customer.presses('С января 2015 года'),
        () => customer.says('/readings'),
        () => customer.says('44400'),
        () => customer.says('/pay'),
        () => customer.says('/menu'),
      ];
      for (const step of steps) {
        await step();
        await measure();
      }
      process.stdout.write(`saved state per step, bytes: ${sizes.join(', ')}\n`);
      expect(Math.max(...sizes)).toBeLessThan(4096);
    } finally {
      await world.close();
    }
  });
});
