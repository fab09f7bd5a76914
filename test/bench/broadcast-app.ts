import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../bots/app/app';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../core/kernel/log';
import { FakeTelegramApi } from '../support/fake-telegram-api';

/** What a broadcast benchmark publishes to: the real app on the embedded default, a Bot API that refuses more than `sendsPerSecond`. */
export interface BroadcastApp {
  readonly app: App;
  readonly api: FakeTelegramApi;
  readonly operatorToken: string;
  readonly stop: () => Promise<void>;
}

export async function startBroadcastApp(sendsPerSecond: number): Promise<BroadcastApp> {
  const dir = mkdtempSync(join(tmpdir(), 'energobot-bench-'));
  const api = await new FakeTelegramApi().start();
  api.enforceRate(sendsPerSecond);
  const operatorToken = 'bench-operator-token-0123456789';
  const app = await startApp(
    createConfig({
      PORT: '0',
      SQLITE_PATH: join(dir, 'bench.sqlite'),
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      OPERATOR_TOKEN: operatorToken,
    }),
    createLog('error'),
  );
  await app.telegramReady;
  return {
    app,
    api,
    operatorToken,
    stop: async () => {
      await app.stop();
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
