import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../bots/app/app';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../core/kernel/log';
import type { DemoZone } from './demo-meter';

export interface TestApp extends App {
  readonly dir: string;
  readonly logs: string[];
  close(): Promise<void>;
}

/**
 * The real application on a free port, on the embedded default unless `env` says otherwise; once
 * its messengers are set up, unless a test of an unreachable one asks not to wait; on the
 * machine's clock unless given one.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { readonly messengersReady?: boolean; readonly clock?: () => Date } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'energobot-app-'));
  const logs: string[] = [];
  const config = createConfig({
    PORT: '0',
    SQLITE_PATH: join(dir, 'energobot.sqlite'),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    ...env,
  });
  const app = await startApp(
    config,
    createLog('debug', (line) => logs.push(line)),
    options.clock ? { clock: options.clock } : {},
  );
  if (options.messengersReady !== false) await Promise.all([app.telegramReady, app.maxReady]);
  return Object.assign(Object.create(null) as object, app, {
    dir,
    logs,
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** One message as a customer sees it on any channel: its text and its buttons' labels. */
export interface SeenMessage {
  readonly text: string;
  readonly buttons: readonly string[];
  /** The name of a file that came with the message (its text is then the caption). */
  readonly file?: string;
}

/** The steps of one conversation, driven through each channel in turn. */
export type Step = { readonly say: string } | { readonly press: string };

export interface ChannelCustomer {
  says(text: string): Promise<SeenMessage[]>;
  presses(label: string): Promise<SeenMessage[]>;
}

export async function play(customer: ChannelCustomer, steps: readonly Step[]): Promise<SeenMessage[][]> {
  const transcript: SeenMessage[][] = [];
  for (const step of steps) transcript.push('say' in step ? await customer.says(step.say) : await customer.presses(step.press));
  return transcript;
}

/** Linking demo account 1 and looking at it, with one malformed answer on the way. */
export const linkingScript: readonly Step[] = [
  { say: '/start' },
  { press: 'Привязать лицевой счёт' },
  { say: '1000 0000 001' },
  { say: '1000 0000 0001' },
  { press: 'Да' },
  { press: 'Принимаю и согласен' },
  { say: '1543,20 ₽' },
  { press: 'Информация по счёту' },
];

/** After linking demo account 1: one refused value, then a reading sent without the e-mail. */
export function readingsScript(meter: DemoZone): readonly Step[] {
  return [{ press: 'Передать показания' }, { say: String(meter.below) }, { say: String(meter.next) }, { press: 'Передать' }, { press: 'Не нужно' }];
}

/** With an account linked: the last six months of readings, with the chart, then CSV. */
export const historyScript: readonly Step[] = [{ press: 'История показаний' }, { press: 'Последние 6 месяцев' }, { press: 'Скачать CSV' }];

/** No-break spaces (money, grouping) as plain ones, to keep tests readable. */
export function plain(words: string): string {
  return words.replace(/[\u00a0\u202f]/g, ' ');
}
