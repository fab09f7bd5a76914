import { createWorld, talk, type Customer, type World } from '../support/conversation';
import { paymentQrOf, pdfText } from '../support/pdf';

/** The world is seeded in November 2026: October is the last month billed. */
describe('receipts', () => {
  let world: World;
  afterEach(() => world.close());

  async function pdfOf(customer: Customer): Promise<Buffer> {
    const file = customer.file();
    expect(file).toMatchObject({ mime: 'application/pdf' });
    return (await world.services.files.get(file!.id))!.bytes;
  }

  describe('account 1: e-receipt since May 2020', () => {
    let customer: Customer;
    beforeEach(async () => {
      world = await createWorld();
      customer = await world.linkedCustomer('100000000001', '1543,20');
    });

    it('sends the last month with a summary, a Pay button and the payment QR that matches it', async () => {
      await talk(customer, [
        {
          press: 'Квитанции',
          expect: ['Квитанция по счёту 100000000001: выберите месяц или введите его, например: 10.2026 или «октябрь 2026».'],
          buttons: ['10.2026', '09.2026', '08.2026', '07.2026', 'Отмена'],
        },
        {
          press: '10.2026',
          expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 10\.2026: начислено [\d ]+,\d\d ₽, к оплате 0,00 ₽ до 10\.11\.2026\.$/)],
          buttons: ['Другой месяц', 'Меню', 'Присылать сюда каждый месяц'],
        },
      ]);
      const pdf = await pdfOf(customer);
      const words = pdfText(pdf);
      expect(words).toContain('Квитанция на оплату электроэнергии за 10.2026');
      expect(words).toContain('100000000001');
      expect(words).toMatch(/Итого к оплате до 10\.11\.2026\s+0,00 ₽/);
      expect(paymentQrOf(pdf)).toMatchObject({
        header: 'ST00012',
        PersAcc: '100000000001',
        Sum: '0',
        PaymPeriod: '102026',
        BIC: '044525000',
        TechCode: '02',
        LastName: 'Иванова',
      });
    });

    it('reads a typed month in digits or words, and gives the same document for the same month', async () => {
      await customer.presses('Квитанции');
      await customer.says('октябрь 2026');
      const first = await pdfOf(customer);
      await customer.says('/receipts');
      await customer.says('10.2026');
      expect((await pdfOf(customer)).equals(first)).toBe(true);
      await customer.says('/receipts');
      expect(await customer.says('May 2020')).toEqual([expect.stringMatching(/^Квитанция по счёту 100000000001 за 05\.2020/)]);
      expect(await customer.says('/receipts 09.2026')).toEqual([expect.stringMatching(/^Квитанция по счёту 100000000001 за 09\.2026/)]);
    });

    it.each([
      ['12.2014', 'Квитанции хранятся с января 2015 года, за 12.2014 квитанции нет.'],
      ['11.2026', 'Квитанция за 11.2026 ещё не выставлена: последняя — за 10.2026.'],
      ['13.2026', 'Не получилось прочитать месяц. Введите его так: 10.2026 или «октябрь 2026».'],
      ['вчера', 'Не получилось прочитать месяц. Введите его так: 10.2026 или «октябрь 2026».'],
      ['x'.repeat(4000), 'Не получилось прочитать месяц. Введите его так: 10.2026 или «октябрь 2026».'],
    ])('answers %p clearly and asks again', async (typed, answer) => {
      await customer.presses('Квитанции');
      expect(await customer.says(typed)).toEqual([answer, expect.stringMatching(/^Квитанция по счёту 100000000001: выберите месяц/)]);
      expect(customer.buttons()).toContain('10.2026');
    });

    it('asks for the month in digits when a photo comes instead', async () => {
      await customer.presses('Квитанции');
      expect(await customer.sends('photo')).toEqual([
        'Введите месяц цифрами, например: 10.2026, — или выберите его на кнопке.',
        expect.stringMatching(/^Квитанция по счёту/),
      ]);
    });
  });

  describe('a month said in free text', () => {
    let customer: Customer;
    beforeEach(async () => {
      world = await createWorld();
      customer = await world.linkedCustomer('100000000001', '1543,20');
    });

    it('gives the month asked for at the menu, a month alone being the latest one not in the future', async () => {
      await talk(customer, [
        { say: 'квитанция за октябрь', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 10\.2026: начислено/)] },
        { say: 'пришлите квитанцию за сентябрь 2026', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 09\.2026/)] },
        // In November 2026 «декабрь» is last December.
        { say: 'квитанция за декабрь', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 12\.2025/)] },
        {
          say: 'квитанция за ноябрь',
          expect: [
            'Квитанция за 11.2026 ещё не выставлена: последняя — за 10.2026.',
            expect.stringMatching(/^Квитанция по счёту 100000000001: выберите месяц/),
          ],
          buttons: ['10.2026', '09.2026', '08.2026', '07.2026', 'Отмена'],
        },
      ]);
    });

    it('takes a month typed right after a receipt without «Другой месяц»', async () => {
      await talk(customer, [
        { press: 'Квитанции', expect: [expect.stringContaining('выберите месяц')] },
        { press: '10.2026', expect: [expect.stringMatching(/за 10\.2026/)], buttons: ['Другой месяц', 'Меню', 'Присылать сюда каждый месяц'] },
        { say: 'март 2019', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 03\.2019: начислено/)] },
        { say: 'Oct 2026', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 10\.2026: начислено/)] },
        { say: '08.2026', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 08\.2026: начислено/)] },
      ]);
    });

    it('accepts a month alone where the month is asked, and explains one to come', async () => {
      await talk(customer, [
        { press: 'Квитанции', expect: [expect.stringContaining('выберите месяц')] },
        { say: 'сентябрь', expect: [expect.stringMatching(/^Квитанция по счёту 100000000001 за 09\.2026/)] },
        { press: 'Другой месяц', expect: [expect.stringContaining('выберите месяц')] },
        {
          say: 'ноябрь',
          expect: ['Квитанция за 11.2026 ещё не выставлена: последняя — за 10.2026.', expect.stringContaining('выберите месяц')],
        },
      ]);
    });
  });

  describe('archive rule', () => {
    beforeEach(async () => {
      world = await createWorld();
    });

    it('keeps every month up to April 2020, and later only those that went out electronically', async () => {
      const customer = await world.linkedCustomer('100000000002', '2187,45');
      await talk(customer, [
        { press: 'Квитанции', expect: [expect.stringContaining('выберите месяц')], buttons: ['04.2020', '03.2020', '02.2020', '01.2020', 'Отмена'] },
        {
          say: '10.2026',
          expect: [
            'Квитанции за 10.2026 в архиве нет: до 04.2020 в архиве все квитанции, а с мая 2020 года — только полученные в электронном виде (услуга «Электронная квитанция»). Доступны: 04.2020, 03.2020, 02.2020, 01.2020.',
            expect.stringContaining('выберите месяц'),
          ],
        },
        { say: '03.2020', expect: [expect.stringMatching(/^Квитанция по счёту 100000000002 за 03\.2020: начислено/)] },
      ]);
    });

    it('for account 3 (e-receipt since 2023): 2023 on and up to April 2020, not between', async () => {
      const customer = await world.linkedCustomer('100000000003', '500');
      await customer.presses('Квитанции');
      expect((await customer.says('06.2021'))[0]).toContain('Доступны: 10.2026, 09.2026, 08.2026, 07.2026.');
      // An old or forged month button gets the same answer, and the question.
      expect(await customer.pressesData('go:receipts:2021-06')).toEqual([
        expect.stringMatching(/^Квитанции за 06\.2021 в архиве нет/),
        expect.stringMatching(/выберите месяц/),
      ]);
      expect((await customer.says('01.2023'))[0]).toMatch(/^Квитанция по счёту 100000000003 за 01\.2023/);
      await customer.says('/receipts');
      const [caption] = await customer.presses('10.2026');
      expect(caption).toMatch(/к оплате 5 617,11 ₽ до 10\.11\.2026\.$/);
      expect(customer.buttons()).toEqual(['Оплатить', 'Другой месяц', 'Меню', 'Присылать сюда каждый месяц']);
      const pdf = (await world.services.files.get(customer.file()!.id))!.bytes;
      expect(paymentQrOf(pdf)).toMatchObject({ PersAcc: '100000000003', Sum: '561711', PaymPeriod: '102026', LastName: 'Смирнов' });
      const words = pdfText(pdf);
      expect(words).toContain('CE303-0300003, пик');
      expect(words).toMatch(/Итого к оплате до 10\.11\.2026\s+5 617,11 ₽/);
    });

    it('asks a chat without an account to link first', async () => {
      expect(await world.customer('stranger').says('/receipts')).toEqual([
        'Квитанции доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их получать.',
        'Что вы хотите сделать?',
      ]);
    });
  });

  describe('monthly receipt in the chat', () => {
    beforeEach(async () => {
      world = await createWorld();
    });

    it('opts in and out per chat and account, and says how it stands', async () => {
      const customer = await world.linkedCustomer('100000000001', '1543,20');
      await talk(customer, [
        {
          say: '/monthly',
          expect: ['Квитанция по счёту 100000000001 не приходит в этот чат сама. Её всегда можно запросить в разделе «Квитанции».'],
          buttons: ['Присылать сюда каждый месяц', 'Меню'],
        },
        {
          press: 'Присылать сюда каждый месяц',
          expect: ['Квитанция по счёту 100000000001 будет приходить в этот чат каждый месяц, как только её выставят.'],
          buttons: ['Не присылать каждый месяц', 'Меню'],
        },
        { press: 'Не присылать каждый месяц', expect: [expect.stringContaining('не приходит в этот чат сама')] },
      ]);
      await customer.pressesData('go:monthly:on');
      await customer.pressesData('go:monthly:on');
      expect(await world.services.monthlyReceipts.isOptedIn(customer.chat, '100000000001' as never)).toBe(true);
      expect(await world.services.monthlyReceipts.isOptedIn(world.customer('other').chat, '100000000001' as never)).toBe(false);
    });

    it('stops by the pushed receipt’s «Не присылать», for that account, whichever the chat acts for', async () => {
      const customer = await world.linkedCustomer('100000000001', '1543,20');
      await customer.pressesData('go:monthly:on');
      await talk(customer, [
        {
          pressData: 'go:monthly:off:100000000001',
          expect: ['Квитанция по счёту 100000000001 не приходит в этот чат сама. Её всегда можно запросить в разделе «Квитанции».'],
          buttons: ['Присылать сюда каждый месяц', 'Меню'],
        },
      ]);
      expect(await world.services.monthlyReceipts.isOptedIn(customer.chat, '100000000001' as never)).toBe(false);
      // A malformed account in the button changes nothing: how the active account stands is said.
      expect(await customer.pressesData('go:monthly:off:12345')).toEqual([expect.stringContaining('не приходит в этот чат сама')]);
    });
  });
});
