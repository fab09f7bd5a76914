import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { displayPeriod, lastMonths, shiftPeriod } from '../../core/kernel/period';
import { MeterReading } from '../../db/entities';
import { startTestApp, type TestApp } from '../support/test-app';
import { demoMeter, nextConsumptionKwh } from '../support/demo-meter';
import { machineClock } from '../support/machine-clock';
import { pdfPage } from '../support/pdf';
import type { AccountNumber } from '../../core/kernel/account-number';
import { PNG } from 'pngjs';
import { customerFiles } from '../support/customer-files';

/** A real picture (Web Chat draws a thumbnail of an uploaded image before it sends it). */
function meterPhoto(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([30, 90, 160, 255], i);
  return PNG.sync.write(png);
}

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** CI installs Debian's chromium, so this never skips there (the run fails on any skipped test). */
const describeWithChromium = existsSync(chromiumPath) ? describe : describe.skip;
const screenshots = join(__dirname, 'screenshots');
const operatorToken = 'operator-token-0123456789abcdef';

describeWithChromium('web chat in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ OPERATOR_TOKEN: operatorToken });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      env: machineClock(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(path: string, locale: string, viewport = { width: 900, height: 820 }): Promise<Page> {
    // A context of its own: a new browser profile, so a new customer.
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    return page;
  }

  /** Screenshots for the README, taken only when asked for: a test run leaves the tree as it was. */
  async function shoot(page: Page, name: string, options: { atBottom?: boolean } = {}): Promise<void> {
    if (process.env['UPDATE_SCREENSHOTS'] !== '1') return;
    if (options.atBottom !== false)
      await page.locator('.webchat__basic-transcript__scrollable').evaluate('(element) => { element.scrollTop = element.scrollHeight; }');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshots, `${name}.png`) });
  }

  /** Waits until the text shows in the transcript (Web Chat repeats it for screen readers). */
  async function see(page: Page, text: string): Promise<void> {
    await page.getByText(text).first().waitFor({ timeout: 10_000 });
  }

  /** A suggested action under the transcript (the transcript keeps hidden copies for screen readers). */
  function action(page: Page, label: string) {
    return page.locator('.webchat__suggested-actions').getByRole('button', { name: label, exact: true }).last();
  }

  async function press(page: Page, label: string): Promise<void> {
    await action(page, label).click();
  }

  async function send(page: Page, text: string): Promise<void> {
    const input = page.getByRole('textbox');
    await input.fill(text);
    await input.press('Enter');
  }

  async function link(page: Page): Promise<void> {
    await see(page, 'Что вы хотите сделать?');
    await press(page, 'Привязать лицевой счёт');
    await see(page, 'Введите номер лицевого счёта');
    await send(page, '1000 0000 001');
    await see(page, 'В номере лицевого счёта 12 цифр, а в введённом — 11');
    await send(page, '1000 0000 0001');
    await see(page, 'Это ваш адрес?');
    await press(page, 'Да');
    await press(page, 'Принимаю и согласен');
    await see(page, 'Введите сумму любого платежа');
    await send(page, '1543,20');
    await see(page, 'Готово! Лицевой счёт 100000000001 привязан к этому чату.');
  }

  it('links a demo account with the buttons, shows its information as a card, takes a reading, receives the proactive message that billing accepted it, shows the consumption chart and the history table, and continues the same conversation after a reload', async () => {
    const page = await open('/', 'ru-RU');
    await link(page);
    await see(page, 'г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    expect(await page.locator('.ac-factset').count()).toBeGreaterThan(0);
    await shoot(page, 'webchat-linked');

    await action(page, 'Информация по счёту').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.querySelectorAll('.ac-factset').length >= 2");

    await press(page, 'Передать показания');
    await see(page, 'Лицевой счёт 100000000001, счётчик CE102-0100001, показание.');
    const meter = await demoMeter(app.runtime.orm);
    await send(page, String(meter.next));
    await see(page, `CE102-0100001, показание: ${meter.next} (расход ${nextConsumptionKwh} кВт·ч)`);
    await press(page, 'Передать');
    await see(page, 'Показания приняты');
    const submittedFor = (await app.runtime.orm.em.fork().findOneOrFail(MeterReading, { accepted: false })).period;
    const sixMonths = lastMonths(submittedFor, 6);
    const shownSixMonths = `${displayPeriod(sixMonths.from)}–${displayPeriod(sixMonths.to)}`;
    await press(page, 'Не нужно');
    await action(page, 'Ещё…').waitFor();
    await shoot(page, 'webchat-readings');

    // Billing takes the reading: the bot says so on its own, without the customer asking.
    const accepted = await fetch(`${app.url}/operator/readings/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ account: '100000000001', period: submittedFor }),
    });
    expect(await accepted.json()).toEqual({ accepted: 1, notified: 1 });
    await app.pushes.kick();
    await see(page, 'учтены при расчёте');
    await press(page, 'Меню');

    await press(page, 'История показаний');
    await press(page, 'Последние 6 месяцев');
    await see(page, 'Расход электроэнергии по месяцам');
    await page.waitForFunction("[...document.images].some((image) => image.src.includes('/files/') && image.naturalWidth === 860)");
    await see(page, `История показаний по счёту 100000000001, ${shownSixMonths}`);
    await see(page, '✅ — показание учтено при расчёте.');
    await page.locator('img[src*="/files/"]').last().scrollIntoViewIfNeeded();
    await shoot(page, 'webchat-chart', { atBottom: false });
    await press(page, 'Готово');
    // Billing has taken this month's reading: the bot says so before anything is typed.
    await press(page, 'Передать показания');
    await see(page, 'Показания за');
    // The receipt arrives as a file to download, with its summary and the way to pay.
    await press(page, 'Квитанции');
    const newestReceipt = displayPeriod(shiftPeriod(submittedFor, -1));
    await press(page, newestReceipt);
    await see(page, `Квитанция по счёту 100000000001 за ${newestReceipt}`);
    const download = await page.waitForSelector('a[href*="/files/"]');
    const pdf = await fetch(String(await download.getAttribute('href')));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await shoot(page, 'webchat-receipt');
    if (process.env['UPDATE_SCREENSHOTS'] === '1') writeFileSync(join(screenshots, 'receipt.png'), pdfPage(Buffer.from(await pdf.arrayBuffer()), 110));
    await press(page, 'Меню');
    await press(page, 'Ещё…');
    await press(page, 'Начисления и платежи');
    await see(page, 'За какой период показать начисления и платежи по счёту 100000000001?');

    // A reload keeps the conversation: the transcript comes back, and the question still waits.
    await page.reload();
    await page.waitForSelector('[data-conversation="continued"]');
    await see(page, 'Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    await press(page, 'Последние 6 месяцев');
    await see(page, `Начисления и платежи по счёту 100000000001, ${shownSixMonths}`);

    // «Оплатить» from the e-receipt letter opens this chat on the payment of that account.
    const token = await app.runtime.services.links.sign('100000000001' as AccountNumber, 'pay', new Date(Date.now() + 3600_000));
    await page.goto(`${app.url}/?start=${token}`);
    await see(page, 'К оплате по лицевому счёту 100000000001 рекомендуется');
    expect(new URL(page.url()).searchParams.has('start')).toBe(false);
    await page.close();
  }, 120_000);

  it("files an appeal on a phone with a photo uploaded through the paper clip; the operator's answer comes back with its PDF to download", async () => {
    const page = await open('/', 'ru-RU', { width: 390, height: 800 });
    await see(page, 'Что вы хотите сделать?');
    await press(page, 'Написать обращение');
    await press(page, 'Не клиент компании');
    await send(page, 'г. Липецк');
    await press(page, 'Подключение');
    await see(page, 'Представьтесь, пожалуйста');
    await send(page, 'Олег');
    await see(page, 'Введите e-mail');
    await send(page, 'oleg@mail.ru');
    await press(page, 'Отвечать только по e-mail');
    await see(page, 'Укажите адрес');
    await send(page, 'ул. Ленина, 5');
    await see(page, 'Напишите ваш вопрос');
    await send(page, 'Как подключить дачный дом к сети?');
    await see(page, 'Прикрепите фотографии или документы');
    // Web Chat's paper clip posts to the relay's Direct Line /upload; the bot reads the file back at once.
    const upload = page.locator('input[type=file]');
    await upload.setInputFiles({
      name: 'notes.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: customerFiles['notes.docx'],
    });
    await see(page, 'Файл «notes.docx» не прикреплён: такой тип файла не принимается.');
    await upload.setInputFiles({ name: 'Щиток.png', mimeType: 'image/png', buffer: meterPhoto() });
    await see(page, 'Прикреплено файлов: 1 из 5');
    await press(page, 'Готово');
    await see(page, 'Черновик обращения');
    await see(page, '📎 Щиток.png');
    await shoot(page, 'webchat-appeal-draft');
    await press(page, 'Отправить обращение');
    await see(page, 'Обращение отправлено, его номер');
    const number = /А-\d{4}-\d{6}/.exec((await page.getByText('Обращение отправлено, его номер').first().textContent()) ?? '')?.[0] ?? '';
    const thread = (await (
      await fetch(`${app.url}/operator/appeals/${encodeURIComponent(number)}`, { headers: { authorization: `Bearer ${operatorToken}` } })
    ).json()) as unknown;
    expect(thread).toMatchObject({ attachments: [{ name: 'Щиток.png', mime: 'image/png' }] });

    const form = new FormData();
    form.set('text', 'Схема подключения во вложении.');
    form.set('key', 'crm-web-1');
    form.append('files', new Blob([new Uint8Array(customerFiles['scan.pdf'])]), 'Схема.pdf');
    expect(
      (
        await fetch(`${app.url}/operator/appeals/${encodeURIComponent(number)}/replies`, {
          method: 'POST',
          headers: { authorization: `Bearer ${operatorToken}` },
          body: form,
        })
      ).status,
    ).toBe(201);
    await app.pushes.kick();
    await see(page, 'Схема подключения во вложении.');
    const download = page.getByRole('link', { name: /Схема\.pdf/ }).first();
    await download.waitFor({ timeout: 10_000 });
    const pdf = await fetch((await download.getAttribute('href')) ?? '');
    expect([pdf.headers.get('content-type'), Buffer.from(await pdf.arrayBuffer()).equals(customerFiles['scan.pdf'])]).toEqual(['application/pdf', true]);
    await shoot(page, 'webchat-appeal-answer');
    await page.close();
  }, 90_000);

  it('shows two accounts on a phone, the active one marked, and switches between them', async () => {
    const page = await open('/', 'ru-RU', { width: 390, height: 800 });
    await link(page);
    await send(page, '/link');
    await see(page, 'Введите номер лицевого счёта');
    await send(page, '100000000003');
    await press(page, 'Да');
    await press(page, 'Принимаю и согласен');
    await send(page, '500');
    await see(page, 'привязан к этому чату и теперь активный');
    await send(page, '/accounts');
    await see(page, 'Ваши лицевые счета (2 из 10)');
    await shoot(page, 'webchat-accounts');
    await press(page, 'Перейти к счёту 100000000001');
    await see(page, 'Активный счёт — 100000000001');
    await page.close();
  }, 60_000);

  it('fits the menu on a phone: every action on screen, stacked, with no sideways scrolling', async () => {
    const page = await open('/', 'ru-RU', { width: 390, height: 800 });
    await link(page);
    await see(page, 'Лицевой счёт 100000000001. Что вы хотите сделать?');
    const labels = ['Информация по счёту', 'Оплатить', 'Передать показания', 'Квитанции', 'История показаний', 'Ещё…'];
    await action(page, 'Ещё…').waitFor();
    for (const label of labels) {
      const box = await action(page, label).boundingBox();
      expect({ label, inside: box !== null && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 800 }).toEqual({
        label,
        inside: true,
      });
    }
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shoot(page, 'webchat-phone-menu');
    await press(page, 'Ещё…');
    await see(page, 'Ещё действия:');
    await shoot(page, 'webchat-phone-more');
    await page.close();
  });

  it("speaks the page language: the browser's, or the one the header link switches to; the bot follows it", async () => {
    const page = await open('/', 'en-US');
    await see(page, 'What would you like to do?');
    expect(await page.title()).toBe('Energosbyt customer chat');
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Type your message');
    await press(page, 'Link an account');
    await send(page, '100000000003');
    await see(page, 'Is this your address?');
    await shoot(page, 'webchat-english');

    await page.getByRole('link', { name: 'По-русски' }).click();
    await page.waitForURL(/lang=ru/);
    expect(await page.title()).toBe('«Энергосбыт» — чат с клиентами');
    await page.getByRole('textbox').waitFor();
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Введите сообщение');
    await send(page, '/menu');
    await see(page, 'Что вы хотите сделать?');
    await page.close();
  });
});
