import { reconcileYooKassa } from '../../bots/integrations/payments/yookassa-routes';
import { createLog } from '../../core/kernel/log';
import { ChatPush, PaymentOrder } from '../../db/entities';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { FakeYooKassa } from '../support/fake-yookassa';
import { TelegramCustomer } from '../support/telegram-customer';
import { play, startTestApp, type Step, type TestApp } from '../support/test-app';

const linkAndPay: Step[] = [
  { say: '/link' },
  { say: '100000000003' },
  { press: 'Да' },
  { press: 'Принимаю и согласен' },
  { say: '500' },
  { say: '/pay' },
  { press: 'Другая сумма' },
  { say: '1500' },
];

describe('YooKassa API v3', () => {
  let api: FakeTelegramApi;
  let yookassa: FakeYooKassa;
  let app: TestApp;

  beforeEach(async () => {
    api = await new FakeTelegramApi().start();
    yookassa = await new FakeYooKassa().start();
    app = await startTestApp({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      YOOKASSA_SHOP_ID: yookassa.shopId,
      YOOKASSA_SECRET_KEY: yookassa.secretKey,
      YOOKASSA_API_URL: yookassa.apiUrl,
    });
  });
  afterEach(async () => {
    await app.close();
    await yookassa.stop();
    await api.stop();
  });

  const notify = (id: string, event = 'payment.succeeded') =>
    fetch(`${app.url}/payments/yookassa/notification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'notification', event, object: { id, status: 'succeeded' } }),
    });

  it('creates the payment with a redirect confirmation, an idempotence key and the account in metadata', async () => {
    await play(new TelegramCustomer(api, 901), linkAndPay);
    const [payment] = [...yookassa.payments.values()];
    const order = await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '901' });
    expect(payment).toMatchObject({ amount: { value: '1500.00', currency: 'RUB' }, metadata: { account: '100000000003', orderId: order.id } });
    expect(yookassa.idempotenceKeys.get(order.id)).toBe(payment?.id);
    expect(order).toMatchObject({ provider: 'yookassa', providerPaymentId: payment?.id, status: 'pending' });
    const markup = api.messagesTo(901).at(-1)?.params['reply_markup'] as { inline_keyboard: { url?: string }[][] };
    expect(markup.inline_keyboard[0]?.[0]?.url).toBe(payment?.confirmation.confirmation_url);
    expect((await fetch(`${app.url}/pay/${order.id}`)).status).toBe(404);
    // The operator sees the provider's calls and how long they took.
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^energobot_provider_call_seconds_count\{provider="yookassa",call="POST \/v3\/payments",outcome="ok"\} 1$/m);
  });

  it('treats a notification as a trigger: only what the API says counts, and only once', async () => {
    await play(new TelegramCustomer(api, 902), linkAndPay);
    const [payment] = [...yookassa.payments.values()];
    expect((await notify(payment!.id)).status).toBe(200);
    expect(await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '902' })).toMatchObject({ status: 'pending' });

    yookassa.settle(payment!.id, 'succeeded');
    await notify(payment!.id);
    await notify(payment!.id);
    await app.pushes.kick();
    expect(await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '902' })).toMatchObject({ status: 'succeeded' });
    expect(await app.runtime.orm.em.fork().count(ChatPush, { chatId: '902' })).toBe(1);
    expect(String(api.messagesTo(902).at(-1)?.params['text'])).toContain('прошла');
    expect((await notify('no-such-payment')).status).toBe(404);
  });

  it('asks YooKassa about a payment still pending after 15 minutes', async () => {
    await play(new TelegramCustomer(api, 903), linkAndPay);
    const [payment] = [...yookassa.payments.values()];
    yookassa.settle(payment!.id, 'canceled');
    const options = {
      provider: app.runtime.yookassa!,
      orders: app.runtime.orders,
      pushes: app.runtime.pushes,
      allowedIps: [],
      pushed: () => undefined,
      log: createLog('error', () => {}),
    };
    expect(await reconcileYooKassa(options, new Date())).toBe(0);
    expect(await reconcileYooKassa(options, new Date(Date.now() + 16 * 60_000))).toBe(1);
    expect(await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '903' })).toMatchObject({ status: 'failed' });
  });

  it('refuses notifications from outside the allow-list when one is configured', async () => {
    const guarded = await startTestApp({
      YOOKASSA_SHOP_ID: yookassa.shopId,
      YOOKASSA_SECRET_KEY: yookassa.secretKey,
      YOOKASSA_API_URL: yookassa.apiUrl,
      YOOKASSA_ALLOWED_IPS: '185.71.76.0,77.75.153.0',
    });
    try {
      const response = await fetch(`${guarded.url}/payments/yookassa/notification`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'notification', event: 'payment.succeeded', object: { id: 'x' } }),
      });
      expect(response.status).toBe(403);
    } finally {
      await guarded.close();
    }
  });
});
