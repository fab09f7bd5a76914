import * as passwords from '../../bots/channels/desk/passwords';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { moment } from '../../core/kernel/text';
import { displayPeriod, shiftPeriod } from '../../core/kernel/period';
import { billingPeriod } from '../../core/features/readings/meter';
import { reminderBroadcast } from '../../core/features/reminders/reminder-schedule';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, type Step } from '../support/test-app';

/** Demo account 2 lives in Nizhny Novgorod: far from Kol'tsovskaya street in Voronezh, where account 1 lives. */
const linkAccount2: Step[] = [{ say: '/link' }, { say: '100000000002' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '2187,45' }];
const password = 'irina-own-password-2026';
/** As an operator in Voronezh types it: the supplier's clock (Moscow), whatever the server's zone. */
const outage = {
  kind: 'planned',
  area: 'г. Воронеж, улица Кольцовская, д. 20–30',
  from: '2026-12-05T09:00',
  until: '2026-12-05T17:00',
  reason: 'замена кабеля',
};
const moment_ = /^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/;

/** The cells of a broadcast's row on the page; undefined when it is not listed. */
function tallyOf(page: string, broadcast: string): string[] | undefined {
  const row = new RegExp(`<tr data-broadcast="${broadcast}">(.*?)</tr>`).exec(page)?.[1];
  return row === undefined ? undefined : [...row.matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1] as string);
}

