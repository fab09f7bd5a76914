import { parseAccountNumber, type AccountNumber } from '../../core/kernel/account-number';
import { Account, Meter, MeterReading, QueuedMail, ReadingHandover, ReadingPhoto } from '../../db/entities';
import { customerFiles } from '../support/customer-files';
import { createWorld, talk, type World } from '../support/conversation';

/** Demo account 2 (day/night) last accepted day 44172 and night 18795 in October 2026; account 1, 34316. */
describe('submitting meter readings', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const readings = () => world.orm.em.fork().find(MeterReading, { accepted: false }, { orderBy: { zone: 'asc' } });

  it('asks each zone of a day/night meter, sums up, saves with the channel and mails a confirmation', async () => {
    const customer = await world.linkedCustomer('100000000002', '2187,45');
    await talk(customer, [
      {
        press: 'Передать показания',
        expect: [
          'Лицевой счёт 100000000002, счётчик M201-0200002, день.\nПоследнее принятое показание: 44172 кВт·ч (24.10.2026, 11:00).\nВведите показание целым числом, как на счётчике, без цифр после запятой.',
        ],
      },
      {
        say: '44 400',
        expect: [
          'Лицевой счёт 100000000002, счётчик M201-0200002, ночь.\nПоследнее принятое показание: 18795 кВт·ч (24.10.2026, 11:00).\nВведите показание целым числом, как на счётчике, без цифр после запятой.',
        ],
      },
      {
        say: '18890',
        expect: ['Проверьте показания по счёту 100000000002:\nM201-0200002, день: 44400 (расход 228 кВт·ч)\nM201-0200002, ночь: 18890 (расход 95 кВт·ч)'],
        buttons: ['Передать', 'Исправить'],
      },
      {
        press: 'Передать',
        expect: ['Показания приняты 24.11.2026, 12:00.', 'Отправить подтверждение на d***@example.ru?'],
        buttons: ['Напоминать о показаниях', 'Да, отправить', 'Не нужно'],
      },
      { press: 'Да, отправить', expect: ['Подтверждение отправлено на d***@example.ru.', 'Лицевой счёт 100000000002. Что вы хотите сделать?'] },
    ]);

    expect(await readings()).toEqual([
      expect.objectContaining({ zone: 'day', value: 44400, consumptionKwh: 228, period: '2026-11', channel: 'telegram', accepted: false }),
      expect.objectContaining({ zone: 'night', value: 18890, consumptionKwh: 95, period: '2026-11', channel: 'telegram', accepted: false }),
    ]);
    const [mail] = await world.orm.em.fork().find(QueuedMail, { subject: 'Показания по лицевому счёту 100000000002 приняты' });
    expect(mail?.body).toContain('M201-0200002, ночь: 18890 (расход 95 кВт·ч)');
  });

  it("takes a reading at 00:30 on 1 January in Moscow (21:30 on 31 December in UTC) for January of the new year, and the next one as a new month's", async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    world.clock.at = new Date('2026-12-31T21:30:00Z');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Последнее принятое показание: 34316 кВт·ч')] },
      { say: '34400', expect: [expect.stringContaining('34400 (расход 84 кВт·ч)')] },
      { press: 'Передать', expect: ['Показания приняты 01.01.2027, 00:30.', expect.any(String)] },
      { press: 'Не нужно', expect: [expect.any(String)] },
    ]);
    world.clock.at = new Date('2027-01-31T21:30:00Z');
    await talk(customer, [{ say: '/readings', expect: [expect.not.stringContaining('уже передано')] }]);
    expect((await readings()).map((reading) => reading.period)).toEqual(['2027-01']);
  });

  it('replaces the earlier submission of the same month, and says so', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001')] },
      { say: '34400', expect: [expect.stringContaining('34400 (расход 84 кВт·ч)')] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
      { press: 'Не нужно', expect: ['Лицевой счёт 100000000001. Что вы хотите сделать?'] },
    ]);
    world.clock.advance(3600_000);
    await talk(customer, [
      { say: '/readings', expect: [expect.stringContaining('В этом месяце уже передано 34400 — новое значение его заменит.')] },
      { say: '34410', expect: [expect.stringContaining('34410 (расход 94 кВт·ч)')] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 13:00 и заменили переданные ранее в этом месяце.', expect.any(String)] },
    ]);
    expect(await readings()).toEqual([expect.objectContaining({ value: 34410, consumptionKwh: 94 })]);
  });

  it.each([['12 345,6'], ['сорок тысяч'], ['-34400'], ['   ']])('explains that whole kWh are wanted for %p and asks again', async (typed) => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    const replies = await customer.says(typed);
    expect(replies[0]).toBe('Показание — целое число кВт·ч, как на счётчике, без цифр после запятой и без букв. Например: 12345.');
    expect(replies[1]).toContain('Лицевой счёт 100000000001, счётчик CE102-0100001, показание.');
  });

  it('refuses more digits than the meter has', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    expect((await customer.says('1234567'))[0]).toBe('На этом счётчике 6 цифр до запятой — в показании их не может быть больше. Проверьте значение.');
  });

  it('refuses a value below the last accepted one, keeping the zones already given', async () => {
    const customer = await world.linkedCustomer('100000000002', '2187,45');
    await customer.presses('Передать показания');
    await customer.says('44400');
    const replies = await customer.says('18000');
    expect(replies[0]).toBe('18000 меньше последнего принятого показания (18795). Проверьте значение и введите его ещё раз.');
    expect(replies[1]).toContain('ночь');
    expect((await customer.says('18890'))[0]).toContain('день: 44400');
  });

  it('asks to confirm a rollover past the meter capacity', async () => {
    await world.orm.em.fork().nativeUpdate(MeterReading, { zone: 'single', period: '2026-10' }, { value: 999_950 });
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    expect(await customer.says('120')).toEqual([
      '120 меньше последнего принятого показания (999950). Если счётчик дошёл до максимума и начал счёт с нуля, расход составит 170 кВт·ч. Так и было?',
    ]);
    expect((await customer.presses('Да, верно'))[0]).toContain('CE102-0100001, показание: 120 (расход 170 кВт·ч)');
  });

  it('queries an implausible jump, and takes a correction', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    expect(await customer.says('43416')).toEqual(['С показанием 43416 расход составит 9 100 кВт·ч — намного больше обычного (216 кВт·ч в месяц). Всё верно?']);
    expect((await customer.presses('Исправить'))[0]).toContain('Лицевой счёт 100000000001, счётчик CE102-0100001');
    expect((await customer.says('34416'))[0]).toContain('34416 (расход 100 кВт·ч)');
  });

  it('asks every zone again when the customer corrects the summary', async () => {
    const customer = await world.linkedCustomer('100000000002', '2187,45');
    await customer.presses('Передать показания');
    await customer.says('44400');
    await customer.says('18890');
    expect((await customer.presses('Исправить'))[0]).toContain('день');
    await customer.says('44401');
    expect((await customer.says('18891'))[0]).toContain('день: 44401');
  });

  it('takes readings without linking: number, masked address, consent', async () => {
    const customer = world.customer();
    await customer.says('/start');
    expect(await customer.presses('Передать показания')).toEqual([
      'Передать показания можно и без привязки чата: понадобится номер лицевого счёта.',
      expect.stringContaining('Введите номер лицевого счёта'),
    ]);
    await customer.says('100000000003');
    await customer.presses('Да');
    expect((await customer.presses('Принимаю и согласен'))[0]).toContain('Лицевой счёт 100000000003, счётчик CE303-0300003, пик.');
    await customer.says('13900');
    await customer.says('27300');
    expect((await customer.says('17300'))[0]).toContain('CE303-0300003, ночь: 17300 (расход 41 кВт·ч)');
    await customer.presses('Передать');
    expect(await readings()).toHaveLength(3);
  });

  it('says when the owner has turned readings without linking off, and offers to link', async () => {
    await world.orm.em.fork().nativeUpdate(Account, { number: '100000000003' }, { readingsWithoutLinkAllowed: false });
    const customer = world.customer();
    await customer.says('/readings');
    await customer.says('100000000003');
    expect(await customer.presses('Да')).toEqual([
      'Владелец этого счёта запретил передавать показания без привязки. Привяжите счёт, чтобы передать их.',
      'Что вы хотите сделать?',
    ]);
    expect(customer.buttons()).toContain('Привязать лицевой счёт');
  });

  it('limits unknown account numbers like linking does, so accounts cannot be enumerated', async () => {
    const customer = world.customer();
    await customer.says('/readings');
    await talk(customer, [
      {
        say: '999999999991',
        expect: [
          'Такого лицевого счёта не нашлось: проверьте номер по квитанции.\nОсталось 4 попытки.',
          expect.stringContaining('Введите номер лицевого счёта'),
        ],
      },
      { say: '999999999992', expect: [expect.stringContaining('Осталось 3 попытки.'), expect.any(String)] },
      { say: '999999999993', expect: [expect.stringContaining('Осталось 2 попытки.'), expect.any(String)] },
      { say: '999999999994', expect: [expect.stringContaining('Осталась 1 попытка.'), expect.any(String)] },
      {
        say: '999999999995',
        expect: [
          'Слишком много неверных номеров лицевого счёта. Передать показания без привязки можно будет после 25.11.2026, 12:00 (время московское); по привязанному счёту — в любой момент.',
          'Что вы хотите сделать?',
        ],
      },
      {
        press: 'Передать показания',
        expect: [
          'Передать показания можно и без привязки чата: понадобится номер лицевого счёта.',
          expect.stringContaining('Передать показания без привязки можно будет после 25.11.2026, 12:00'),
          'Что вы хотите сделать?',
        ],
      },
    ]);
  });
});

