import { createWorld, type Customer, type World } from '../support/conversation';

/** Demo account 3 is in debt: its last bills went unpaid but for the 500 ₽ it links with. */
describe('charges, payments and payment history', () => {
  let world: World;
  let customer: Customer;
  beforeEach(async () => {
    world = await createWorld();
    customer = await world.linkedCustomer('100000000003', '500');
  });
  afterEach(() => world.close());

  it('shows each month with its balances, charge and the payments made in it, newest first', async () => {
    await customer.presses('Ещё…');
    expect(await customer.presses('Начисления и платежи')).toEqual(['За какой период показать начисления и платежи по счёту 100000000003?']);
    const [page] = await customer.presses('Последние 6 месяцев');
    const lines = page?.split('\n') ?? [];
    expect(lines.slice(0, 5)).toEqual([
      'Начисления и платежи по счёту 100000000003, 06.2026–11.2026',
      'Месяц',
      '  Входящее сальдо · Начислено · Оплачено · Исходящее сальдо',
      '10.2026',
      expect.stringMatching(/^ {2}долг [\d ]+,\d\d ₽ · [\d ]+,\d\d ₽ · 500,00 ₽ \(15\.10\.2026, 12:00, приложение\) · долг 5 617,11 ₽$/),
    ]);
    expect(lines.at(-1)).toMatch(/^ {2}.* · [\d ]+,\d\d ₽ \(08\.06\.2026, 12:00, приложение\) · .*$/);
    expect(customer.buttons()).toEqual(['Скачать CSV', 'Готово']);
  });

  it('sends charges and payments as CSV with plain amounts', async () => {
    await customer.presses('Ещё…');
    await customer.presses('Начисления и платежи');
    await customer.presses('Последние 6 месяцев');
    const [caption] = await customer.presses('Скачать CSV');
    expect(caption).toBe('Начисления и платежи за 06.2026–11.2026 в CSV.');
    const rows = (await world.services.files.get(customer.file()!.id))!.bytes.toString('utf8').split('\r\n');
    expect(rows[0]).toBe('\ufeffГод;Месяц;Входящее сальдо (долг);Начислено;Дата платежа;Сумма платежа;Исходящее сальдо (долг);Источник оплаты');
    expect(rows[5]).toMatch(/^2026;10;\d+,\d\d;\d+,\d\d;15\.10\.2026, 12:00;500,00;5617,11;приложение$/);
  });

  it('lists payments with date, amount and source, paged over a long period', async () => {
    await customer.presses('Ещё…');
    await customer.presses('История платежей');
    const [first] = await customer.presses('С января 2015 года');
    expect(first?.split('\n').slice(0, 3)).toEqual(['История платежей по счёту 100000000003, 01.2015–11.2026 (страница 1 из 6)', 'Дата', '  Сумма · Источник']);
    expect(first?.split('\n').slice(3, 5)).toEqual(['15.10.2026, 12:00', '  500,00 ₽ · приложение']);
    expect((await customer.presses('Показать ещё'))[0]).toContain('(страница 2 из 6)');
  });

  it('asks to link first', async () => {
    expect((await world.customer('stranger').says('/payments'))[0]).toBe(
      'Начисления и платежи доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их смотреть.',
    );
  });
});
