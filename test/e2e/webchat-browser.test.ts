import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { billingPeriod } from '../../core/domain/meter';
import { startTestApp, type TestApp } from '../support/test-app';

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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(path: string, locale: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 900, height: 820 }, locale });
    await page.goto(`${app.url}${path}`);
    return page;
  }

  /** Waits until the text shows in the transcript (Web Chat repeats it for screen readers). */
  async function see(page: Page, text: string): Promise<void> {
    await page.getByText(text).first().waitFor({ timeout: 10_000 });
  }

  /** Presses a suggested action (the transcript keeps a hidden copy for screen readers, hence the last). */
  async function press(page: Page, label: string): Promise<void> {
    await page.getByRole('button', { name: label, exact: true }).last().click();
  }

  async function send(page: Page, text: string): Promise<void> {
    const input = page.getByRole('textbox');
    await input.fill(text);
    await input.press('Enter');
  }

  it('links a demo account with the buttons, shows its information, takes a reading, receives the proactive message that billing accepted it, shows the consumption chart, and remembers the customer after a reload', async () => {
    const page = await open('/', 'ru-RU');
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
    await see(page, 'Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    await page.screenshot({ path: join(screenshots, 'webchat-linked.png') });

    await page.getByRole('button', { name: 'Информация по счёту', exact: true }).last().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.body.innerText.split('Баланс: переплата').length > 2");

    await press(page, 'Передать показания');
    await see(page, 'Счётчик CE102-0100001, показание.');
    await send(page, '34400');
    await see(page, 'CE102-0100001, показание: 34400 (расход 84 кВт·ч)');
    await press(page, 'Передать');
    await see(page, 'Показания приняты');
    await press(page, 'Не нужно');
    await page.screenshot({ path: join(screenshots, 'webchat-readings.png') });

    // Billing takes the reading: the bot says so on its own, without the customer asking.
    const accepted = await fetch(`${app.url}/operator/readings/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ account: '100000000001', period: billingPeriod(new Date(), 'Europe/Moscow') }),
    });
    expect(await accepted.json()).toEqual({ accepted: 1, notified: 1 });
    await app.pushes.kick();
    await see(page, 'учтены при расчёте');
    await press(page, 'Меню');

    await press(page, 'История показаний');
    await press(page, 'Последние 6 месяцев');
    await see(page, 'Расход электроэнергии по месяцам');
    await page.waitForFunction("[...document.images].some((image) => image.src.includes('/files/') && image.naturalWidth === 860)");
    await see(page, 'История показаний по счёту 100000000001');
    await page.locator('img[src*="/files/"]').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'webchat-chart.png') });
    await press(page, 'Готово');

    await page.reload();
    await see(page, 'Лицевой счёт 100000000001. Что вы хотите сделать?');
    await page.close();
  });

  it('speaks English when the browser does, and the bot answers in English', async () => {
    const page = await open('/', 'en-US');
    await see(page, 'What would you like to do?');
    expect(await page.title()).toBe('Energosbyt customer chat');
    await press(page, 'Link an account');
    await send(page, '100000000003');
    await see(page, 'Is this your address?');
    await page.screenshot({ path: join(screenshots, 'webchat-english.png') });
    await page.close();
  });
});
