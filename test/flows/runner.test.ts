import type { Services } from '../../core/services';
import { AccountLink } from '../../db/entities';
import { createWorld, type World } from '../support/conversation';

describe('the flow runner', () => {
  let world: World;
  afterEach(() => world.close());

  it('acts once on an update delivered twice', async () => {
    world = await createWorld();
    const chat = { channel: 'telegram' as const, id: '42' };
    const first = await world.runner.handle({ chat, updateId: '7', input: { kind: 'text', text: '/start' } });
    const again = await world.runner.handle({ chat, updateId: '7', input: { kind: 'text', text: '/start' } });
    expect(first).toHaveLength(2);
    expect(again).toEqual([]);
  });

  it('handles one update of a chat at a time, in order', async () => {
    world = await createWorld();
    const chat = { channel: 'webchat' as const, id: 'u' };
    const replies = await Promise.all(
      ['/link', '100000000001'].map((text, index) => world.runner.handle({ chat, updateId: `p${index}`, input: { kind: 'text', text } })),
    );
    expect(replies[1]?.[0]?.text).toContain('Адрес по этому счёту');
  });

  it('greets a new chat that writes anything, and explains to a known one that it did not understand', async () => {
    world = await createWorld();
    const customer = world.customer();
    expect((await customer.says('привет'))[0]).toContain('Здравствуйте!');
    expect((await customer.says('привет'))[0]).toBe('Я не понял сообщение. Выберите действие в меню.');
  });

  it('restarts politely a flow saved by an older version of it', async () => {
    world = await createWorld();
    const customer = world.customer();
    await customer.says('/link');
    const key = 'energobot:session:telegram:customer-1';
    const session = await world.sessions.read(key);
    await world.sessions.write(key, { ...session!, flow: { ...session!.flow!, version: 0 } });
    expect(await customer.says('100000000001')).toEqual([
      'Бот обновился, и начатое действие пришлось прервать. Начните его, пожалуйста, заново.',
      'Что вы хотите сделать?',
    ]);
  });

  it('keeps the answers given so far when a service fails, so the customer can retry', async () => {
    let failing = false;
    world = await createWorld({
      services: (real: Services) => ({
        ...real,
        accounts: {
          ...real.accounts,
          card: (number) => (failing ? Promise.reject(new Error('database down')) : real.accounts.card(number)),
          info: (number) => real.accounts.info(number),
          hasPayment: (...args) => real.accounts.hasPayment(...args),
        },
      }),
    });
    const customer = world.customer();
    await customer.says('/link');
    failing = true;
    expect(await customer.says('100000000001')).toEqual([
      'Что-то пошло не так на нашей стороне. Попробуйте ещё раз через минуту — введённые данные сохранены.',
    ]);
    expect(world.errors).toHaveLength(1);
    failing = false;
    expect((await customer.says('100000000001'))[0]).toContain('Адрес по этому счёту');
  });

  it('leaves a flow for a global action at any point', async () => {
    world = await createWorld();
    const customer = world.customer();
    await customer.says('/link');
    await customer.says('100000000001');
    expect((await customer.presses('Нет'))[0]).toContain('Проверьте номер');
    expect((await customer.says('/help'))[0]).toContain('Я умею:');
    expect(await world.orm.em.fork().count(AccountLink, {})).toBe(0);
  });
});