describe("the desk's notices: interruptions an operator publishes, moves and ends, and what every notice and reminder did", () => {
  const both = bothChannels();

  /** An operator signed in to the desk: the notices page as she sees it, and her form posts (with the page's CSRF token unless told not to). */
  async function operator() {
    await new SqlOperators(both.app.runtime.orm).setPassword('irina', await passwords.hashPassword(password), false, new Date());
    const signedIn = await fetch(`${both.app.url}/desk/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'irina', password }).toString(),
    });
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const page = async () => (await fetch(`${both.app.url}/desk/notices`, { headers: { cookie } })).text();
    const post = async (path: string, fields: Record<string, string>, csrf = true) => {
      const token = /name="csrf" value="([^"]+)"/.exec(await page())?.[1] ?? '';
      const response = await fetch(`${both.app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...(csrf && { csrf: token }), ...fields }).toString(),
      });
      return { status: response.status, location: response.headers.get('location'), page: await response.text() };
    };
    return { cookie, page, post };
  }

  it('publishes through the form, tells the chat on the street once per change, and counts each change delivered; refuses a bad area, a stranger and a forged form', async () => {
    const customer = new TelegramCustomer(both.api, 2901);
    const elsewhere = new TelegramCustomer(both.api, 2902);
    await play(customer, linkingScript);
    await play(elsewhere, linkAccount2);
    const heard = async () => {
      await both.app.pushes.kick();
      return [(await customer.replies()).map((message) => message.text), (await elsewhere.replies()).map((message) => message.text)];
    };
    await heard();

    // Without a session: to the sign-in form, and a post is refused.
    const stranger = await fetch(`${both.app.url}/desk/notices`, { redirect: 'manual' });
    expect([stranger.status, stranger.headers.get('location')]).toEqual([303, '/desk']);
    expect(await (await fetch(`${both.app.url}/desk`)).text()).toContain('Вход для операторов');
    const anonymous = await fetch(`${both.app.url}/desk/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...outage, csrf: 'guess' }).toString(),
    });
    expect(anonymous.status).toBe(403);

    const desk = await operator();
    expect(await (await fetch(`${both.app.url}/desk`, { headers: { cookie: desk.cookie } })).text()).toContain('<a href="/desk/notices">Оповещения</a>');
    const empty = await desk.page();
    expect(empty).toContain('Отключений не опубликовано.');
    expect(empty).toContain('Время — по часовому поясу компании (Europe/Moscow).');

    // A form posted from elsewhere carries the cookie but not the page's token.
    expect((await desk.post('/desk/notices', outage, false)).status).toBe(403);
    expect((await desk.post('/desk/notices', { ...outage, csrf: 'guess' }, false)).status).toBe(403);

    const badArea = await desk.post('/desk/notices', { ...outage, area: 'ул. Кольцовская <b>' });
    expect(badArea.status).toBe(400);
    expect(badArea.page).toContain(
      'Не опубликовано: в адресе нет населённого пункта. Пишите, как в квитанции, начиная с него, например: «г. Воронеж, ул. Кольцовская, д. 24».',
    );
    expect(badArea.page).toContain('value="ул. Кольцовская &lt;b&gt;"');
    expect(badArea.page).toContain('value="2026-12-05T17:00"');
    expect(badArea.page).toContain('value="замена кабеля"');
    const backwards = await desk.post('/desk/notices', { ...outage, until: '2026-12-05T08:00' });
    expect([backwards.status, backwards.page.includes('Не сохранено: окончание должно быть позже начала.')]).toEqual([400, true]);
    const noTime = await desk.post('/desk/notices', { ...outage, from: '05.12.2026' });
    expect([noTime.status, noTime.page.includes('Не опубликовано: заполните все поля')]).toEqual([400, true]);
    expect(await both.app.runtime.interruptions.latest(5)).toEqual([]);

    const published = await desk.post('/desk/notices', outage);
    const [interruption] = await both.app.runtime.interruptions.latest(5);
    const id = interruption?.id ?? 0;
    expect([published.status, published.location]).toEqual([303, `/desk/notices#interruption-${id}`]);
    expect(interruption).toMatchObject({ from: new Date('2026-12-05T06:00:00Z'), until: new Date('2026-12-05T14:00:00Z'), version: 1, endedAt: null });
    // The form sent again (a double click, Back and send): the same interruption, told to nobody twice.
    expect((await desk.post('/desk/notices', outage)).status).toBe(303);
    expect(await heard()).toEqual([
      ['⚡ Плановое отключение электроэнергии: г. Воронеж, улица Кольцовская, д. 20–30.\nС 05.12.2026, 09:00 до 05.12.2026, 17:00. Причина: замена кабеля.'],
      [],
    ]);
    const announced = await desk.page();
    expect(announced).toContain(`Плановое отключение № ${id}: `);
    expect(announced).toContain('г. Воронеж, улица Кольцовская, д. 20–30<br>С 05.12.2026, 09:00 до 05.12.2026, 17:00<br>Причина: замена кабеля');
    expect(announced).toContain(`id="until-${id}" name="until" type="datetime-local" required value="2026-12-05T17:00"`);
    expect(tallyOf(announced, `interruption:${id}:1`)).toEqual(['Объявление', expect.stringMatching(moment_), '1', '1', '0', '0']);

    const early = await desk.post(`/desk/notices/${id}/until`, { until: '2026-12-05T08:30' });
    expect([early.status, early.page.includes('Не сохранено: окончание должно быть позже начала.')]).toEqual([400, true]);
    expect(early.page).toContain(`id="until-${id}" name="until" type="datetime-local" required value="2026-12-05T08:30"`);
    expect((await desk.post(`/desk/notices/${id}/until`, { until: '2026-12-05T19:30' }, false)).status).toBe(403);
    expect((await desk.post(`/desk/notices/${id}/until`, { until: '2026-12-05T19:30' })).status).toBe(303);
    expect(await heard()).toEqual([
      ['⚡ Отключение электроэнергии (г. Воронеж, улица Кольцовская, д. 20–30): восстановление теперь ожидается к 05.12.2026, 19:30.'],
      [],
    ]);

    expect((await desk.post(`/desk/notices/${id}/end`, {}, false)).status).toBe(403);
    expect((await desk.post(`/desk/notices/${id}/end`, {})).status).toBe(303);
    expect((await desk.post(`/desk/notices/${id}/end`, {})).status).toBe(303);
    const [ended, none] = await heard();
    expect([ended?.length, none]).toEqual([1, []]);
    expect(ended?.[0]).toMatch(/^✅ Электроснабжение восстановлено \(г\. Воронеж, улица Кольцовская, д\. 20–30\), \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);

    const told = await desk.page();
    expect(told).toMatch(new RegExp(`Плановое отключение № ${id}: завершено \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d`));
    expect(told).toContain('С 05.12.2026, 09:00 до 05.12.2026, 19:30');
    expect(told).not.toContain(`action="/desk/notices/${id}/until"`);
    expect([1, 2, 3].map((version) => tallyOf(told, `interruption:${id}:${version}`))).toEqual([
      ['Объявление', expect.stringMatching(moment_), '1', '1', '0', '0'],
      ['Новое время', expect.stringMatching(moment_), '1', '1', '0', '0'],
      ['Окончание', expect.stringMatching(moment_), '1', '1', '0', '0'],
    ]);

    const afterEnd = await desk.post(`/desk/notices/${id}/until`, { until: '2026-12-06T10:00' });
    expect([afterEnd.status, afterEnd.page.includes('Время не изменено: отключение уже завершено.')]).toEqual([400, true]);
    const unknown = await desk.post('/desk/notices/999/end', {});
    expect([unknown.status, unknown.page.includes('Такого отключения нет.')]).toEqual([400, true]);
    expect(await heard()).toEqual([[], []]);
  }, 120_000);

  it('lists the reminders sent, the newest first, with their counts, and an interruption nobody was told of', async () => {
    const desk = await operator();
    expect(await desk.page()).toContain('Напоминаний ещё не отправлялось.');

    const push = (id: string, broadcast: string) => ({
      chat: { channel: 'telegram' as const, id },
      message: { key: 'push-interruption-ended', args: { area: 'г. Воронеж', at: moment(new Date()) } },
      broadcast,
      dedupeKey: `${broadcast}:telegram:${id}`,
    });
    // This month's and last month's, whatever month the test runs in: the page shows a year back.
    const month = billingPeriod(new Date(), 'Europe/Moscow');
    const [readings, payment] = [reminderBroadcast('readings', month), reminderBroadcast('payment', shiftPeriod(month, -1))];
    await both.app.runtime.pushes.enqueue([push('2913', payment)]);
    await both.app.pushes.kick();
    await both.app.runtime.pushes.enqueue([push('2911', readings), push('2912', readings)]);
    // One of the two chats blocked the bot: given up, the other delivered.
    both.api.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await both.app.pushes.kick();

    const page = await desk.page();
    expect(page).not.toContain('Напоминаний ещё не отправлялось.');
    expect(tallyOf(page, readings)).toEqual(['Передать показания', displayPeriod(month), expect.stringMatching(moment_), '2', '1', '1', '0']);
    expect(tallyOf(page, payment)).toEqual(['Срок оплаты', displayPeriod(shiftPeriod(month, -1)), expect.stringMatching(moment_), '1', '1', '0', '0']);
    expect(page.indexOf(readings)).toBeLessThan(page.indexOf(payment));

    expect((await desk.post('/desk/notices', { ...outage, kind: 'emergency', area: 'г. Липецк', reason: 'авария <на> линии' })).status).toBe(303);
    const nobody = await desk.page();
    expect(nobody).toContain('Аварийное отключение № ');
    expect(nobody).toContain('Причина: авария &lt;на&gt; линии');
    expect(nobody).toContain('Оповещений не отправлялось: в зоне нет чатов с привязанным лицевым счётом.');
  }, 60_000);
});