describe('readings for a period billing has closed', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('says so before asking anything, with when the next readings can be sent', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001')] },
      { say: '34400', expect: [expect.stringContaining('34400 (расход 84 кВт·ч)')] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
      { press: 'Не нужно', expect: [expect.any(String)] },
    ]);
    await world.services.readings.accept(parseAccountNumberOrFail('100000000001'), '2026-11');
    await talk(customer, [
      {
        say: 'передать показания',
        expect: [
          'Показания за 11.2026 уже учтены при расчёте — изменить их нельзя. Следующие показания можно передать с 1-го числа, за 12.2026.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
    ]);
  });

  it('saves nothing and says so when billing takes the period while the customer types', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    await customer.says('34400');
    await world.orm.em.fork().insert(MeterReading, {
      meter: (await world.orm.em.fork().findOneOrFail(Meter, { serialNumber: 'CE102-0100001' })).id,
      zone: 'single',
      period: '2026-11',
      value: 34390,
      consumptionKwh: 74,
      channel: 'site',
      submittedAt: world.clock.at,
      accepted: true,
    });
    await talk(customer, [{ press: 'Передать', expect: [expect.stringContaining('Показания за 11.2026 уже учтены при расчёте'), expect.any(String)] }]);
    expect(await world.orm.em.fork().count(MeterReading, { period: '2026-11' })).toBe(1);
    expect(world.errors).toEqual([]);
  });
});

