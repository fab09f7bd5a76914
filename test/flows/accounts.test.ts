import { confirmEReceiptChange } from '../../core/features/e-receipt/confirm-e-receipt';
import { Account, AccountLink, ChatPush, QueuedMail } from '../../db/entities';
import { confirmationTokenMailedTo } from '../support/mailed-links';
import { createWorld, talk, type Customer, type World } from '../support/conversation';

/** The start token of the last invite the bot gave in this chat. */
function inviteIn(messages: readonly string[]): string {
  const token = /\?start=(inv_[\w-]+)/.exec(messages.join('\n'))?.[1];
  if (!token) throw new Error(`no invite link in ${JSON.stringify(messages)}`);
  return token;
}

const pushesTo = (world: World, chatId: string) => world.orm.em.fork().find(ChatPush, { chatId }, { orderBy: { id: 'asc' } });

describe('several accounts, who is linked, settings and invites', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('links a second account as the active one, lists both, switches, and says which is active after a removal', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await customer.says('/link');
    await customer.says('100000000003');
    await customer.presses('Да');
    await customer.presses('Принимаю и согласен');
    const [linked] = await customer.says('500');
    expect(linked).toBe(
      'Готово! Лицевой счёт 100000000003 привязан к этому чату и теперь активный: все действия — по нему. Переключиться на другой счёт можно в разделе «Мои лицевые счета».',
    );
    await talk(customer, [
      {
        say: '/accounts',
        expect: [
          'Ваши лицевые счета (2 из 10):\n✓ 100000000003 — г. Ростов-на-Дону, пр. Будённовский, д. 6*, кв. 1**, долг 5 617,11 ₽ (активный)\n• 100000000001 — г. Воронеж, ул. Кольцовская, д. 2*, кв. 1*, переплата 241,76 ₽\nВсе действия — по активному счёту.',
        ],
        buttons: ['Перейти к счёту 100000000001', 'Добавить лицевой счёт', 'Удалить счёт из списка', 'Кто привязан', 'Меню'],
      },
      {
        press: 'Перейти к счёту 100000000001',
        expect: ['Активный счёт — 100000000001: все действия теперь по нему.', 'Лицевой счёт 100000000001. Что вы хотите сделать?'],
      },
      { press: 'Информация по счёту', expect: [expect.stringContaining('100000000001'), 'Лицевой счёт 100000000001. Что вы хотите сделать?'] },
      { say: '/unlink', expect: ['Какой счёт удалить из списка этого чата?'], buttons: ['Счёт 100000000001', 'Счёт 100000000003', 'Отмена'] },
      { press: 'Счёт 100000000001', expect: ['Отвязать лицевой счёт 100000000001 от этого чата? Привязать его снова можно в любой момент.'] },
      {
        press: 'Да, отвязать',
        expect: ['Лицевой счёт 100000000001 отвязан от этого чата. Теперь активный счёт — 100000000003.', 'Лицевой счёт 100000000003. Что вы хотите сделать?'],
      },
      { say: '/unlink', expect: ['Отвязать лицевой счёт 100000000003 от этого чата? Привязать его снова можно в любой момент.'] },
      { press: 'Да, отвязать', expect: ['Лицевой счёт 100000000003 отвязан от этого чата.', 'Что вы хотите сделать?'] },
      { say: '/accounts', expect: ['К этому чату не привязан ни один лицевой счёт.'], buttons: ['Привязать лицевой счёт', 'Меню'] },
    ]);
    // An old «switch» button of a removed account switches nothing.
    expect(await customer.pressesData('go:accounts:switch_100000000001')).toEqual([
      'Лицевой счёт 100000000001 не привязан к этому чату.',
      'Что вы хотите сделать?',
    ]);
  });

  it("voids an invite once its inviter's chat is unlinked from the account, before the consent and after it", async () => {
    const owner = await world.linkedCustomer('100000000001', '1543,20');
    await owner.says('/chats');
    const before = inviteIn(await owner.presses('Пригласить члена семьи'));
    await owner.says('/chats');
    const during = inviteIn(await owner.presses('Пригласить члена семьи'));
    const relative = world.customer('relative');
    await relative.says(`/start ${during}`);
    await owner.says('/unlink');
    expect((await owner.presses('Да, отвязать'))[0]).toBe('Лицевой счёт 100000000001 отвязан от этого чата.');
    const voided = 'Эта ссылка больше не действует: пригласивший отвязал счёт от своего чата. Попросите новую ссылку или привяжите счёт сами.';
    expect((await relative.presses('Принимаю и согласен'))[0]).toBe(voided);
    expect((await world.customer('other').says(`/start ${before}`))[0]).toBe(voided);
    expect(await world.orm.em.fork().count(AccountLink, { account: '100000000001' })).toBe(0);
  });

  it("refuses to add by proof an account whose owner forbade management from another chat, naming the setting; the owner's invite links it, once", async () => {
    const owner = await world.linkedCustomer('100000000001', '1543,20');
    await owner.says('/settings');
    expect(owner.buttons()).toEqual([
      'Запретить показания без привязки',
      'Запретить управление из другого чата',
      'Изменить e-mail',
      'Электронная квитанция',
      'Кто привязан',
      'Меню',
    ]);
    expect((await owner.presses('Запретить управление из другого чата'))[0]).toMatch(/^Управление счётом из другого чата запрещено/);

    const relative = world.customer('relative');
    await relative.says('/link');
    await relative.says('100000000001');
    expect((await relative.presses('Да'))[0]).toBe(
      'Лицевой счёт 100000000001 уже привязан к другому чату, и его владелец запретил управление счётом из другого чата (настройка «Управление счётом»). Попросите владельца прислать вам приглашение: «Мои лицевые счета» → «Кто привязан» → «Пригласить».',
    );
    expect(await world.orm.em.fork().count(AccountLink, { identity: { externalId: 'relative' } })).toBe(0);

    await owner.says('/chats');
    const invite = inviteIn(await owner.presses('Пригласить члена семьи'));
    await talk(relative, [
      {
        say: `/start ${invite}`,
        expect: [
          'Вас пригласили к лицевому счёту 100000000001, адрес: г. Воронеж, ул. Кольцовская, д. 2*, кв. 1*.\nЧтобы работать со счётом в этом чате, примите условия пользования цифровыми сервисами и дайте согласие на обработку персональных данных.',
        ],
      },
      {
        press: 'Принимаю и согласен',
        expect: [
          'Готово! Лицевой счёт 100000000001 привязан к этому чату.',
          expect.stringContaining('Лицевой счёт 100000000001'),
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
      {
        say: `/start ${invite}`,
        expect: [
          'Это приглашение уже использовано: каждое работает один раз. Попросите владельца счёта прислать новое.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
    ]);
    expect(await world.customer('stranger').says(`/start ${invite}`)).toEqual([
      'Это приглашение уже использовано: каждое работает один раз. Попросите владельца счёта прислать новое.',
      'Что вы хотите сделать?',
    ]);
    expect((await pushesTo(world, 'customer-1')).map((push) => push.messageKey)).toEqual(['push-invite-taken']);

    // The invited chat sees settings and who is linked, and changes nothing.
    await relative.says('/settings');
    expect(relative.reply.messages.map((message) => message.kind)).toEqual(['facts', 'text']);
    expect(relative.buttons()).toEqual(['Кто привязан', 'Меню']);
    expect(await relative.says('/chats')).toEqual([
      'К лицевому счёту 100000000001 привязаны чаты:\n• Telegram •••mer1, с 24.11.2026, 12:00, по платежу\n• Telegram •••tive, с 24.11.2026, 12:00, по приглашению — этот чат',
      'Этот чат привязан по приглашению: отзывать доступ и менять настройки может только владелец — чат, привязанный по платежу.',
    ]);
  });

  it("lets the owner revoke another chat: that chat is told, the account's e-mail too, and a second revocation finds it gone", async () => {
    const owner = await world.linkedCustomer('100000000001', '1543,20');
    const other = await world.linkedCustomer('100000000001', '1543,20', world.customer('second-phone'));
    await owner.says('/chats');
    expect(owner.buttons()).toEqual(['Отозвать доступ: Telegram •••hone', 'Пригласить члена семьи', 'Меню']);
    await owner.presses('Отозвать доступ: Telegram •••hone');
    const [revoked] = await owner.presses('Да, отозвать');
    // Said to the owner about their own mailbox; the channel's name stands on its own («чат на сайте» never after «чата»).
    expect(revoked).toBe('Доступ к лицевому счёту 100000000001 отозван: Telegram •••hone. Письмо об этом отправлено на вашу почту d***@example.ru.');
    expect(await world.services.identities.linkedAccounts(other.chat)).toEqual([]);
    expect((await pushesTo(world, 'second-phone')).map((push) => push.messageKey)).toEqual(['push-link-revoked']);
    expect(await world.orm.em.fork().count(QueuedMail, { recipient: 'demo1@example.ru', subject: 'Доступ к лицевому счёту 100000000001 отозван' })).toBe(1);
    // The revoked chat's next message finds no account.
    expect((await other.says('/info'))[0]).toBe('Этот чат ещё не привязан к лицевому счёту. Привяжите счёт, чтобы видеть информацию по нему.');
  });

  it('turns readings without linking off from 24 hours on, says from when, and cancels the change when asked back', async () => {
    const owner = await world.linkedCustomer('100000000003', '500');
    await owner.says('/settings');
    const [off] = await owner.presses('Запретить показания без привязки');
    expect(off).toMatch(/^Изменение вступит в силу в течение 24 часов: с 25\.11\.2026, 12:00 передача показаний без привязки будет запрещена\.$/);
    const [facts] = await owner.says('/settings');
    expect(facts).toContain('Передача показаний без привязки: включена; с 25.11.2026, 12:00 будет выключена');
    await owner.presses('Меню');
    const stranger = world.customer('stranger');
    const tryWithoutLink = async () => {
      await stranger.says('/readings');
      await stranger.says('100000000003');
      return stranger.presses('Да');
    };
    expect((await tryWithoutLink())[0]).toMatch(/^Чтобы передать показания, дайте согласие/);
    await stranger.says('/cancel');
    world.clock.advance(24 * 3600_000);
    expect((await tryWithoutLink())[0]).toBe('Владелец этого счёта запретил передавать показания без привязки. Привяжите счёт, чтобы передать их.');
    await owner.says('/settings');
    expect((await owner.presses('Разрешить показания без привязки'))[0]).toMatch(/^Изменение вступит в силу в течение 24 часов/);
    await owner.says('/settings');
    expect((await owner.presses('Запретить показания без привязки'))[0]).toBe('Передача показаний без привязки остаётся запрещённой; изменение отменено.');
  });

  it("changes the account's e-mail only once the link mailed to the new address is followed, and tells the old one", async () => {
    const owner: Customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(owner, [
      { say: '/settings', expect: [expect.stringContaining('E-mail счёта: d***@example.ru'), 'Что изменить?'] },
      {
        press: 'Изменить e-mail',
        expect: ['Введите новый e-mail счёта, например: ivanova@mail.ru. На него придёт письмо со ссылкой: адрес сменится, только когда вы по ней перейдёте.'],
      },
      { say: 'DEMO1@example.ru', expect: ['Это тот же адрес, что уже указан. Введите другой.', expect.stringMatching(/^Введите новый e-mail/)] },
      { say: 'new.mail.ru', expect: [expect.stringMatching(/^Это не похоже на адрес электронной почты/), expect.stringMatching(/^Введите новый e-mail/)] },
      {
        say: 'maria@new.example',
        expect: ['Письмо со ссылкой отправлено на m***@new.example. Перейдите по ней в течение 24 часов — без этого e-mail не изменится.'],
      },
    ]);
    const stored = async () => (await world.orm.em.fork().findOneOrFail(Account, { number: '100000000001' })).email;
    expect(await stored()).toBe('demo1@example.ru');
    const token = await confirmationTokenMailedTo(world, 'maria@new.example');
    const confirm = () => confirmEReceiptChange(world.services, token, world.clock.now(), 'Europe/Moscow');
    expect(await confirm()).toMatchObject({ outcome: 'confirmed' });
    expect(await confirm()).toMatchObject({ outcome: 'used' });
    expect(await stored()).toBe('maria@new.example');
    expect(await world.orm.em.fork().count(QueuedMail, { recipient: 'demo1@example.ru', subject: 'E-mail лицевого счёта 100000000001 изменён' })).toBe(1);
    expect((await pushesTo(world, 'customer-1')).map((push) => push.messageKey)).toEqual(['settings-email-changed']);
  });

  it('refuses an invite that expired or was forged', async () => {
    const owner = await world.linkedCustomer('100000000001', '1543,20');
    await owner.says('/chats');
    const invite = inviteIn(await owner.presses('Пригласить члена семьи'));
    expect(await world.customer('x').says(`/start ${invite.slice(0, -3)}abc`)).toEqual([
      'Ссылка-приглашение не найдена: возможно, она скопирована не полностью. Попросите владельца счёта прислать новую.',
      'Что вы хотите сделать?',
    ]);
    world.clock.advance(24 * 3600_000 + 1);
    expect(await world.customer('y').says(`/start ${invite}`)).toEqual([
      'Срок действия приглашения истёк: приглашения действуют 24 часа. Попросите владельца счёта прислать новое.',
      'Что вы хотите сделать?',
    ]);
  });
});

describe('every task says which account it acts on', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it.each(['/info', '/pay', '/readings', '/receipts', '/history', '/charges', '/payments', '/ereceipt', '/monthly', '/settings', '/chats'])(
    '%s names the active account of two in its first message',
    async (command) => {
      const customer = await world.linkedCustomer('100000000001', '1543,20');
      await world.linkedCustomer('100000000003', '500', customer);
      const [first] = await customer.says(command);
      expect(first).toContain('100000000003');
    },
  );
});
