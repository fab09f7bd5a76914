import { confirmEReceiptChange } from '../../core/features/e-receipt/confirm-e-receipt';
import { ChatPush } from '../../db/entities';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { confirmationTokenMailedTo } from '../support/mailed-links';
import { createWorld, talk, type Customer, type World } from '../support/conversation';

const confirm = (world: World, token: string) =>
  confirmEReceiptChange({ ...world.services, pushes: new SqlChatPushes(world.orm, world.clock.now) }, token, world.clock.now(), 'Europe/Moscow');

describe('the e-receipt', () => {
  let world: World;
  afterEach(() => world.close());

  describe('account 2 (paper receipts)', () => {
    let customer: Customer;
    beforeEach(async () => {
      world = await createWorld();
      customer = await world.linkedCustomer('100000000002', '2187,45');
    });

    it('subscribes with address, consent and an e-mail, changing nothing until the link is followed', async () => {
      await talk(customer, [
        {
          say: '/ereceipt',
          expect: [expect.stringMatching(/^По счёту 100000000002 квитанция приходит на бумаге\./)],
          buttons: ['Подключить электронную квитанцию', 'Меню'],
        },
        {
          press: 'Подключить электронную квитанцию',
          expect: [expect.stringMatching(/^Квитанции по адресу г\. Нижний Новгород, ул\. Большая Покровская, д\. 15, кв\. 7 будут приходить на e-mail/)],
        },
        {
          press: 'Да, подтверждаю',
          expect: ['На какой e-mail присылать квитанции? У счёта указан demo2@example.ru.'],
          buttons: ['На demo2@example.ru', 'Другой адрес'],
        },
        { press: 'Другой адрес', expect: ['Введите e-mail для квитанций, например: ivanova@mail.ru.'] },
        {
          say: 'kuznetsov.mail.ru',
          expect: [
            'Это не похоже на адрес электронной почты. Введите его полностью, например: ivanova@mail.ru.',
            'Введите e-mail для квитанций, например: ivanova@mail.ru.',
          ],
        },
        { send: 'sticker', expect: ['Введите e-mail текстом, например: ivanova@mail.ru.', 'Введите e-mail для квитанций, например: ivanova@mail.ru.'] },
        { say: 'a@b', expect: [expect.stringContaining('Это не похоже на адрес'), expect.any(String)] },
        {
          say: ' Kuznetsov@Mail.RU ',
          expect: ['Отправил письмо на k***@mail.ru: перейдите по ссылке из него в течение 24 часов. Пока вы этого не сделаете, ничего не изменится.'],
        },
      ]);
      expect(await world.services.eReceipts.terms('100000000002' as never)).toEqual([]);
      const token = await confirmationTokenMailedTo(world, 'kuznetsov@mail.ru');
      expect(await confirm(world, token)).toMatchObject({ outcome: 'confirmed', locale: 'ru' });
      expect(await world.services.eReceipts.terms('100000000002' as never)).toEqual([{ email: 'kuznetsov@mail.ru', from: '2026-11', until: null }]);
      const [push] = await world.orm.em.fork().find(ChatPush, { chatId: 'customer-1' });
      expect(push?.messageKey).toBe('e-receipt-subscribed');
      expect((await confirm(world, token)).outcome).toBe('used');
      world.clock.advance(25 * 3600_000);
      expect((await confirm(world, 'x'.repeat(32))).outcome).toBe('unknown');
    });

    it('a link followed after 24 hours changes nothing', async () => {
      await customer.says('/ereceipt');
      await customer.presses('Подключить электронную квитанцию');
      await customer.presses('Да, подтверждаю');
      await customer.presses('На demo2@example.ru');
      world.clock.advance(24 * 3600_000 + 1);
      expect((await confirm(world, await confirmationTokenMailedTo(world, 'demo2@example.ru'))).outcome).toBe('expired');
      expect(await world.services.eReceipts.terms('100000000002' as never)).toEqual([]);
    });
  });

  describe('account 1 (e-receipt since May 2020)', () => {
    let customer: Customer;
    beforeEach(async () => {
      world = await createWorld();
      customer = await world.linkedCustomer('100000000001', '1543,20');
    });

    it('changes the e-mail with a link to the new address', async () => {
      await talk(customer, [
        {
          say: 'электронная квитанция',
          expect: ['По счёту 100000000001 подключена электронная квитанция: она приходит на d***@example.ru с 05.2020.'],
          buttons: ['Сменить e-mail', 'Отказаться от электронной квитанции', 'Меню'],
        },
        { press: 'Сменить e-mail', expect: [expect.stringMatching(/^Введите новый e-mail для квитанций/)] },
        { say: 'demo1@example.ru', expect: ['Квитанции уже приходят на этот адрес. Введите другой e-mail.', expect.stringMatching(/^Введите новый e-mail/)] },
        { say: 'maria@example.org', expect: [expect.stringMatching(/^Отправил письмо на m\*+@example\.org/)] },
      ]);
      expect((await world.services.eReceipts.terms('100000000001' as never))[0]?.email).toBe('demo1@example.ru');
      await confirm(world, await confirmationTokenMailedTo(world, 'maria@example.org'));
      expect(await world.services.eReceipts.terms('100000000001' as never)).toEqual([{ email: 'maria@example.org', from: '2020-05', until: null }]);
    });

    it('unsubscribes with a reason and a confirmation; paper resumes from the next period', async () => {
      await talk(customer, [
        { say: '/ereceipt', expect: [expect.any(String)] },
        { press: 'Отказаться от электронной квитанции', expect: ['Почему вы отказываетесь от электронной квитанции?'] },
        { press: 'Другая причина', expect: ['Напишите причину в нескольких словах (до 500 символов).'] },
        { say: 'я'.repeat(501), expect: ['Причина длиннее 500 символов. Напишите, пожалуйста, короче.', expect.any(String)] },
        {
          say: 'Переезжаю',
          expect: [expect.stringMatching(/^Без электронной квитанции квитанции снова будут приходить на бумаге/)],
          buttons: ['Да, отказаться', 'Оставить электронную квитанцию'],
        },
        { press: 'Да, отказаться', expect: [expect.stringMatching(/^Отправил письмо на d\*+@example\.ru/)] },
      ]);
      const result = await confirm(world, await confirmationTokenMailedTo(world, 'demo1@example.ru'));
      expect(result).toMatchObject({ outcome: 'confirmed', page: { key: 'e-receipt-unsubscribed', args: { paperFrom: '12.2026' } } });
      expect(await world.services.eReceipts.terms('100000000001' as never)).toEqual([{ email: 'demo1@example.ru', from: '2020-05', until: '2026-12' }]);
    });

    it('keeps the e-receipt when the customer changes their mind', async () => {
      await customer.says('/ereceipt');
      await customer.presses('Отказаться от электронной квитанции');
      await customer.presses('Удобнее бумажная');
      expect(await customer.presses('Оставить электронную квитанцию')).toEqual(['Ничего не изменилось.', expect.stringMatching(/^Лицевой счёт 100000000001/)]);
    });
  });
});
