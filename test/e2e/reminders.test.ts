import { billingPeriod } from '../../core/features/readings/meter';
import type { AccountNumber } from '../../core/kernel/account-number';
import { periodStart, shiftPeriod } from '../../core/kernel/period';
import { chatKey } from '../../core/kernel/channel';
import { text } from '../../core/kernel/text';
import { taskButton } from '../../core/kernel/actions';
import { reminderBroadcast } from '../../core/features/reminders/reminder-schedule';
import { ChatPush } from '../../db/entities';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { dialogOf, FakeMaxApi } from '../support/fake-max-api';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { MaxCustomer } from '../support/max-customer';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, plain, play, startTestApp, type SeenMessage, type Step, type TestApp } from '../support/test-app';

const linkAccount2: Step[] = [{ say: '/link' }, { say: '100000000002' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '2187,45' }];
const remindOf = (label: string): Step[] => [{ say: '/reminders' }, { press: label }];
const hour = 3600_000;

/** Reminders queued by the supplier's calendar (Moscow), on a clock the test sets: a month ahead of today. */
describe('reminders, run on the supplier’s calendar, told in every channel', () => {
  let telegramApi: FakeTelegramApi;
  let max: FakeMaxApi;
  let app: TestApp;
  let channel: BotFrameworkChannel;
  let now: Date | null = null;

  beforeEach(async () => {
    // The clock of the test before: its app's first look, at start, would take that day's run.
    now = null;
    [telegramApi, max] = await Promise.all([new FakeTelegramApi().start(), new FakeMaxApi().start()]);
    app = await startTestApp(
      { TELEGRAM_BOT_TOKEN: telegramApi.token, TELEGRAM_API_ROOT: telegramApi.apiRoot, MAX_BOT_TOKEN: max.token, MAX_API_ROOT: max.apiRoot },
      { clock: () => now ?? new Date() },
    );
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterEach(async () => {
    await channel.stop();
    await app.close();
    await Promise.all([telegramApi.stop(), max.stop()]);
  });

  it('reaches the chats that asked, without the month’s readings or with a bill to pay, by day only, once however often it runs', async () => {
    const month = shiftPeriod(billingPeriod(new Date(), 'Europe/Moscow'), 1);
    const day = (date: number, at: number) => new Date(periodStart(month, 'Europe/Moscow').getTime() + ((date - 1) * 24 + at) * hour);
    // From the start on a day nothing is due: the app's own minute ticks, reading the same clock, find nothing to do.
    now = day(3, 12);
    const telegram = new TelegramCustomer(telegramApi, 931);
    const web = channel.customer('web-931');
    const inMax = new MaxCustomer(max, 931);
    const notAsked = new TelegramCustomer(telegramApi, 932);
    const readingsIn = new TelegramCustomer(telegramApi, 933);
    for (const customer of [telegram, web, inMax]) await play(customer, [...linkingScript, ...remindOf('Напоминать о показаниях')]);
    await play(inMax, remindOf('Напоминать о сроке оплаты'));
    await play(notAsked, linkingScript);
    await play(readingsIn, [...linkAccount2, ...remindOf('Напоминать о показаниях')]);

    // Account 2's readings of that month are in already (sent on the supplier's site, say).
    const entries = [
      { serialNumber: 'M201-0200002', zone: 'day' as const, value: 90_000, consumptionKwh: 200 },
      { serialNumber: 'M201-0200002', zone: 'night' as const, value: 40_000, consumptionKwh: 90 },
    ];
    await app.runtime.services.readings.submit('100000000002' as AccountNumber, entries, 'webchat', day(14, 12), month, 'site-submission-0001');
    let webSeen = channel.received.length;
    const heard = async (): Promise<SeenMessage[][]> => {
      await app.pushes.kick();
      const pushed = channel.received.slice(webSeen).filter((activity) => activity.conversation.id === 'conversation-web-931');
      webSeen = channel.received.length;
      const inWeb = pushed.map((activity) => ({
        text: plain(activity.text ?? ''),
        buttons: activity.suggestedActions?.actions.map((action) => plain(action.title)) ?? [],
      }));
      return [await telegram.replies(), inWeb, await inMax.replies(), await notAsked.replies(), await readingsIn.replies()];
    };
    await heard();

    const run = async (at: Date) => {
      now = at;
      return app.notices.run();
    };
    // The payment falls due on the 10th: three days ahead, by day; not at 22:30.
    expect(await run(day(8, 22.5))).toBe(0);
    await run(day(8, 10));
    const payment = await heard();
    expect(payment.map((messages) => messages.length)).toEqual([0, 0, 1, 0, 0]);
    expect(payment[2]?.[0]?.text).toMatch(/^💳 Срок оплаты по лицевому счёту 100000000001 — до 10\.\d\d\.\d{4}\. К оплате: [\d\s]+,\d\d ₽\.$/);
    expect(payment[2]?.[0]?.buttons).toEqual(['Оплатить', 'Не напоминать']);

    expect(await run(day(15, 8.99))).toBe(0);
    // A run cut short: the process died once Telegram's reminder was queued. The next one queues the others only.
    const broadcast = reminderBroadcast('readings', month);
    const first = {
      chat: { channel: 'telegram' as const, id: '931' },
      message: text('push-reminder-readings', { account: '100000000001', from: 15, to: 25 }),
      buttons: [
        taskButton('reminders', { argument: 'readings:100000000001', label: text('action-readings') }),
        taskButton('reminders', { argument: 'stop:readings:100000000001', label: text('reminders-stop') }),
      ],
    };
    await app.runtime.pushes.enqueue([{ ...first, broadcast, dedupeKey: `${broadcast}:${chatKey(first.chat)}:100000000001` }]);
    await run(day(15, 10));
    const told = `📟 Пора передать показания по лицевому счёту 100000000001: приём с 15 по 25 число.`;
    const queuedUntil = await app.runtime.orm.em.fork().find(ChatPush, { broadcast: broadcast, notAfter: { $ne: null } });
    expect(queuedUntil.map((push) => push.notAfter?.getTime())).toEqual([day(15, 21).getTime(), day(15, 21).getTime()]);
    const readings = await heard();
    expect(readings.map((messages) => messages.map((message) => message.text))).toEqual([[told], [told], [told], [], []]);
    expect(readings.slice(0, 3).map((messages) => messages[0]?.buttons)).toEqual(Array(3).fill(['Передать показания', 'Не напоминать']));
    // One tap stops it; the other button opens the task for that account.
    expect((await telegram.presses('Не напоминать')).map((message) => message.text)).toEqual([
      'Больше не напоминаю о показаниях по счёту 100000000001.',
      'Лицевой счёт 100000000001. Что вы хотите сделать?',
    ]);
    expect((await inMax.presses('Передать показания'))[0]?.text).toMatch(/^Лицевой счёт 100000000001, счётчик CE102-0100001/);
    expect(await app.runtime.reminders.of({ channel: 'telegram', id: '931' }, '100000000001' as AccountNumber)).toEqual([]);
    expect(await app.runtime.reminders.of({ channel: 'max', id: String(dialogOf(931)) }, '100000000001' as AccountNumber)).toEqual(['payment', 'readings']);
    // Run again, and again the next day: nothing twice.
    expect([await run(day(15, 10.5)), await run(day(16, 12))]).toEqual([0, 0]);
    expect((await heard()).flat()).toEqual([]);
  }, 180_000);

  it('takes a reminder not delivered by 21:00 out of the outbox unsent, and the next morning’s run queues it again: told once, by day', async () => {
    const month = shiftPeriod(billingPeriod(new Date(), 'Europe/Moscow'), 1);
    const day = (date: number, at: number) => new Date(periodStart(month, 'Europe/Moscow').getTime() + ((date - 1) * 24 + at) * hour);
    now = day(3, 12);
    const customer = new TelegramCustomer(telegramApi, 941);
    await play(customer, [...linkingScript, ...remindOf('Напоминать о показаниях')]);
    await customer.replies();
    const before = telegramApi.messagesTo(941).length;
    const key = `${reminderBroadcast('readings', month)}:telegram:941:100000000001`;

    // Queued at 20:54 and not delivered by 21:00 (a backlog, Telegram away): as the run queues it, until nine.
    now = day(15, 21.1);
    const message = text('push-reminder-readings', { account: '100000000001', from: 15, to: 25 });
    const chat = { channel: 'telegram' as const, id: '941' };
    await app.runtime.pushes.enqueue([{ chat, message, broadcast: reminderBroadcast('readings', month), dedupeKey: key, notAfter: day(15, 21) }]);
    await app.pushes.kick();
    expect(await app.runtime.pushes.queued([key])).toEqual(new Set());
    expect(telegramApi.messagesTo(941).length).toBe(before);
    // That night's runs queue nothing; the morning's does, once however often.
    expect(await app.notices.run()).toBe(0);
    now = day(16, 10);
    await app.notices.run();
    await app.notices.run();
    await app.pushes.kick();
    expect(
      telegramApi
        .messagesTo(941)
        .map((call) => call.params['text'])
        .slice(before),
    ).toEqual(['📟 Пора передать показания по лицевому счёту 100000000001: приём с 15 по 25 число.']);
    expect(await app.runtime.pushes.queued([key])).toEqual(new Set([key]));
  }, 120_000);
});
