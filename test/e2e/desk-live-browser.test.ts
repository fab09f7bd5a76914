import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { bothChannels } from '../support/both-channels';
import { deskInChromium, describeWithChromium } from '../support/desk-in-chromium';
import { TelegramCustomer } from '../support/telegram-customer';
import { customerFiles } from '../support/customer-files';

const screenshots = join(__dirname, 'screenshots');

/** A meter's photo as a phone would send it: a real picture (grey panel, dark dial, light digits), so the page shows a thumbnail. */
function meterPhoto(): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  for (let y = 0; y < 240; y += 1)
    for (let x = 0; x < 320; x += 1) {
      const dial = x > 50 && x < 270 && y > 80 && y < 150;
      const digit = dial && y > 95 && y < 135 && (x - 60) % 35 < 24 && x < 260;
      const shade = digit ? 235 : dial ? 30 : 150 + Math.round((y / 240) * 60);
      png.data.set([shade, digit ? 235 : shade + (dial ? 0 : 10), digit ? 200 : shade + (dial ? 0 : 25), 255], (y * 320 + x) * 4);
    }
  return PNG.sync.write(png);
}

describeWithChromium('«Чат с клиентами» on the desk in headless Chromium', () => {
  // Always within the operators' hours, whatever the day the tests run.
  const both = bothChannels({ OPERATOR_HOURS: 'Mon-Sun 00:00-24:00' });
  const { signedIn, browser } = deskInChromium(both);

  /** The queue as the operator reads it: place, channel, what the customer wrote. */
  const queueRows = async (page: Page) =>
    Promise.all(
      (await page.locator('table.live-queue tbody tr').all()).map(async (row) => {
        const cells = (await row.locator('td').allTextContents()).map((cell) => cell.trim());
        return [cells[0], cells[1], cells[3]];
      }),
    );
  const delivered = async (customer: TelegramCustomer) => {
    await both.app.pushes.kick();
    return customer.replies();
  };

  it('two operators take three customers in order, race for the third, and one talks with files both ways, live, until she ends it', async () => {
    const irina = await signedIn('irina');
    const olga = await signedIn('olga');
    // Only with an operator on duty (one with the page open) may a customer queue.
    await irina.page.getByRole('link', { name: 'Чат с клиентами' }).click();
    await irina.page.getByText('В очереди никого нет.').waitFor();
    expect(await irina.page.locator('meta[http-equiv=refresh]').getAttribute('content')).toBe('10; url=/desk/live');

    const customers = [1501, 1502, 1503].map((chat) => new TelegramCustomer(both.api, chat));
    const [first, second, third] = customers as [TelegramCustomer, TelegramCustomer, TelegramCustomer];
    for (const [index, customer] of customers.entries())
      expect((await customer.says('/operator'))[0]?.text).toMatch(new RegExp(`^Вы в очереди к оператору: ${index + 1}-й\\. Ожидание — около \\d+ мин\\.`));
    expect(await first.says('Не проходит оплата картой, пишет «операция отклонена»')).toEqual([]);
    expect(await third.says('<b>Когда</b> дадут свет на Кольцовской?')).toEqual([]);

    await olga.page.goto(`${both.app.url}/desk/live`);
    await olga.page.getByRole('link', { name: 'Чат с клиентами (3)' }).waitFor();
    expect(await queueRows(olga.page)).toEqual([
      ['1', 'Telegram · RU', 'Не проходит оплата картой, пишет «операция отклонена»'],
      ['2', 'Telegram · RU', '—'],
      ['3', 'Telegram · RU', '<b>Когда</b> дадут свет на Кольцовской?'],
    ]);

    await irina.page.reload();
    await irina.page.locator('table.live-queue tbody tr').first().getByRole('button', { name: 'Взять' }).click();
    await irina.page.waitForURL(/\/desk\/live\/\d+$/);
    const conversation = irina.page.url();
    await irina.page.getByText('Разговор ведёте вы').waitFor();
    await irina.page.locator('.message.customer', { hasText: 'Не проходит оплата картой' }).waitFor();
    expect((await delivered(first)).map((message) => message.text)).toEqual(['Оператор подключился к разговору. Пишите ваш вопрос.']);
    expect((await delivered(second)).map((message) => message.text)).toEqual([
      expect.stringMatching(/^Очередь продвинулась: вы 1-й\. Ожидание — около \d+ мин\.$/),
    ]);
    expect((await delivered(third)).map((message) => message.text)).toEqual([expect.stringMatching(/^Очередь продвинулась: вы 2-й\./)]);

    await olga.page.reload();
    expect((await queueRows(olga.page)).map((row) => row[0])).toEqual(['1', '2']);
    await olga.page.locator('table.live-queue tbody tr').first().getByRole('button', { name: 'Взять' }).click();
    await olga.page.waitForURL(/\/desk\/live\/\d+$/);
    expect((await delivered(second)).map((message) => message.text)).toEqual(['Оператор подключился к разговору. Пишите ваш вопрос.']);
    expect((await delivered(third)).map((message) => message.text)).toEqual([expect.stringMatching(/^Очередь продвинулась: вы 1-й\./)]);

    // Both have the third customer on their screens and press «Взять» at once: one gets the customer, the other is told who.
    const racers = [irina, olga];
    for (const racer of racers) await racer.page.goto(`${both.app.url}/desk/live`);
    const answers = racers.map((racer) => racer.page.waitForResponse((response) => response.url().endsWith('/take')));
    await Promise.all(racers.map((racer) => racer.page.locator('table.live-queue tbody tr').first().getByRole('button', { name: 'Взять' }).click()));
    const statuses = await Promise.all(answers.map(async (answer) => (await answer).status()));
    expect([...statuses].sort()).toEqual([303, 409]);
    const loser = racers[statuses.indexOf(409)] as (typeof racers)[number];
    const winner = statuses.indexOf(303) === 0 ? 'irina' : 'olga';
    await loser.page.getByText(new RegExp(`^Разговор \\d+ уже взял оператор ${winner}\\.$`)).waitFor();
    expect(await loser.page.locator('table.live-queue').count()).toBe(0);
    await loser.page.getByText('В очереди никого нет.').waitFor();
    expect((await delivered(third)).map((message) => message.text)).toEqual(['Оператор подключился к разговору. Пишите ваш вопрос.']);

    // Irina answers with a PDF; the customer's chat gets the words and the document.
    await irina.page.goto(conversation);
    await irina.page.fill('#live-text', 'Проверила платёж: банк отклонил его из-за лимита. Инструкция — во вложении.');
    await irina.page.setInputFiles('#live-files', { name: 'Как оплатить картой.pdf', mimeType: 'application/pdf', buffer: customerFiles['scan.pdf'] });
    await irina.page.click('text=Отправить');
    await irina.page.locator('.message.operator', { hasText: 'Проверила платёж' }).waitFor();
    expect(await irina.page.locator('.message.operator small').textContent()).toMatch(/^Оператор irina, \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    expect(await irina.page.inputValue('#live-text')).toBe('');
    const answered = await delivered(first);
    process.stdout.write(`what the Telegram customer got of the operator's answer: ${JSON.stringify(answered)}\n`);
    expect(answered).toEqual([
      { text: '💬 Оператор:\nПроверила платёж: банк отклонил его из-за лимита. Инструкция — во вложении.', buttons: [] },
      { text: '📎 Как оплатить картой.pdf', buttons: [], file: 'Как оплатить картой.pdf' },
    ]);

    // The customer writes and sends a photo while Irina types: both appear on her page without a reload, her words stay,
    // though the network failed her for a while.
    await irina.page.evaluate(() => Object.assign(window, { unreloaded: true }));
    await irina.page.fill('#live-text', 'Черновик ответа');
    await irina.page.route('**/messages?after=*', (route) => route.abort('internetdisconnected'));
    await irina.page.getByText('Не удалось получить новые сообщения, попробуем снова через несколько секунд.').waitFor();
    await irina.page.unroute('**/messages?after=*');
    expect(await first.says('Спасибо! А так — видно, какой лимит?')).toEqual([]);
    expect(await first.sendsFile({ name: 'Экран.png', bytes: meterPhoto(), asPhoto: true })).toEqual([]);
    await irina.page.locator('.message.customer', { hasText: 'Спасибо! А так — видно, какой лимит?' }).waitFor();
    const photo = irina.page.locator('.message.customer img.thumb');
    await photo.waitFor();
    await irina.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.thumb')).every((image) => image.complete && image.naturalWidth > 0),
    );
    expect(await irina.page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
    expect([await irina.page.inputValue('#live-text'), await irina.page.locator('#live-poll').textContent()]).toEqual(['Черновик ответа', '']);
    expect(await irina.page.locator('#live-messages .message').evaluateAll((messages: Element[]) => messages.map((message) => message.className))).toEqual([
      'message customer',
      'message operator',
      'message customer',
      'message customer',
    ]);
    const photoUrl = (await photo.getAttribute('src')) ?? '';
    expect(photoUrl).toMatch(/^\/desk\/files\//);
    expect((await irina.page.request.get(`${both.app.url}${photoUrl}`)).headers()['content-type']).toBe('image/png');
    if (process.env['UPDATE_SCREENSHOTS'] === '1') await irina.page.screenshot({ path: join(screenshots, 'desk-live.png'), fullPage: true });

    // The same session on a phone.
    const phoneContext = await browser().newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ru-RU',
      storageState: await irina.context.storageState(),
    });
    const phone = { context: phoneContext, page: await phoneContext.newPage() };
    await phone.page.goto(conversation);
    await phone.page.locator('.message.customer img.thumb').waitFor();
    await phone.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.thumb')).every((image) => image.complete && image.naturalWidth > 0),
    );
    if (process.env['UPDATE_SCREENSHOTS'] === '1') await phone.page.screenshot({ path: join(screenshots, 'desk-live-phone.png'), fullPage: true });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Irina ends it: the customer is told; the other page of hers sees it end by itself, the words typed there kept.
    await phone.page.fill('#live-text', 'Не успела отправить');
    await irina.page.click('text=Завершить разговор');
    await irina.page.waitForURL(/\/desk\/live$/);
    expect((await delivered(first)).map((message) => message.text)).toEqual([
      'Оператор завершил разговор. Если вопрос остался, позовите оператора снова или напишите обращение.',
    ]);
    await phone.page.getByText('Разговор завершён: новые сообщения клиенту уже не отправить.').waitFor();
    expect([await phone.page.inputValue('#live-text'), await phone.page.locator('#live-send').isDisabled()]).toEqual(['Не успела отправить', true]);
    await phone.context.close();
    await irina.context.close();
    await olga.context.close();
  }, 150_000);
});
