import { ReminderSubscription } from '../../db/entities';
import { createWorld, talk, type World } from '../support/conversation';

const ask = (readings: 'включены' | 'выключены', payment: 'включены' | 'выключены') =>
  `Напоминания по лицевому счёту 100000000001:\n• о показаниях, когда открывается приём (с 15 по 25 число): ${readings}\n• о сроке оплаты (до 10 числа): ${payment}\nНапоминания приходят только с 9:00 до 21:00.`;
const menu = 'Лицевой счёт 100000000001. Что вы хотите сделать?';

/** «Напоминания»: asked for per chat and account, offered after readings, stopped with one tap. */
describe('reminders', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const subscriptions = async () =>
    (await world.orm.em.fork().find(ReminderSubscription, {}, { orderBy: { kind: 'asc' } })).map((row) => `${row.chatId}:${row.account}:${row.kind}`);

  it('turns each reminder on and off for the active account, and says what it will do', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { say: '/reminders', expect: [ask('выключены', 'выключены')], buttons: ['Напоминать о показаниях', 'Напоминать о сроке оплаты', 'Меню'] },
      {
        press: 'Напоминать о сроке оплаты',
        expect: ['Буду напоминать о сроке оплаты по счёту 100000000001 с 7-го числа (оплатить — до 10-го), если счёт не оплачен.', menu],
      },
      { say: 'напомните о показаниях', expect: [ask('выключены', 'включены')], buttons: ['Напоминать о показаниях', 'Не напоминать о сроке оплаты', 'Меню'] },
      { press: 'Напоминать о показаниях', expect: [expect.stringMatching(/^Буду напоминать о показаниях по счёту 100000000001/), menu] },
      // The offer's button pressed again on an old message: still one subscription.
      { say: '/reminders on:readings:100000000001', expect: [expect.stringMatching(/^Буду напоминать о показаниях/), menu] },
    ]);
    expect(await subscriptions()).toEqual(['customer-1:100000000001:payment', 'customer-1:100000000001:readings']);
    await talk(customer, [
      { say: '/reminders', expect: [ask('включены', 'включены')] },
      { press: 'Не напоминать о сроке оплаты', expect: ['Больше не напоминаю о сроке оплаты по счёту 100000000001.', menu] },
    ]);
    expect(await subscriptions()).toEqual(['customer-1:100000000001:readings']);
  });

  it('offers the readings reminder after a submission, and a reminder’s buttons stop it or open its account’s task', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Последнее принятое показание: 34316 кВт·ч')] },
      { say: '34400', expect: [expect.any(String)] },
      {
        press: 'Передать',
        expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)],
        buttons: ['Напоминать о показаниях', 'Да, отправить', 'Не нужно'],
      },
      { press: 'Напоминать о показаниях', expect: [expect.stringMatching(/^Буду напоминать о показаниях по счёту 100000000001/), menu] },
      { press: 'Передать показания', expect: [expect.any(String)] },
      { say: '34410', expect: [expect.any(String)] },
      // Asked for already: not offered again.
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), expect.any(String)], buttons: ['Да, отправить', 'Не нужно'] },
      { press: 'Не нужно', expect: [menu] },
      // What a reminder's buttons send.
      { say: '/reminders readings:100000000001', expect: [expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001')] },
      { press: 'Отмена', expect: [expect.any(String), menu] },
      { say: '/reminders stop:readings:100000000001', expect: ['Больше не напоминаю о показаниях по счёту 100000000001.', menu] },
      { say: '/reminders stop:readings:100000000001', expect: ['Больше не напоминаю о показаниях по счёту 100000000001.', menu] },
    ]);
    expect(await subscriptions()).toEqual([]);
  });

  it('forgets what a chat asked for an account it unlinks, refuses that account, and asks a chat with none to link one', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { say: '/reminders on:payment:100000000001', expect: [expect.stringMatching(/^Буду напоминать о сроке оплаты/), menu] },
      { say: '/unlink', expect: [expect.any(String)] },
      { press: 'Да, отвязать', expect: ['Лицевой счёт 100000000001 отвязан от этого чата.', expect.any(String)] },
      {
        say: '/reminders stop:payment:100000000001',
        expect: ['Лицевой счёт 100000000001 больше не привязан к этому чату: напоминаний по нему не будет.', expect.any(String)],
      },
    ]);
    expect(await subscriptions()).toEqual([]);
    await world.linkedCustomer('100000000001', '1543,20', customer);
    await talk(customer, [{ say: '/reminders', expect: [ask('выключены', 'выключены')] }]);
    await talk(customer, [
      {
        say: '/reminders stop:payment:100000000002',
        expect: ['Лицевой счёт 100000000002 больше не привязан к этому чату: напоминаний по нему не будет.', menu],
      },
    ]);
    await talk(world.customer('stranger'), [
      {
        say: '/reminders',
        expect: ['Напоминания приходят по привязанному лицевому счёту. Сначала привяжите счёт.'],
        buttons: ['Привязать лицевой счёт', 'Меню'],
      },
    ]);
    expect(await subscriptions()).toEqual([]);
  });
});
