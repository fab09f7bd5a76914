import { axisTicks } from '../../core/features/reports/consumption-chart';
import { createWorld, talk, type Customer, type World } from '../support/conversation';

describe('readings history', () => {
  let world: World;
  let customer: Customer;
  beforeEach(async () => {
    world = await createWorld();
    customer = await world.linkedCustomer('100000000002', '2187,45');
  });
  afterEach(() => world.close());

  it('shows the last six months per meter and zone with the accepted mark, and a chart', async () => {
    expect(await customer.presses('История показаний')).toEqual(['За какой период показать историю показаний по счёту 100000000002?']);
    expect(customer.buttons()).toEqual(['Последние 6 месяцев', 'Последние 12 месяцев', 'С января 2015 года', 'Указать период']);
    const [caption, page] = await customer.presses('Последние 6 месяцев');
    expect(caption).toBe('Расход электроэнергии по месяцам, 06.2026–11.2026.');
    const chart = customer.file();
    expect(chart).toMatchObject({ mime: 'image/png', name: 'consumption-2026-06-2026-11.png' });
    const png = await world.services.files.get(chart!.id);
    expect(png?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(page?.split('\n')).toEqual([
      'История показаний по счёту 100000000002, 06.2026–11.2026',
      'Дата',
      '  Счётчик · Показание · кВт·ч · Тип ввода',
      '24.10.2026, 11:00',
      '  M201-0200002, день · 44172 ✅ · 216 · сайт',
      '24.09.2026, 11:00',
      '  M201-0200002, день · 43956 ✅ · 183 · электронная квитанция',
      '24.08.2026, 11:00',
      '  M201-0200002, день · 43773 ✅ · 179 · приложение',
      '24.07.2026, 11:00',
      '  M201-0200002, день · 43594 ✅ · 153 · сайт',
      '24.06.2026, 11:00',
      '  M201-0200002, день · 43441 ✅ · 184 · приложение',
      '24.10.2026, 11:00',
      '  M201-0200002, ночь · 18795 ✅ · 92 · сайт',
      '24.09.2026, 11:00',
      '  M201-0200002, ночь · 18703 ✅ · 79 · электронная квитанция',
      '24.08.2026, 11:00',
      '  M201-0200002, ночь · 18624 ✅ · 77 · приложение',
      '24.07.2026, 11:00',
      '  M201-0200002, ночь · 18547 ✅ · 65 · сайт',
      '24.06.2026, 11:00',
      '  M201-0200002, ночь · 18482 ✅ · 79 · приложение',
      '✅ — показание учтено при расчёте; 📷 — к показанию приложено фото счётчика.',
    ]);
    expect(customer.buttons()).toEqual(['Скачать CSV', 'Готово']);
  });

  it('shows a reading sent in chat with its channel and without the mark until it is accepted', async () => {
    await customer.presses('Передать показания');
    await customer.says('44400');
    await customer.says('18890');
    await customer.presses('Передать');
    await customer.presses('Не нужно');
    await customer.presses('История показаний');
    const [, page] = await customer.presses('Последние 6 месяцев');
    expect(page).toContain('24.11.2026, 12:00\n  M201-0200002, день · 44400 · 228 · Telegram\n24.10.2026');
  });

  it('marks with 📷 the readings sent with a photo of the meter, and only those', async () => {
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('день')] },
      {
        files: ['meter.jpg'],
        expect: ['Фото сохранено, оно будет приложено к показаниям. Введите показание счётчика M201-0200002 (зона «день») цифрами, например 12345.'],
      },
      { say: '44400', expect: [expect.stringContaining('ночь')] },
      { say: '18890', expect: [expect.stringContaining('Фото счётчика: 1')] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
      { press: 'Не нужно', expect: [expect.any(String)] },
    ]);
    await customer.presses('История показаний');
    const [, page] = await customer.presses('Последние 6 месяцев');
    // The photo came with the submission: both zones of that meter sent then carry it; October's do not.
    expect(page).toContain('24.11.2026, 12:00\n  M201-0200002, день · 44400 📷 · 228 · Telegram\n24.10.2026, 11:00\n  M201-0200002, день · 44172 ✅ · 216');
    expect(page).toContain('24.11.2026, 12:00\n  M201-0200002, ночь · 18890 📷 · 95 · Telegram');
  });

  it('pages a long period, and sends it as CSV on request', async () => {
    await customer.presses('История показаний');
    const [, first] = await customer.presses('С января 2015 года');
    expect(first).toContain('(страница 1 из 12)');
    expect(customer.buttons()).toEqual(['Показать ещё', 'Скачать CSV', 'Готово']);
    expect((await customer.presses('Показать ещё'))[0]).toContain('(страница 2 из 12)');
    // Nothing of the report waits in the saved state: the buttons carry the period and the page.
    expect(JSON.stringify(world.sessions.read('energobot:session:telegram:customer-1')).length).toBeLessThan(4096);
    const [caption] = await customer.presses('Скачать CSV');
    expect(caption).toBe('История показаний за 01.2015–11.2026 в CSV.');
    const csv = await world.services.files.get(customer.file()!.id);
    const rows = csv!.bytes.toString('utf8').split('\r\n');
    expect(rows[0]).toBe('\ufeffСчётчик;Зона;Период;Дата передачи;Тип ввода;Показание;Расход, кВт·ч;Учтено при расчёте');
    expect(rows[1]).toBe('M201-0200002;день;10.2026;24.10.2026, 11:00;сайт;44172;216;Да');
    expect(rows).toHaveLength(2 + 2 * 142);
  });

  it.each([
    ['весна 2024', 'Не получилось прочитать период'],
    ['13.2024–09.2024', 'Не получилось прочитать период'],
    ['12.2014–03.2015', 'История показаний хранится с января 2015 года'],
    ['03.2026–01.2027', 'Конец периода ещё не наступил'],
    ['09.2024–03.2024', 'Начало периода позже его конца'],
  ])('explains a period it cannot use (%p) and asks again', async (typed, explanation) => {
    await customer.presses('История показаний');
    await customer.presses('Указать период');
    const replies = await customer.says(typed);
    expect(replies[0]).toContain(explanation);
    expect(replies[1]).toBe('Введите начало и конец периода — месяц и год, например: 03.2024–09.2024.');
    const [caption] = await customer.says('3.2024 - 9.2024');
    expect(caption).toBe('Расход электроэнергии по месяцам, 03.2024–09.2024.');
  });

  it('asks to link first', async () => {
    const stranger = world.customer('stranger');
    expect((await stranger.says('/history'))[0]).toBe('История показаний доступна для привязанного лицевого счёта. Привяжите счёт, чтобы её смотреть.');
  });
});

// No world needed: the axis's marks are arithmetic.
describe('the consumption chart', () => {
  it.each([
    [250, [0, 100, 200, 300]],
    [187, [0, 50, 100, 150, 200]],
    [323, [0, 100, 200, 300, 400]],
    [0, [0, 5, 10]],
    [1890, [0, 500, 1000, 1500, 2000]],
  ])('marks the chart axis in round numbers (largest month %p kWh)', (largest, ticks) => {
    expect(axisTicks(largest)).toEqual(ticks);
  });
});
