import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { appealNumberIn, fileAsStranger } from '../support/appeal-scripts';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play } from '../support/test-app';
import * as passwords from '../../bots/channels/desk/passwords';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { machineClock, shiftedClock } from '../support/machine-clock';
import { customerFiles } from '../support/customer-files';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** CI installs Debian's chromium, so this never skips there (the run fails on any skipped test). */
const describeWithChromium = existsSync(chromiumPath) ? describe : describe.skip;
const screenshots = join(__dirname, 'screenshots');
const root = join(__dirname, '..', '..');

describeWithChromium("the operators' desk in headless Chromium", () => {
  const both = bothChannels();
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      env: machineClock(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
  });
  afterAll(() => browser?.close());

  it('an operator added by npm run operator:add signs in, sets a password, answers an appeal in the chat, and closes it', async () => {
    const customer = new TelegramCustomer(both.api, 1401);
    await play(customer, fileAsStranger.slice(0, -2));
    await customer.sendsFile({ name: 'Счётчик.jpg', bytes: customerFiles['meter.jpg'], mime: 'image/jpeg' });
    await customer.presses('Готово');
    const number = appealNumberIn((await customer.presses('Отправить обращение'))[0]?.text ?? '');

    const added = execFileSync(process.execPath, ['--no-deprecation', '--import', 'tsx', join(root, 'bots', 'app', 'operator-add.ts'), 'irina'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', ...shiftedClock(), SQLITE_PATH: join(both.app.dir, 'energobot.sqlite') },
    }).toString();
    const oneTime = /one-time password (\S+)/.exec(added)?.[1] ?? '';
    expect(oneTime).toHaveLength(24);

    const context = await browser.newContext({ viewport: { width: 1100, height: 860 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${both.app.url}/desk`);
    await page.fill('#login', 'irina');
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await page.getByText('Неверный логин или пароль.').waitFor();
    await page.fill('#login', 'irina');
    await page.fill('#password', oneTime);
    await page.click('button[type=submit]');
    await page.getByText('Задайте свой пароль').waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'energobot_desk', httpOnly: true, sameSite: 'Strict', path: '/desk' });
    await page.fill('#current', oneTime);
    await page.fill('#password', 'short');
    await page.locator('#password').evaluate((input) => input.removeAttribute('minlength'));
    await page.click('main button[type=submit]');
    await page.getByText('Пароль должен быть не короче 12 символов.').waitFor();
    await page.fill('#current', 'not the one handed out');
    await page.fill('#password', 'irina-own-password-2026');
    await page.click('main button[type=submit]');
    await page.getByText('Текущий пароль неверен: пароль не изменён.').waitFor();
    await page.fill('#current', oneTime);
    await page.fill('#password', 'irina-own-password-2026');
    await page.click('main button[type=submit]');

    await page.getByRole('link', { name: number }).click();
    await page.getByText('Как подключить дачный дом к сети?').first().waitFor();
    // The customer's photo: opened by a signed-in operator only.
    const photoLink = page.getByRole('link', { name: 'Счётчик.jpg' });
    const photoPath = (await photoLink.getAttribute('href')) ?? '';
    const photo = await page.request.get(`${both.app.url}${photoPath}`);
    expect([photo.status(), photo.headers()['content-type'], (await photo.body()).equals(customerFiles['meter.jpg'])]).toEqual([200, 'image/jpeg', true]);
    expect((await fetch(`${both.app.url}${photoPath}`, { redirect: 'manual' })).status).toBe(303);

    const answerText = 'Подайте заявку в личном кабинете сетевой компании; срок — 4 месяца. Бланк во вложении.';
    await page.fill('#answer', answerText);
    await page.setInputFiles('#files', { name: 'notes.docx', mimeType: 'application/octet-stream', buffer: customerFiles['notes.docx'] });
    await page.click('text=Отправить ответ');
    await page.getByText('Ответ не отправлен: файл «notes.docx»: такой тип файла не принимается.').waitFor();
    expect(await page.inputValue('#answer')).toBe(answerText);
    await page.setInputFiles('#files', { name: 'Бланк заявки.pdf', mimeType: 'application/pdf', buffer: customerFiles['scan.pdf'] });
    if (process.env['UPDATE_SCREENSHOTS'] === '1') await page.screenshot({ path: join(screenshots, 'desk-thread.png'), fullPage: true });
    await page.click('text=Отправить ответ');
    await page.locator('.message.operator').waitFor();
    await page.getByRole('link', { name: 'Бланк заявки.pdf' }).waitFor();
    await both.app.pushes.kick();
    const [answered, blank] = await customer.replies();
    expect(answered).toEqual({ text: `Ответ на обращение ${number}:\n${answerText}`, buttons: [] });
    expect(blank).toEqual({ text: '📎 Бланк заявки.pdf', buttons: ['Ответить', 'Открыть обращение'], file: 'Бланк заявки.pdf' });

    // A form posted from elsewhere carries the cookie but not the page's CSRF token: refused.
    const forged = await fetch(`${both.app.url}/desk/appeals/${encodeURIComponent(number)}/close`, {
      method: 'POST',
      headers: { cookie: `${cookie?.name}=${cookie?.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrf=guess',
    });
    expect(forged.status).toBe(403);

    await page.click('text=Закрыть обращение');
    await page.getByRole('link', { name: 'есть ответ' }).click();
    expect(await page.getByRole('link', { name: number }).count()).toBe(0);
    await page.goto(`${both.app.url}/desk?status=closed`);
    await page.getByRole('link', { name: number }).waitFor();
    await context.close();
  }, 90_000);

  it('an operator publishes an interruption on «Оповещения» in her own words and times, the chat on the street hears it, and the page counts it delivered', async () => {
    const customer = new TelegramCustomer(both.api, 1402);
    await play(customer, linkingScript);
    await customer.replies();
    await new SqlOperators(both.app.runtime.orm).setPassword('olga', await passwords.hashPassword('olga-own-password-2026'), false, new Date());
    for (const [width, height, name] of [
      [1100, 900, 'desk-notices.png'],
      [390, 844, 'desk-notices-phone.png'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'ru-RU' });
      const page = await context.newPage();
      await page.goto(`${both.app.url}/desk`);
      await page.fill('#login', 'olga');
      await page.fill('#password', 'olga-own-password-2026');
      await page.click('button[type=submit]');
      await page.getByRole('link', { name: 'Оповещения' }).click();
      if (name === 'desk-notices.png') {
        await page.selectOption('#notice-kind', 'emergency');
        await page.fill('#notice-area', 'г. Воронеж, ул. Кольцовская, д. 24');
        await page.fill('#notice-from', '2026-12-05T09:00');
        await page.fill('#notice-until', '2026-12-05T17:00');
        await page.fill('#notice-reason', 'авария на кабельной линии');
        await page.click('text=Опубликовать и оповестить');
        await page.getByText('г. Воронеж, ул. Кольцовская, д. 24').first().waitFor();
        await both.app.pushes.kick();
        const [told] = await customer.replies();
        expect(told?.text).toBe(
          '⚡ Аварийное отключение электроэнергии: г. Воронеж, ул. Кольцовская, д. 24.\nС 05.12.2026, 09:00, восстановление ожидается к 05.12.2026, 17:00. Причина: авария на кабельной линии.',
        );
        await page.reload();
      }
      const cells = await page.locator('tr[data-broadcast^="interruption:"] td').allTextContents();
      expect(cells.slice(-4)).toEqual(['1', '1', '0', '0']);
      if (process.env['UPDATE_SCREENSHOTS'] === '1') await page.screenshot({ path: join(screenshots, name), fullPage: true });
      await context.close();
    }
  }, 90_000);
});
