import { createWorld, talk, type Customer, type World } from '../support/conversation';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import type { AccountNumber } from '../../core/kernel/account-number';
import { kopecks } from '../../core/kernel/money';

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
    expect(lines.slice(0, 7)).toEqual([
      'Начисления и платежи по счёту 100000000003, 06.2026–11.2026',
      'Месяц',
      '  Входящее сальдо · Начислено · Оплачено · Исходящее сальдо',
      // The current month is not charged yet, and still has its row.
      '11.2026',
      '  — · не начислено · — · —',
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
    expect(rows[6]).toBe('2026;11;;не начислено;;;;');
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

  it('shows a month with no charge yet, with the payments made in it, in the next month', async () => {
    world.clock.advance(10 * 24 * 3600_000);
    await customer.presses('Ещё…');
    await customer.presses('Начисления и платежи');
    await customer.presses('Указать период');
    const [page] = await customer.says('07.2026–12.2026');
    expect(page?.split('\n').slice(0, 6)).toEqual([
      'Начисления и платежи по счёту 100000000003, 07.2026–12.2026',
      'Месяц',
      '  Входящее сальдо · Начислено · Оплачено · Исходящее сальдо',
      '12.2026',
      '  — · не начислено · — · —',
      '11.2026',
    ]);
  });

  it('takes the period named in free text, and explains one out of reach', async () => {
    await talk(customer, [
      { say: 'начисления за октябрь', expect: [expect.stringMatching(/^Начисления и платежи по счёту 100000000003, 10\.2026–10\.2026\nМесяц/)] },
      { say: 'платежи за 2025', expect: [expect.stringMatching(/^История платежей по счёту 100000000003, 01\.2025–12\.2025/)] },
      {
        say: 'начисления за 2030 год',
        expect: [
          'Конец периода ещё не наступил. Выберите период не позже текущего месяца.',
          'За какой период показать начисления и платежи по счёту 100000000003?',
        ],
      },
    ]);
  });

  it("takes a month or a year typed at the period question as this report's period, not a receipt", async () => {
    await talk(customer, [
      { say: '/charges', expect: ['За какой период показать начисления и платежи по счёту 100000000003?'] },
      { say: 'сентябрь', expect: [expect.stringMatching(/^Начисления и платежи по счёту 100000000003, 09\.2026–09\.2026\n/)] },
      { say: '/payments', expect: ['За какой период показать историю платежей по счёту 100000000003?'] },
      { say: '2026', expect: [expect.stringMatching(/^История платежей по счёту 100000000003, 01\.2026–11\.2026\n/)] },
      { say: '/payments', expect: [expect.any(String)] },
      {
        say: 'когда-нибудь',
        expect: [
          'Не получилось прочитать период. Введите месяц и год начала и конца, например: 03.2024–09.2024.',
          'За какой период показать историю платежей по счёту 100000000003?',
        ],
      },
    ]);
  });

  it('shows a card payment on its way, before billing posts it', async () => {
    const orders = new SqlPaymentOrders(world.orm, world.clock.now);
    const id = await orders.create(
      { account: '100000000003' as AccountNumber, amount: kopecks(120_000), includesEstimate: false, chat: customer.chat },
      'sandbox',
    );
    await orders.complete(id, 'succeeded');
    const [page] = await customer.says('/payments');
    expect(page).toBe('За какой период показать историю платежей по счёту 100000000003?');
    const [history] = await customer.presses('Последние 6 месяцев');
    expect(history?.split('\n').slice(3, 7)).toEqual([
      '24.11.2026, 12:00',
      '  1 200,00 ₽ · в пути: поступит на счёт в течение суток',
      '15.10.2026, 12:00',
      '  500,00 ₽ · приложение',
    ]);
  });

  it('asks to link first', async () => {
    expect((await world.customer('stranger').says('/payments'))[0]).toBe(
      'Начисления и платежи доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их смотреть.',
    );
  });
});
