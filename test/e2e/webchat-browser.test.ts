import { createHash } from 'node:crypto';
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
import type { Kopecks } from '../../core/kernel/money';
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
/** The widths the page must read well at: a phone's and a desktop's. */
const widths = [
  { width: 390, height: 800 },
  { width: 900, height: 820 },
] as const;

/**
 * The words of the elements that the browser split over two lines (a label broken mid-word,
 * «Коэффици/ент»): each word's box must stay on one line. Run in the page.
 */
const brokenWords = `(selector) => {
  const broken = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent || '').matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}`;

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
    expect(await page.locator('.ac-adaptiveCard').count()).toBeGreaterThan(0);
    await shoot(page, 'webchat-linked');

    await action(page, 'Информация по счёту').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.querySelectorAll('.ac-adaptiveCard').length >= 2");

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
    await see(page, '✅ — показание учтено при расчёте');
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
    await see(page, 'Укажите улицу, дом и квартиру в населённом пункте г. Липецк');
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
    await page.close();
  });

  for (const viewport of widths) {
    it(`reads well ${viewport.width} px wide: the card's labels whole, «Ещё…» paged under the conversation, the chart opens full size`, async () => {
      const phone = viewport.width < 600;
      const page = await open('/', 'ru-RU', viewport);
      await link(page);
      await press(page, 'Информация по счёту');
      await see(page, 'Коэффициент сезонности');
      expect(await page.evaluate("[...document.querySelectorAll('.ac-adaptiveCard')].every((card) => card.scrollWidth <= card.clientWidth)")).toBe(true);
      // The measure itself: a word squeezed into a narrow box is found broken.
      const probe = `(() => { const probe = document.createElement('div'); probe.id = 'probe'; probe.style.cssText = 'width: 40px; overflow-wrap: anywhere'; probe.textContent = 'Коэффициент'; document.body.append(probe); const broken = (${brokenWords})('#probe'); probe.remove(); return broken; })()`;
      expect(await page.evaluate(probe)).toEqual(['Коэффициент']);
      expect(await page.evaluate(`(${brokenWords})('.ac-adaptiveCard')`)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await shoot(page, phone ? 'webchat-phone-info' : 'webchat-info');

      // «Ещё…» is paged: six buttons at most, under the conversation that stays in view.
      await send(page, '/menu');
      await press(page, 'Ещё…');
      await see(page, 'Ещё действия:');
      await action(page, 'Написать обращение').waitFor();
      // Web Chat scrolls the transcript smoothly to the new activity: the layout is read once it has come to rest.
      const layout = `(() => {
        const lists = document.querySelectorAll('.webchat__suggested-actions');
        const bubbles = [...document.querySelectorAll('.webchat__bubble__content')].filter((bubble) => bubble.textContent.includes('Ещё действия:'));
        if (lists.length === 0 || bubbles.length === 0) return null;
        const actions = lists[lists.length - 1].getBoundingClientRect();
        const asked = bubbles[bubbles.length - 1].getBoundingClientRect();
        return { listShare: actions.height / ${viewport.height} < 0.45, askedInView: asked.top >= 0 && asked.bottom <= actions.top };
      })()`;
      await page.waitForFunction(`(${layout} ?? {}).askedInView === true`, undefined, { timeout: 10_000 }).catch(() => undefined);
      expect(await page.evaluate(layout)).toEqual({ listShare: true, askedInView: true });
      await shoot(page, phone ? 'webchat-phone-more' : 'webchat-more');
      await press(page, 'Ещё…');
      await action(page, 'Мои лицевые счета').waitFor();
      await press(page, 'Назад');
      await action(page, 'Написать обращение').waitFor();
      await press(page, 'Меню');

      // The chart is scaled to the chat's width: a tap opens it full size.
      await press(page, 'История показаний');
      await press(page, 'Последние 6 месяцев');
      await page.waitForFunction("[...document.images].some((image) => image.src.includes('/files/') && image.naturalWidth === 860)");
      const chart = page.locator('img[src*="/files/"]').last();
      expect((await chart.boundingBox())?.width).toBeLessThan(phone ? 390 : 860);
      const [full] = await Promise.all([page.context().waitForEvent('page'), chart.click()]);
      await full.waitForLoadState();
      expect([full.url(), await full.evaluate('document.images[0].naturalWidth')]).toEqual([await chart.getAttribute('src'), 860]);
      await page.close();
    }, 90_000);
  }

  it('opens a link from an e-mail in a new browser on its task, with no stray menu question before it', async () => {
    const token = await app.runtime.services.links.sign('100000000001' as AccountNumber, 'pay', new Date(Date.now() + 3600_000));
    const page = await open(`/?start=${token}`, 'ru-RU', { width: 390, height: 800 });
    await see(page, '100000000001');
    await page.locator('.webchat__suggested-actions button').first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByText('Что вы хотите сделать?').count()).toBe(0);
    await page.close();
  });

  it('follows the language chosen in the chat: the header, its link, the placeholder and the times switch at once and after a reload, and the card page speaks it', async () => {
    const page = await open('/', 'ru-RU');
    await see(page, 'Что вы хотите сделать?');
    await see(page, 'Только что');
    await send(page, '/language');
    await press(page, 'English');
    await see(page, 'Language changed: English.');
    const english = async () => {
      await page.locator('[placeholder="Type your message"]').waitFor();
      await page.locator('header h1', { hasText: 'Energosbyt customer chat' }).waitFor();
      await page.getByRole('link', { name: 'По-русски' }).waitFor();
      await see(page, 'Just now');
      expect([await page.title(), await page.getByText('Только что').count()]).toEqual(['Energosbyt customer chat', 0]);
    };
    await english();
    await shoot(page, 'webchat-english');
    await page.reload();
    expect(await page.title()).toBe('Energosbyt customer chat');
    await page.waitForSelector('[data-conversation="continued"]');
    await english();

    // The card page of a payment started in this chat speaks English too, in any browser.
    const secret = String(await page.evaluate("localStorage.getItem('energobot-user')"));
    const chat = { channel: 'webchat' as const, id: `web-${createHash('sha256').update(secret).digest('hex').slice(0, 32)}` };
    const order = await app.runtime.orders.create(
      { account: '100000000001' as AccountNumber, amount: 50_000 as Kopecks, includesEstimate: false, chat },
      'sandbox',
    );
    expect(await (await fetch(`${app.url}/pay/${order}`)).text()).toContain('<html lang="en">');

    // The header's link chooses the chat's language, and the page follows the bot's answer.
    await page.getByRole('link', { name: 'По-русски' }).click();
    await see(page, 'Язык изменён: русский.');
    await page.locator('[placeholder="Введите сообщение"]').waitFor();
    await page.getByRole('link', { name: 'In English' }).waitFor();
    expect([await page.title(), new URL(page.url()).searchParams.has('lang')]).toEqual(['«Энергосбыт» — чат с клиентами', false]);
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

    await page.getByRole('link', { name: 'По-русски' }).click();
    await see(page, 'Язык изменён: русский.');
    expect(await page.title()).toBe('«Энергосбыт» — чат с клиентами');
    await page.locator('[placeholder="Введите сообщение"]').waitFor();
    await send(page, '/menu');
    await see(page, 'Что вы хотите сделать?');
    await page.close();
  });
});
