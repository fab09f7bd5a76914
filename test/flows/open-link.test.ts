import type { AccountNumber } from '../../core/kernel/account-number';
import { createWorld, talk, type World } from '../support/conversation';

/** The e-receipt letter's «Оплатить» and «Передать показания»: `/start <token>`. */
describe('a link from an e-mail opening the chat', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const token = (account: string, task: 'pay' | 'readings', validForMs = 3600_000) =>
    world.services.links.sign(account as AccountNumber, task, new Date(world.clock.now().getTime() + validForMs));

  it('opens the task for the account the chat works with', async () => {
    const customer = await world.linkedCustomer('100000000003', '500');
    expect((await customer.says(`/start ${await token('100000000003', 'pay')}`))[0]).toMatch(/^К оплате по лицевому счёту \d{12} рекомендуется/);
    expect((await customer.says(`/start ${await token('100000000003', 'readings')}`))[0]).toMatch(/^Лицевой счёт 100000000003, счётчик CE303-0300003, пик/);
  });

  it('says what to do when the link is for an account this chat is not linked to, and pays it without linking', async () => {
    await talk(world.customer('stranger'), [
      {
        say: `/start ${await token('100000000001', 'readings')}`,
        expect: ['Ссылка из письма — для лицевого счёта 100000000001, а он не привязан к этому чату. Передайте показания по номеру счёта или привяжите счёт.'],
        buttons: ['Привязать лицевой счёт', 'Передать показания', 'Меню'],
      },
      {
        say: `/start ${await token('100000000001', 'pay')}`,
        expect: [expect.any(String), expect.stringContaining('Адрес по этому счёту')],
        buttons: ['Да', 'Нет'],
      },
    ]);
  });

  it("switches to the account the link is for when it is another of the chat's accounts, and says so", async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await world.linkedCustomer('100000000003', '500', customer);
    const [switched, payment] = await customer.says(`/start ${await token('100000000001', 'pay')}`);
    expect(switched).toBe('Активный счёт — 100000000001: все действия теперь по нему.');
    expect(payment).toMatch(/^К оплате по лицевому счёту \d{12} рекомендуется/);
    expect(await world.services.identities.linkedAccounts(customer.chat)).toEqual(['100000000001', '100000000003']);
  });

  it.each([
    ['expired', async () => token('100000000003', 'pay', -24 * 3600_000)],
    ['forged', async () => (await token('100000000003', 'pay')).replace(/^p100000000003/, 'p100000000001')],
    ['cut short', async () => (await token('100000000003', 'pay')).slice(0, 30)],
  ])('refuses a link that is %s, and shows the menu', async (_, made) => {
    const customer = await world.linkedCustomer('100000000003', '500');
    expect(await customer.says(`/start ${await made()}`)).toEqual([
      'Ссылка из письма устарела или повреждена: такие ссылки действуют 30 дней. Выберите действие в меню.',
      'Лицевой счёт 100000000003. Что вы хотите сделать?',
    ]);
  });
});