function parseAccountNumberOrFail(value: string): AccountNumber {
  const parsed = parseAccountNumber(value);
  if (!parsed.ok) throw new Error(`not an account number: ${value}`);
  return parsed.value;
}

/** Account 1: one single-zone meter CE102-0100001, last accepted 34316. */
describe('a meter photo sent with the readings', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const askDigits = 'Введите показание счётчика CE102-0100001 цифрами, например 12345.';
  const photos = () => world.orm.em.fork().find(ReadingPhoto, {}, { orderBy: { id: 'asc' } });

  it('keeps a photo sent where the value is asked, still asks for the digits, and keeps it with the submission', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001')] },
      { files: ['meter.jpg'], expect: [`Фото сохранено, оно будет приложено к показаниям. ${askDigits}`], buttons: ['Отмена'] },
      { files: ['meter.jpg'], expect: [`Сохранено фото: 2, они будут приложены к показаниям. ${askDigits}`] },
      { say: '34400', expect: ['Проверьте показания по счёту 100000000001:\nCE102-0100001, показание: 34400 (расход 84 кВт·ч)\nФото счётчика: 2'] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
    ]);
    const [kept, second] = await photos();
    const [handover] = await world.orm.em.fork().find(ReadingHandover, {});
    expect(kept).toEqual(
      expect.objectContaining({
        handoverKey: handover?.key,
        accountNumber: '100000000001',
        period: '2026-11',
        serialNumber: 'CE102-0100001',
        mime: 'image/jpeg',
      }),
    );
    expect(second?.fileId).not.toBe(kept?.fileId);
    // The bytes are kept as appeals' files are, and read back whole.
    expect((await world.attachments.get(kept?.fileId ?? ''))?.bytes.equals(customerFiles['meter.jpg'])).toBe(true);
  });

  it('answers a sticker, a PDF, an empty file, an oversized photo and a sixth photo each clearly, losing neither the value typed nor the photos kept', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('счётчик CE102-0100001')] },
      {
        send: 'sticker',
        expect: [
          'Такое сообщение я прочитать не могу. Введите, пожалуйста, цифры, которые показывает счётчик. Фото счётчика тоже можно прислать — оно будет приложено к показаниям.',
          expect.stringContaining('счётчик CE102-0100001'),
        ],
      },
      {
        files: ['scan.pdf'],
        expect: ['Файл «scan.pdf» не сохранён: это не фотография. К показаниям прикладывается фото счётчика: JPEG, PNG, WebP или GIF.', askDigits],
      },
      { files: ['empty.png'], expect: ['Файл «empty.png» не сохранён: файл пустой.', askDigits] },
      {
        files: ['meter.jpg'],
        declared: 11 * 1024 * 1024,
        expect: ['Файл «meter.jpg» не сохранён: файл весит 11 МБ, а можно не больше 10 МБ. Уменьшите его или пришлите снимок страницы.', askDigits],
      },
      { files: ['meter.jpg', 'meter.jpg', 'meter.jpg', 'meter.jpg'], expect: [`Сохранено фото: 4, они будут приложены к показаниям. ${askDigits}`] },
      {
        files: ['meter.jpg', 'meter.jpg'],
        expect: ['К показаниям можно приложить не больше 5 фото; не сохранено: 1.', `Сохранено фото: 5, они будут приложены к показаниям. ${askDigits}`],
      },
      { files: ['meter.jpg'], expect: ['К показаниям можно приложить не больше 5 фото; не сохранено: 1.', askDigits] },
      { say: '34400', expect: [expect.stringContaining('34400 (расход 84 кВт·ч)\nФото счётчика: 5')] },
      { press: 'Исправить', expect: [expect.stringContaining('счётчик CE102-0100001')] },
      { say: '34401', expect: [expect.stringContaining('34401 (расход 85 кВт·ч)\nФото счётчика: 5')] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
    ]);
    expect(await photos()).toHaveLength(5);
    expect(await world.orm.em.fork().find(MeterReading, { accepted: false })).toEqual([expect.objectContaining({ value: 34401 })]);
    expect(world.errors).toEqual([]);
  });

  it('after readings sent without linking, offers to pay the bill by that account', async () => {
    const customer = world.customer();
    await customer.says('/readings');
    await customer.says('100000000001');
    await customer.presses('Да');
    await customer.presses('Принимаю и согласен');
    await customer.says('34400');
    await talk(customer, [
      {
        press: 'Передать',
        expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)],
        buttons: expect.arrayContaining(['Оплатить счёт по этому лицевому счёту']) as unknown as string[],
      },
    ]);
    const pay = customer.last.flatMap((message) => message.buttons).find((button) => 'data' in button && button.data.startsWith('go:pay:'));
    expect(pay && 'data' in pay && pay.data).toBe('go:pay:account:100000000001');
  });

  it('offers no payment after readings of the linked account: the menu has it', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543.20');
    await customer.presses('Передать показания');
    await customer.says('34400');
    await customer.presses('Передать');
    expect(customer.buttons()).not.toContain('Оплатить счёт по этому лицевому счёту');
  });
});
