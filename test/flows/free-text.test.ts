import { createWorld, talk, type World } from '../support/conversation';

/** What free text at the menu answers besides the tasks' own words: tariffs, thanks, a person, a complaint. */
describe('free text at the menu', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('answers the tariffs in force for the linked account’s zones', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      {
        say: 'какой у меня тариф',
        expect: [
          'Тарифы по счёту 100000000001, действующие в этом месяце:\nОдноставочный тариф: 6,64 ₽ за кВт·ч',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
    ]);
  });

  it('answers a multi-zone account with each of its zones', async () => {
    const customer = await world.linkedCustomer('100000000003', '500');
    await talk(customer, [
      {
        say: 'тариф',
        expect: [
          'Тарифы по счёту 100000000003, действующие в этом месяце:\nНочная зона: 3,99 ₽ за кВт·ч\nПиковая зона: 8,64 ₽ за кВт·ч\nПолупиковая зона: 6,64 ₽ за кВт·ч',
          'Лицевой счёт 100000000003. Что вы хотите сделать?',
        ],
      },
    ]);
  });

  it('tells a chat with no account the supplier’s tariffs and offers to link', async () => {
    await talk(world.customer('stranger'), [
      {
        say: 'тарифы',
        expect: [
          [
            'Тарифы на электроэнергию, действующие в этом месяце:',
            'Одноставочный тариф: 6,64 ₽ за кВт·ч',
            'Дневная зона: 7,71 ₽ за кВт·ч',
            'Ночная зона: 3,99 ₽ за кВт·ч',
            'Пиковая зона: 8,64 ₽ за кВт·ч',
            'Полупиковая зона: 6,64 ₽ за кВт·ч',
            'Привяжите лицевой счёт, чтобы видеть тариф по зонам вашего счётчика.',
          ].join('\n'),
        ],
        buttons: ['Привязать лицевой счёт', 'Меню'],
      },
    ]);
  });

  it('answers thanks shortly, with the menu', async () => {
    await talk(world.customer('stranger'), [
      { say: 'спасибо!', expect: ['Пожалуйста! Рады помочь.', 'Что вы хотите сделать?'] },
      { say: 'thanks', expect: ['Пожалуйста! Рады помочь.', 'Что вы хотите сделать?'] },
    ]);
  });

  it('offers an appeal to one asking for a person when no operator is on duty', async () => {
    await talk(world.customer('stranger'), [
      {
        say: 'живой человек',
        expect: ['Сейчас нет свободных операторов. Напишите обращение — ответ придёт сюда и на e-mail.'],
        buttons: ['Написать обращение', 'Меню'],
      },
    ]);
  });

  it('opens an appeal for a complaint typed at the menu, not readings', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    const said = await customer.says('Прошу проверить начисление за октябрь: показания передавал вовремя, а начислили по нормативу. Разберитесь, пожалуйста.');
    expect(said.join('\n')).not.toMatch(/показани[ея] целым числом/);
    // The appeal flow takes the words into its message field (the appeals' own tests show how).
    expect(said[0]).toMatch(/обращени/);
  });
});
