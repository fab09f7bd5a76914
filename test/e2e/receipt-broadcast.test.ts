import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { billingPeriod } from '../../core/features/readings/meter';
import { displayPeriod, shiftPeriod } from '../../core/kernel/period';
import type { AccountNumber } from '../../core/kernel/account-number';
import { ChatPush } from '../../db/entities';
import { bothChannels, operatorToken } from '../support/both-channels';
import { FakeMaxApi } from '../support/fake-max-api';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { MaxCustomer } from '../support/max-customer';
import { downloaded, paymentQrOf } from '../support/pdf';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, startTestApp } from '../support/test-app';

/** Demo data is seeded as of today: the last month billed is the one before, in Moscow. */
const lastBilled = (() => {
  const period = shiftPeriod(billingPeriod(new Date(), 'Europe/Moscow'), -1);
  return { period, shown: displayPeriod(period) };
})();

describe('the monthly receipt, published by billing, delivered into the chats that asked and by e-mail', () => {
  const both = bothChannels();

  const publish = (body: unknown, token?: string) => both.operator('/operator/receipts/publish', body, token);

  it('sends each opted-in chat its receipt on its channel and language, mails e-receipt subscribers at the address in force when the letter leaves, and never twice', async () => {
    const telegram = new TelegramCustomer(both.api, 801);
    await play(telegram, linkingScript);
    await telegram.says('/monthly');
    await telegram.presses('Присылать сюда каждый месяц');
    const web = both.channel.customer('web-801', 'en-US');
    await play(web, [
      { say: '/link' },
      { say: '100000000003' },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '500' },
      { say: '/monthly' },
      { press: 'Send it here every month' },
    ]);
    const before = both.channel.received.length;

    expect((await publish({ period: lastBilled.period }, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await publish({ period: '2026-13' })).status).toBe(400);
    expect((await publish({ period: billingPeriod(new Date(), 'Europe/Moscow') })).status).toBe(409);
    // A month long paid, one before the history, a month to come: refused, and no chat hears of them.
    for (const period of ['2019-03', '2014-12', shiftPeriod(lastBilled.period, -1), '2099-01']) {
      const refused = await publish({ period });
      expect({ period, status: refused.status, body: (await refused.json()) as unknown }).toEqual({
        period,
        status: 409,
        body: { error: expect.stringMatching(/latest billed month|not over yet/) as unknown },
      });
    }
    await both.app.pushes.kick();
    expect(both.channel.received.length).toBe(before);
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, {})).toBe(0);
    const published = await publish({ period: lastBilled.period });
    expect(await published.json()).toEqual({ period: lastBilled.period, queued: { chats: 2, mails: 2 } });
    // Account 3's owner confirmed a new e-receipt address after billing published, before the letter left.
    await both.app.runtime.eReceipts.changeEmail('100000000003' as AccountNumber, 'new-address@example.ru');
    await Promise.all([both.app.pushes.kick(), both.app.mail.kick()]);

    const document = both.api.messagesTo(801).at(-1);
    expect(document?.method).toBe('sendDocument');
    expect(String(document?.params['caption'])).toMatch(
      new RegExp(`^Выставлена квитанция за ${lastBilled.shown.replace('.', '\\.')}\\.\\nКвитанция по счёту 100000000001`),
    );
    expect(paymentQrOf(document?.file?.content as Buffer)).toMatchObject({ PersAcc: '100000000001' });

    const [proactive] = both.channel.received.slice(before);
    expect(proactive?.text).toMatch(
      new RegExp(`^The receipt for ${lastBilled.shown.replace('.', '\\.')} has been issued\\.\\nReceipt for account 100000000003`),
    );
    expect(proactive?.suggestedActions?.actions.map((action) => action.title)).toEqual(['Pay', 'Another month', 'Menu', 'Stop sending']);
    const pdf = await downloaded(proactive?.attachments?.[0]?.contentUrl as string);
    expect(paymentQrOf(pdf)).toMatchObject({ PersAcc: '100000000003', PaymPeriod: lastBilled.period.slice(5) + lastBilled.period.slice(0, 4) });

    const mails = await Promise.all(readdirSync(join(both.app.dir, 'outbox')).map((name) => simpleParser(readFileSync(join(both.app.dir, 'outbox', name)))));
    const receipts = mails.filter((mail) => mail.subject?.startsWith('Квитанция за'));
    expect(receipts.map((mail) => mail.to && 'text' in mail.to && mail.to.text).sort()).toEqual(['demo1@example.ru', 'new-address@example.ru']);
    for (const mail of receipts) {
      expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf']);
      expect(mail.html).toContain('https://t.me/energobot_test_bot?start=');
    }

    // Billing's system calls again (a timeout on its side): nothing is queued twice.
    expect(await (await publish({ period: lastBilled.period })).json()).toEqual({ period: lastBilled.period, queued: { chats: 0, mails: 0 } });
    await Promise.all([both.app.pushes.kick(), both.app.mail.kick()]);
    expect(both.api.messagesTo(801).filter((call) => call.method === 'sendDocument')).toHaveLength(1);
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })).toBe(0);

    // The e-mail's «Оплатить» opens the pay flow for the account in the chat.
    const payLink = /https:\/\/t\.me\/energobot_test_bot\?start=([\w-]+)/.exec(String(receipts.find((mail) => mail.text?.includes('100000000001'))?.html))?.[1];
    const opened = await telegram.says(`/start ${payLink}`);
    expect(opened.at(-1)?.text).toMatch(/^К оплате/);
    expect((await telegram.says('/start p1000000000010000AAAAAAAAAAAAAAAAAAAAAA'))[0]?.text).toContain('Ссылка из письма устарела или повреждена');

    // «Не присылать» under the pushed receipt stops the next ones for this chat and account.
    const keyboard = (document?.params['reply_markup'] as { inline_keyboard: { text: string; callback_data?: string }[][] }).inline_keyboard.flat();
    const stop = keyboard.find((button) => button.text === 'Не присылать')?.callback_data;
    expect((await telegram.pressesData(stop as string))[0]?.text).toBe(
      'Квитанция по счёту 100000000001 не приходит в этот чат сама. Её всегда можно запросить в разделе «Квитанции».',
    );
  });

  it('in MAX: the receipt arrives as a MAX file with its buttons, and the letter opens MAX too («Открыть в MAX»)', async () => {
    const [telegramApi, max] = await Promise.all([new FakeTelegramApi().start(), new FakeMaxApi().start()]);
    const app = await startTestApp({
      TELEGRAM_BOT_TOKEN: telegramApi.token,
      TELEGRAM_API_ROOT: telegramApi.apiRoot,
      MAX_BOT_TOKEN: max.token,
      MAX_API_ROOT: max.apiRoot,
      OPERATOR_TOKEN: operatorToken,
    });
    try {
      const customer = new MaxCustomer(max, 811);
      await play(customer, linkingScript);
      await customer.says('/monthly');
      await customer.presses('Присылать сюда каждый месяц');
      const published = await fetch(`${app.url}/operator/receipts/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ period: lastBilled.period }),
      });
      expect(await published.json()).toMatchObject({ queued: { chats: 1 } });
      await Promise.all([app.pushes.kick(), app.mail.kick()]);
      const [receipt] = await customer.replies();
      expect(receipt).toMatchObject({
        text: expect.stringMatching(new RegExp(`^Выставлена квитанция за ${lastBilled.shown.replace('.', '\\.')}\\.`)) as unknown,
        buttons: ['Оплатить', 'Другой месяц', 'Меню', 'Не присылать'],
        file: `receipt-100000000001-${lastBilled.period}.pdf`,
      });
      expect(paymentQrOf(max.messagesTo(811).at(-1)?.file?.content as Buffer)).toMatchObject({ PersAcc: '100000000001' });

      const mails = await Promise.all(readdirSync(join(app.dir, 'outbox')).map((name) => simpleParser(readFileSync(join(app.dir, 'outbox', name)))));
      const letter = mails.find((mail) => mail.subject?.startsWith('Квитанция за') && mail.text?.includes('100000000001'));
      const inMax = /href="https:\/\/max\.ru\/energobot_test_bot\?start=([\w-]+)"[^>]*>Открыть в MAX/.exec(String(letter?.html))?.[1];
      expect(inMax).toBeDefined();
      expect((await customer.starts(inMax)).at(-1)?.text).toMatch(/^К оплате/);
    } finally {
      await app.close();
      await Promise.all([telegramApi.stop(), max.stop()]);
    }
  });
});
