import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Account, AccountLink, PaymentOrder } from '../../db/entities';
import { bothChannels } from '../support/both-channels';
import type { InlineButton } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { plain, play, type Step } from '../support/test-app';

const linkAccount1: Step[] = [{ say: '/link' }, { say: '100000000001' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '1543,20' }];
const linkAccount3: Step[] = [{ say: '/link' }, { say: '100000000003' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '500' }];

describe('several accounts, who is linked, settings and invites, end to end in both channels', () => {
  const both = bothChannels();
  const orm = () => both.app.runtime.orm.em.fork();

  it('Telegram links two accounts, switches and pays for the first; a web chat takes its invite; the owner revokes it and changes the e-mail through the link over HTTP', async () => {
    const owner = new TelegramCustomer(both.api, 1501);
    await play(owner, linkAccount1);
    const linked = await play(owner, linkAccount3);
    expect(linked.at(-1)?.[0]?.text).toMatch(/^Готово! Лицевой счёт 100000000003 привязан к этому чату и теперь активный/);

    // Switch to the first and pay for it: the order is the first account's.
    await owner.says('/accounts');
    expect((await owner.presses('Перейти к счёту 100000000001'))[0]?.text).toBe('Активный счёт — 100000000001: все действия теперь по нему.');
    await play(owner, [{ say: '/pay' }, { press: 'Другая сумма' }, { say: '1500' }]);
    const markup = both.api.messagesTo(1501).at(-1)?.params['reply_markup'] as { inline_keyboard: InlineButton[][] };
    expect(plain(markup.inline_keyboard[0]?.[0]?.text ?? '')).toBe('Перейти к оплате 1 500,00 ₽');
    const order = await orm().findOneOrFail(PaymentOrder, { chatId: '1501' }, { populate: ['account'] });
    expect(order.account.number).toBe('100000000001');

    // An invite, taken in the web chat (the page sends the link's token as a `start` event).
    await owner.says('/chats');
    const invite = await owner.presses('Пригласить члена семьи');
    const webUrl = /Веб-чат на сайте: (\S+)/.exec(invite[0]?.text ?? '')?.[1] ?? '';
    expect(webUrl).toMatch(/\/\?start=inv_[\w-]{32}$/);
    expect(invite[0]?.text).toMatch(/Telegram: https:\/\/t\.me\/energobot_test_bot\?start=inv_[\w-]{32}/);
    const token = new URL(webUrl).searchParams.get('start') ?? '';
    const web = both.channel.customer('web-1502');
    const opened = await both.channel.post({ type: 'event', name: 'start', value: token }, 'web-1502');
    expect(opened.replies[0]?.text).toMatch(/^Вас пригласили к лицевому счёту 100000000001, адрес: г\. Воронеж/);
    // Typing a button's label counts as pressing it.
    const accepted = await web.says('Принимаю и согласен');
    expect(accepted[0]?.text).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    expect(await orm().count(AccountLink, { identity: { externalId: 'web-1502' }, via: 'invite' })).toBe(1);
    await both.app.pushes.kick();
    expect((await owner.replies()).map((message) => message.text)).toEqual([
      expect.stringMatching(/^Приглашение принято: чат •••1502 привязан к лицевому счёту 100000000001/),
    ]);

    // The invited chat sees settings read-only.
    const settings = await web.says('/settings');
    expect(settings.at(-1)).toEqual({
      text: 'Этот чат привязан по приглашению: менять настройки может только владелец — чат, привязанный по платежу.',
      buttons: ['Кто привязан', 'Меню'],
    });

    // The owner revokes it: the web chat is told, in its conversation.
    await owner.says('/chats');
    await owner.presses('Отозвать доступ: чат на сайте •••1502');
    expect((await owner.presses('Да, отозвать'))[0]?.text).toBe(
      'Доступ к лицевому счёту 100000000001 отозван: чат на сайте •••1502. Письмо об этом отправлено на вашу почту d***@example.ru.',
    );
    const before = both.channel.received.length;
    await both.app.pushes.kick();
    expect(both.channel.received.slice(before).map((activity) => activity.text)).toEqual([
      'Владелец лицевого счёта 100000000001 отозвал доступ этого чата к счёту. Чтобы снова работать с ним, привяжите счёт по платежу или попросите приглашение.',
    ]);
    expect(await orm().count(AccountLink, { identity: { externalId: 'web-1502' } })).toBe(0);

    // The account's e-mail: a link to the new address, followed over HTTP (GET shows a button, POST confirms).
    await owner.says('/settings');
    await owner.presses('Изменить e-mail');
    expect((await owner.says('maria@new.example'))[0]?.text).toBe(
      'Письмо со ссылкой отправлено на m***@new.example. Перейдите по ней в течение 24 часов — без этого e-mail не изменится.',
    );
    await both.app.mail.deliverDue();
    const outbox = join(both.app.dir, 'outbox');
    const mails = await Promise.all(readdirSync(outbox).map((name) => simpleParser(readFileSync(join(outbox, name)))));
    const letter = mails.find((mail) => mail.to && 'text' in mail.to && mail.to.text === 'maria@new.example');
    const link = /(http:\/\/\S+\/e-receipt\/confirm\?token=[\w-]+)/.exec(letter?.text ?? '')?.[1] ?? '';
    expect((await fetch(link)).status).toBe(200);
    expect((await orm().findOneOrFail(Account, { number: '100000000001' })).email).toBe('demo1@example.ru');
    const confirmed = await fetch(`${both.app.url}/e-receipt/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${new URL(link).searchParams.get('token')}`,
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('E-mail лицевого счёта 100000000001 изменён на m***@new.example');
    expect((await orm().findOneOrFail(Account, { number: '100000000001' })).email).toBe('maria@new.example');
    await both.app.pushes.kick();
    expect((await owner.replies()).map((message) => message.text)).toEqual([
      'E-mail лицевого счёта 100000000001 изменён на m***@new.example. Старый адрес получил уведомление.',
    ]);
    await both.app.mail.deliverDue();
    const told = await Promise.all(readdirSync(outbox).map((name) => simpleParser(readFileSync(join(outbox, name)))));
    expect(
      told.filter((mail) => mail.subject === 'E-mail лицевого счёта 100000000001 изменён').map((mail) => mail.to && 'text' in mail.to && mail.to.text),
    ).toEqual(['demo1@example.ru']);
  });

  it('web chat links an account, a Telegram chat takes its invite and sees who is linked', async () => {
    const web = both.channel.customer('web-1503');
    await play(web, linkAccount3);
    await web.says('/chats');
    const invite = await web.presses('Пригласить члена семьи');
    const telegramUrl = /Telegram: (\S+)/.exec(invite[0]?.text ?? '')?.[1] ?? '';
    const token = new URL(telegramUrl).searchParams.get('start') ?? '';
    const relative = new TelegramCustomer(both.api, 1504);
    expect((await relative.says(`/start ${token}`))[0]?.text).toMatch(/^Вас пригласили к лицевому счёту 100000000003/);
    expect((await relative.presses('Принимаю и согласен'))[0]?.text).toBe('Готово! Лицевой счёт 100000000003 привязан к этому чату.');
    expect((await relative.says('/chats'))[0]?.text).toMatch(
      /^К лицевому счёту 100000000003 привязаны чаты:\n• чат на сайте •••1503, с .+, по платежу\n• Telegram •••1504, с .+, по приглашению — этот чат$/,
    );
  });
});
