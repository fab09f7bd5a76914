import { PaymentOrder } from '../../db/entities';
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

  it('asks to link first', async () => {
    expect((await world.customer('stranger').says('/pay'))[0]).toBe('Оплатить из чата можно по привязанному лицевому счёту. Привяжите счёт, чтобы оплачивать.');
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
