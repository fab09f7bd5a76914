import { clientAddress } from '../../bots/channels/http/request-origin';
import { ConfigError, createConfig } from '../../bots/app/config';

describe('configuration', () => {
  it('runs on the embedded default with no variables at all', () => {
    const config = createConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/energobot.sqlite' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.telegram).toBeUndefined();
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
  });

  it('takes the production variables', () => {
    const config = createConfig({
      DATABASE_URL: 'postgresql://bot@db/energobot',
      REDIS_URL: 'redis://cache:6379',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-secret-token-123',
      MICROSOFT_APP_ID: 'app-id',
      MICROSOFT_APP_PASSWORD: 'app-password',
      DIRECT_LINE_SECRET: 'direct-line-secret',
      YOOKASSA_SHOP_ID: '123456',
      YOOKASSA_SECRET_KEY: 'live_secret',
    });
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgresql://bot@db/energobot' });
    expect(config.telegram?.webhook).toEqual({ url: 'https://bot.example.ru/telegram/webhook', secret: 'a-long-secret-token-123' });
    expect(config.host).toBe('0.0.0.0');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected a port number'],
    [{ DATABASE_URL: 'mysql://db' }, 'DATABASE_URL: expected a PostgreSQL URL (postgres://… or postgresql://…)'],
    [{ TELEGRAM_BOT_TOKEN: 'nope' }, 'TELEGRAM_BOT_TOKEN: expected a token from @BotFather, like 123456:ABC-DEF…'],
    [
      { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx', TELEGRAM_WEBHOOK_URL: 'https://x.ru/hook' },
      'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set',
    ],
    [{ SUPPLIER_TIME_ZONE: 'Mars/Olympus' }, 'SUPPLIER_TIME_ZONE: expected an IANA time zone such as Europe/Moscow'],
    [{ DATABASE_URL: 'postgresql://bot@db/energobot' }, 'PAYMENTS_PROVIDER: with DATABASE_URL a real payment provider is required'],
    [{ PAYMENTS_PROVIDER: 'yookassa' }, 'YOOKASSA_SHOP_ID: required when PAYMENTS_PROVIDER=yookassa'],
    [{ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret' }, 'DIRECT_LINE_SECRET: required when MICROSOFT_APP_ID is set'],
  ])('names the bad variable in one line: %p', (env, line) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    expect(() => createConfig(env)).toThrow(line);
  });
});

describe('the client address behind proxies', () => {
  it.each([
    ['203.0.113.7', undefined, [], '203.0.113.7'],
    ['::ffff:203.0.113.7', '198.51.100.1', [], '203.0.113.7'],
    ['10.0.0.5', '198.51.100.9, 203.0.113.7', ['10.0.0.5'], '203.0.113.7'],
    ['10.0.0.5', '198.51.100.9, 10.0.0.6', ['10.0.0.5', '10.0.0.6'], '198.51.100.9'],
  ])('socket %p with X-Forwarded-For %p and trusted %p is %p', (socket, forwarded, trusted, client) => {
    expect(clientAddress(socket, forwarded, trusted)).toBe(client);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => createConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow('TRUSTED_PROXIES: expected comma-separated IP addresses');
  });
});
