import { BotFrameworkChannel } from './bot-framework-channel';
import { FakeTelegramApi } from './fake-telegram-api';
import { startTestApp, type TestApp } from './test-app';

export interface BothChannels {
  readonly api: FakeTelegramApi;
  readonly app: TestApp;
  readonly channel: BotFrameworkChannel;
  /** Calls the operator API as the supplier's systems do. */
  operator(path: string, body: unknown, token?: string): Promise<Response>;
}

export const operatorToken = 'operator-token-0123456789abcdef';

/** Around each test of the suite: the app on a fresh embedded store, Telegram behind a fake Bot API, and a Bot Framework channel. */
export function bothChannels(env: Record<string, string> = {}): BothChannels {
  const world = {
    operator: (path: string, body: unknown, token = operatorToken) =>
      fetch(`${world.app.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  } as { api: FakeTelegramApi; app: TestApp; channel: BotFrameworkChannel } & Pick<BothChannels, 'operator'>;
  beforeEach(async () => {
    world.api = await new FakeTelegramApi().start();
    world.app = await startTestApp({ TELEGRAM_BOT_TOKEN: world.api.token, TELEGRAM_API_ROOT: world.api.apiRoot, OPERATOR_TOKEN: operatorToken, ...env });
    world.channel = await new BotFrameworkChannel(world.app.url).start();
  });
  afterEach(async () => {
    await world.channel?.stop().catch(() => undefined);
    await world.app?.close();
    await world.api?.stop();
  });
  return world;
}
