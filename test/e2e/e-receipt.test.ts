import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer, fromHtml } from '../support/telegram-customer';
import { linkingScript, play } from '../support/test-app';

describe('the e-receipt, with its e-mail links followed over HTTP, in both channels', () => {
  const both = bothChannels();

  /** The confirmation link of the newest e-mail to `to`, as the customer's mail program shows it. */
  async function linkMailedTo(to: string): Promise<string> {
    await both.app.mail.deliverDue();
    const dir = join(both.app.dir, 'outbox');
    const mails = await Promise.all(
      readdirSync(dir)
        .sort()
        .map((name) => simpleParser(readFileSync(join(dir, name)))),
    );
    const mail = mails.reverse().find((candidate) => candidate.to && 'text' in candidate.to && candidate.to.text === to);
    const link = /https?:\/\/\S+\/e-receipt\/confirm\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
    if (!link) throw new Error(`no link mailed to ${to}`);
    return link;
  }

  const follow = async (link: string) => {
    const page = await fetch(link);
    const token = /name="token" value="([\w-]+)"/.exec(await page.text())?.[1] ?? '';
    return fetch(new URL('/e-receipt/confirm', link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
  };

  it('subscribes in web chat (English) and unsubscribes in Telegram; each chat is told once the link is followed', async () => {
    const web = both.channel.customer('web-901', 'en-US');
    await play(web, [{ say: '/link' }, { say: '100000000002' }, { press: 'Yes' }, { press: 'I accept and consent' }, { say: '2187.45' }]);
    await play(web, [{ say: '/ereceipt' }, { press: 'Subscribe to the e-receipt' }, { press: 'Yes, I confirm' }, { press: 'Another address' }]);
    expect((await web.says('not an address'))[0]?.text).toBe('That does not look like an e-mail address. Type it in full, for example: ivanova@mail.ru.');
    expect((await web.says('andrey@example.org'))[0]?.text).toMatch(/^I have sent an e-mail to a\*+@example\.org/);

    const link = await linkMailedTo('andrey@example.org');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/e-receipt/confirm">');
    const before = both.channel.received.length;
    const confirmed = await follow(link);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('The e-receipt for account 100000000002 is on');
    await both.app.pushes.kick();
    expect(both.channel.received.slice(before).map((activity) => activity.text)).toEqual([
      expect.stringMatching(/^The e-receipt for account 100000000002 is on: receipts from \d\d\.\d{4} on go to a\*+@example\.org\.$/),
    ]);
    // Opened again, a used link says so at once: no button that cannot work.
    const again = await fetch(link);
    expect(again.status).toBe(410);
    const usedPage = await again.text();
    expect(usedPage).toContain('This link has been used already');
    expect(usedPage).not.toContain('<form');
    const forged = await fetch(new URL('/e-receipt/confirm', link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=' + 'A'.repeat(32),
    });
    expect(forged.status).toBe(404);

    const telegram = new TelegramCustomer(both.api, 902);
    await play(telegram, linkingScript);
    await play(telegram, [
      { say: '/ereceipt' },
      { press: 'Отказаться от электронной квитанции' },
      { press: 'Письма не приходят' },
      { press: 'Да, отказаться' },
    ]);
    const unsubscribed = await follow(await linkMailedTo('demo1@example.ru'));
    expect(await unsubscribed.text()).toContain('Вы отказались от электронной квитанции по счёту 100000000001');
    await both.app.pushes.kick();
    expect(fromHtml(String(both.api.messagesTo(902).at(-1)?.params['text']))).toMatch(
      /^Вы отказались от электронной квитанции по счёту 100000000001\. Бумажные квитанции снова будут приходить начиная с \d\d\.\d{4}\.$/,
    );
  });
});
