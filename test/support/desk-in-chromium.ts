import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import * as passwords from '../../bots/channels/desk/passwords';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { machineClock } from './machine-clock';
import type { BothChannels } from './both-channels';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** CI installs Debian's chromium, so this never skips there (the run fails on any skipped test). */
export const describeWithChromium = existsSync(chromiumPath) ? describe : describe.skip;

/** Chromium around a desk suite, and operators with their own passwords signed in on it, at the size asked for. */
export function deskInChromium(both: Pick<BothChannels, 'app'>) {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      env: machineClock(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
  });
  afterAll(() => browser?.close());

  /** A password set again ends the operator's other sessions. */
  const signedIn = async (login: string, viewport = { width: 1100, height: 860 }) => {
    const secret = `${login}-own-password-2026`;
    await new SqlOperators(both.app.runtime.orm).setPassword(login, await passwords.hashPassword(secret), false, new Date());
    const context = await browser.newContext({ viewport, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${both.app.url}/desk`);
    await page.fill('#login', login);
    await page.fill('#password', secret);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Обращения', exact: true }).waitFor();
    return { context, page };
  };
  return { signedIn, browser: () => browser };
}
