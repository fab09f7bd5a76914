import { SqlInterruptions } from '../../db/repositories/sql-interruptions';
import { createWorld, talk, type World } from '../support/conversation';

const planned = {
  kind: 'planned' as const,
  area: 'г. Воронеж, ул. Кольцовская, д. 20–30',
  from: new Date('2026-12-05T06:00:00Z'),
  until: new Date('2026-12-05T14:00:00Z'),
  reason: 'замена кабеля',
};
const told = '⚡ Плановое отключение электроэнергии: г. Воронеж, ул. Кольцовская, д. 20–30.\nС 05.12.2026, 09:00 до 05.12.2026, 17:00. Причина: замена кабеля.';

/** «Нет света?»: what is announced at the chat's address, or whom to call. */
describe('no power', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('tells a linked chat what is announced at its account’s address, and whom to call when nothing is', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      {
        say: 'у нас нет света',
        expect: [
          'По адресу г. Воронеж, ул. Кольцовская, д. 24, кв. 17 отключений не объявлено.\nЕсли света нет, звоните в аварийную службу: 8 800 000-00-02 (круглосуточно) или в диспетчерскую: 8 800 000-00-01. Можно и сообщить об отключении обращением.',
        ],
        buttons: ['Сообщить об отключении', 'Меню'],
      },
      // The topic is set: the appeal goes on from the name.
      { press: 'Сообщить об отключении', expect: ['Представьтесь, пожалуйста: как к вам обращаться?'] },
    ]);
    const interruptions = new SqlInterruptions(world.orm);
    await interruptions.publish(planned, new Date('2026-12-01T10:00:00Z'));
    await interruptions.publish({ ...planned, area: 'г. Воронеж, ул. Плехановская' }, new Date('2026-12-01T10:00:00Z'));
    await talk(customer, [{ say: 'когда дадут свет?', expect: [told, 'Лицевой счёт 100000000001. Что вы хотите сделать?'] }]);
  });

  it('asks a chat with no account for the address, until it names its locality', async () => {
    await new SqlInterruptions(world.orm).publish(planned, new Date('2026-12-01T10:00:00Z'));
    await talk(world.customer('stranger'), [
      { say: '/outage', expect: ['Напишите адрес, как в квитанции, начиная с населённого пункта. Например: г. Воронеж, ул. Кольцовская, д. 24.'] },
      {
        say: 'Кольцовская 24',
        expect: [
          'Не понял адрес: начните с населённого пункта, как в квитанции. Например: г. Воронеж, ул. Кольцовская, д. 24.',
          'Напишите адрес, как в квитанции, начиная с населённого пункта. Например: г. Воронеж, ул. Кольцовская, д. 24.',
        ],
      },
      { say: 'г. Воронеж, улица Кольцовская, дом 24', expect: [told, 'Что вы хотите сделать?'] },
      { say: '/outage', expect: [expect.stringContaining('Напишите адрес')] },
      { say: 'г. Липецк, ул. Ленина, 5', expect: [expect.stringMatching(/^По адресу г\. Липецк, ул\. Ленина, 5 отключений не объявлено\./)] },
    ]);
  });
});
