import { MeterReading, PaymentOrder } from '../../db/entities';
import { createWorld, talk, type World } from '../support/conversation';

/** Demo account 1 last accepted 34316; account 2 (day/night, with an e-mail) 44172 and 18795. */
const askReading: unknown = expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001, показание.');
const summary34750 = 'Проверьте показания по счёту 100000000001:\nCE102-0100001, показание: 34750 (расход 434 кВт·ч)';
const menu1 = 'Лицевой счёт 100000000001. Что вы хотите сделать?';
const mailOffer = 'Отправить подтверждение на d***@example.ru?';
const proposal: unknown = expect.stringContaining('К оплате по лицевому счёту 100000000001');

describe('a conversation that never traps', () => {
  let world: World;
  afterEach(() => world.close());

  const orders = () => world.orm.em.fork().count(PaymentOrder, {});
  const submitted = () => world.orm.em.fork().count(MeterReading, { accepted: false });

  it('cancels the task at hand only: the one left aside stays offered, and continues with what was typed', async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { press: 'Передать показания', expect: [askReading] },
      { say: '34750', expect: [summary34750], buttons: ['Передать', 'Исправить'] },
      { say: '/pay', expect: [proposal] },
      {
        say: 'Отмена',
        expect: ['Действие отменено.', menu1],
        buttons: ['↩ Продолжить: Передать показания', 'Информация по счёту', 'Оплатить', 'Передать показания', 'Квитанции', 'История показаний', 'Ещё…'],
      },
      { press: '↩ Продолжить: Передать показания', expect: ['Продолжим с того места, где вы остановились.', summary34750], buttons: ['Передать', 'Исправить'] },
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), mailOffer] },
    ]);
    expect([await submitted(), await orders()]).toEqual([1, 0]);
  });

  it('takes «Передать» of a summary left aside while «Продолжить» is on offer: that question is open, not closed', async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    await customer.says('34750');
    const send = customer.last[0]!.buttons.find((button) => button.label === 'Передать') as { data: string };
    await talk(customer, [
      { say: '/menu', expect: [menu1] },
      { pressData: send.data, expect: [expect.stringMatching(/^Показания приняты/), mailOffer] },
    ]);
    expect(await submitted()).toBe(1);
  });

  it("closes an old question's «Отмена»: only the current question's cancels, and the task goes on", async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    const oldCancel = customer.last[0]!.buttons.find((button) => button.label === 'Отмена') as { data: string };
    await talk(customer, [
      { say: 'много', expect: [expect.stringContaining('цифр'), askReading], buttons: ['Отмена'] },
      { pressData: oldCancel.data, expect: [] },
    ]);
    expect(customer.reply.notice).toBe('Этот вопрос уже закрыт.');
    await talk(customer, [
      { say: '34750', expect: [summary34750] },
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), mailOffer] },
    ]);
    await customer.says('/readings');
    await talk(customer, [{ press: 'Отмена', expect: ['Действие отменено.', menu1] }]);
    expect(await submitted()).toBe(1);
  });

  it('leaves a task whose effect is done alone: not offered back, started anew, and typed words are read as at the menu', async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000002', '2187,45');
    await customer.presses('Передать показания');
    await customer.says('44400');
    await customer.says('18890');
    await talk(customer, [
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), 'Отправить подтверждение на d***@example.ru?'] },
      { say: '/menu', expect: ['Лицевой счёт 100000000002. Что вы хотите сделать?'] },
    ]);
    expect(customer.buttons()).not.toContain('↩ Продолжить: Передать показания');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Лицевой счёт 100000000002, счётчик M201-0200002, день.')] },
      { say: '44410', expect: [expect.stringContaining('ночь')] },
      { say: '18900', expect: [expect.stringContaining('Проверьте показания')] },
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), 'Отправить подтверждение на d***@example.ru?'] },
      { say: 'хочу оплатить', expect: [expect.stringContaining('К оплате по лицевому счёту 100000000002')] },
    ]);
    expect(customer.buttons()).not.toContain('↩ Продолжить: Передать показания');
  });

  it("leaves a choice for another task's words, and says «выберите вариант» once in a row at most", async () => {
    world = await createWorld();
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    await talk(customer, [
      { say: '34750', expect: [summary34750] },
      { say: 'хочу оплатить', expect: [proposal] },
      { say: '/readings', expect: ['Продолжим с того места, где вы остановились.', summary34750] },
      { say: 'ну не знаю', expect: ['Выберите, пожалуйста, один из вариантов на кнопках.', summary34750] },
      {
        say: 'ну не знаю',
        expect: ['Я не понял сообщение. Может быть, вы имели в виду одно из этого?'],
        buttons: ['↩ Продолжить: Передать показания', 'Информация по счёту', 'Оплатить', 'Передать показания', 'Меню'],
      },
      { press: '↩ Продолжить: Передать показания', expect: ['Продолжим с того места, где вы остановились.', summary34750] },
      { press: 'Передать', expect: [expect.stringMatching(/^Показания приняты/), mailOffer] },
    ]);
    expect([await submitted(), await orders()]).toEqual([1, 0]);
  });

  it('leaves a typed question for words that ask for another task, and keeps what was answered', async () => {
    world = await createWorld();
    const customer = world.customer();
    await talk(customer, [
      { say: '/readings', expect: [expect.any(String), expect.stringContaining('Введите номер лицевого счёта')] },
      { say: '100000000001', expect: [expect.stringContaining('Адрес по этому счёту')] },
      { press: 'Да', expect: [expect.stringContaining('согласие')] },
      { press: 'Принимаю и согласен', expect: [askReading] },
      {
        say: 'какие у меня начисления',
        expect: ['Начисления и платежи доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их смотреть.', 'Что вы хотите сделать?'],
      },
      { say: '/readings', expect: ['Продолжим с того места, где вы остановились.', askReading] },
      { say: '34750', expect: [summary34750] },
    ]);
  });
});
