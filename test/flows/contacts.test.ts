import { createWorld, talk, type World } from '../support/conversation';

const card = [
  'АО «Энергосбыт» (демо): контакты',
  'Аварийная служба, круглосуточно: 8 800 000-00-02',
  'Диспетчерская служба: 8 800 000-00-01',
  'Телефон: 8 800 000-00-00',
  'Офис: г. Москва, ул. Примерная, д. 1',
  'Часы работы: пн–чт 8:00–17:00, пт 8:00–15:45',
].join('\n');

/** The supplier's contacts, as the configuration gives them: for any chat, linked or not. */
describe('contacts', () => {
  let world: World;
  afterEach(() => world.close());

  it('shows the emergency and dispatch numbers, the office and its hours by command, by free text and from «Ещё…»', async () => {
    world = await createWorld();
    await talk(world.customer('stranger'), [
      { say: '/contacts', expect: [card, 'Что вы хотите сделать?'] },
      { say: 'куда звонить, если искрит провод? нужна аварийная служба', expect: [card, 'Что вы хотите сделать?'] },
      { say: 'часы работы офиса', expect: [card, 'Что вы хотите сделать?'] },
      { press: 'Ещё…', expect: [expect.any(String)], buttons: ['Мои обращения', 'Позвать оператора', 'Контакты', 'Нет света?', 'Что умеет бот', 'Меню'] },
      { press: 'Контакты', expect: [card, 'Что вы хотите сделать?'] },
    ]);
  });

  it('adds the e-mail and the site when they are configured, and speaks English to an English chat', async () => {
    world = await createWorld({
      services: (services) => ({
        ...services,
        policy: { ...services.policy, contacts: { ...services.policy.contacts, email: 'info@energosbyt.example', site: 'https://energosbyt.example' } },
      }),
    });
    const customer = world.customer('english');
    await customer.says('/language');
    await customer.presses('English');
    await talk(customer, [
      {
        say: 'emergency number',
        expect: [
          [
            'АО «Энергосбыт» (демо): contacts',
            'Emergency service, round the clock: 8 800 000-00-02',
            'Dispatch service: 8 800 000-00-01',
            'Phone: 8 800 000-00-00',
            'Office: г. Москва, ул. Примерная, д. 1',
            'Office hours: пн–чт 8:00–17:00, пт 8:00–15:45',
            'E-mail: info@energosbyt.example',
            'Website: https://energosbyt.example',
          ].join('\n'),
          'What would you like to do?',
        ],
      },
    ]);
  });
});
