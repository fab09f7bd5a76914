import { AccountLink, ChatIdentity } from '../../db/entities';
import { createWorld, talk, type World } from '../support/conversation';

describe('account information, unlinking and language', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('shows a day/night account with its social norm and credit', async () => {
    const customer = await world.linkedCustomer('100000000002', '2187,45');
    await talk(customer, [
      {
        press: 'Информация по счёту',
        expect: [
          expect.stringMatching(
            /^Лицевой счёт 100000000002 \(демонстрационный\)\nАдрес: .+\nТелефон: .+\nПрописано: 3 чел\.\nКоэффициент сезонности: 1,15\nСоциальная норма: 150 кВт·ч в месяц\nБаланс: переплата [\d ]+,\d\d ₽\nДолг за прошлые периоды: 0,00 ₽$/,
          ),
          'Лицевой счёт 100000000002. Что вы хотите сделать?',
        ],
      },
    ]);
  });

  it('shows the debt of an account in debt', async () => {
    const customer = await world.linkedCustomer('100000000003', '500');
    const [card] = await customer.presses('Информация по счёту');
    // «К оплате» with the earlier debt as a part of it, so the two never read as a contradiction.
    expect(card).toMatch(/Баланс: к оплате 5 \d{3},\d\d ₽/);
    expect(card).toMatch(/Из них долг за прошлые периоды: 3 \d{3},\d\d ₽/);
  });

  it('asks to link first when a chat without an account asks for information', async () => {
    const customer = world.customer();
    expect(await customer.says('/info')).toEqual([
      'Этот чат ещё не привязан к лицевому счёту. Привяжите счёт, чтобы видеть информацию по нему.',
      'Что вы хотите сделать?',
    ]);
    expect(customer.buttons()).toContain('Привязать лицевой счёт');
  });

  it('unlinks after confirmation, and keeps the link when the customer says no', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    expect(await customer.presses('Ещё…')).toEqual(['Ещё действия:']);
    // Paged, six buttons at most, so a phone shows them under the conversation.
    expect(customer.buttons()).toEqual(['Начисления и платежи', 'История платежей', 'Электронная квитанция', 'Написать обращение', 'Ещё…', 'Меню']);
    expect(await customer.presses('Ещё…')).toEqual(['Ещё действия:']);
    expect(customer.buttons()).toEqual(['Мои обращения', 'Позвать оператора', 'Мои лицевые счета', 'Настройки', 'Ещё…', 'Назад']);
    expect(await customer.presses('Ещё…')).toEqual(['Ещё действия:']);
    expect(customer.buttons()).toEqual(['Язык / Language', 'Контакты', 'Нет света?', 'Напоминания', 'Что умеет бот', 'Назад']);
    await customer.says('/accounts');
    expect(await customer.presses('Удалить счёт из списка')).toEqual([
      'Отвязать лицевой счёт 100000000001 от этого чата? Привязать его снова можно в любой момент.',
    ]);
    expect((await customer.presses('Нет'))[0]).toBe('Хорошо, счёт остаётся привязанным.');
    await customer.says('/unlink');
    expect((await customer.presses('Да, отвязать'))[0]).toBe('Лицевой счёт 100000000001 отвязан от этого чата.');
    expect(await world.orm.em.fork().count(AccountLink, {})).toBe(0);
    expect(customer.buttons()).not.toContain('Информация по счёту');
  });

  it('switches to English, remembers it, and switches back', async () => {
    const customer = world.customer();
    await customer.says('/start');
    await customer.presses('Язык / Language');
    expect(customer.buttons()).toEqual(['Русский', 'English']);
    expect(await customer.presses('English')).toEqual(['Language changed: English.', 'What would you like to do?']);
    expect(customer.buttons()).toEqual(['Link an account', 'Pay', 'Send meter readings', 'Write to the company', 'Язык / Language', 'More…']);
    const identity = await world.orm.em.fork().findOneOrFail(ChatIdentity, { externalId: 'customer-1' });
    expect(identity.locale).toBe('en');

    world.sessions.delete('energobot:session:telegram:customer-1');
    expect((await customer.says('/help'))[0]).toContain('I can:');

    await customer.says('/language');
    expect((await customer.presses('Русский'))[0]).toBe('Язык изменён: русский.');
  });

  it("lists in /help every command the chat can use: a linked chat's /chats, /monthly and /unlink, an unlinked chat's none of them", async () => {
    const unlinked = world.customer('new');
    const [forNew] = await unlinked.says('/help');
    expect(forNew).toContain('(/link)');
    expect(forNew).not.toContain('(/info)');
    expect(forNew).not.toContain('(/chats)');
    const linked = await world.linkedCustomer('100000000001', '1543,20');
    const [forLinked] = await linked.says('/help');
    for (const command of ['/info', '/receipts', '/chats', '/monthly', '/unlink', '/appeal', '/language']) expect(forLinked).toContain(`(${command})`);
    expect(forLinked).not.toContain('(/link)');
  });

  it('goes through linking in English', async () => {
    const customer = world.customer();
    await customer.says('/language');
    await customer.presses('English');
    await customer.presses('Link an account');
    expect((await customer.says('12'))[0]).toBe('An account number has 12 digits; this one has 2. Check it on your receipt, for example: 1000 0000 0001.');
    await customer.says('100000000001');
    await customer.presses('Yes');
    await customer.presses('I accept and consent');
    expect((await customer.says('1,543.20'))[0]).toBe('I could not read that amount. Enter it in digits, for example: 1 543,20.');
    const [done, card] = await customer.says('1543.20');
    expect(done).toBe('Done! Account 100000000001 is now linked to this chat.');
    expect(card).toMatch(/Balance: ₽\d+\.\d\d in credit/);
  });
});
