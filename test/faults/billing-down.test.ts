import { startHandoverDelivery } from '../../bots/app/deliveries';
import { startReferenceBilling, type ReferenceBilling } from '../../bots/integrations/billing/reference-server';
import { createLog } from '../../core/kernel/log';
import { BillingSubmission, ChatPush, MeterReading, ReadingHandover } from '../../db/entities';
import { recordBilling, type BillingRecorder } from '../support/billing-contract';
import { createWorld, talk, type World } from '../support/conversation';
import { demoMeter } from '../support/demo-meter';
import { freePort } from '../support/own-stores';

/**
 * The supplier's billing stops while a customer is in the middle of things: what was kept is
 * shown with its time, what was never answered gets a clear word, readings are kept and handed
 * over once billing is back, exactly once in its eyes.
 */
describe('billing goes away in the middle of a conversation', () => {
  let world: World;
  let billing: ReferenceBilling | undefined;
  let recorder: BillingRecorder;
  let port: number;

  beforeEach(async () => {
    port = await freePort();
    world = await createWorld({
      billing: async (orm) => {
        billing = await startReferenceBilling({ orm, port });
        recorder = await recordBilling(billing.url);
        return { url: recorder.url, close: async () => Promise.all([recorder.close(), billing?.close()]).then(() => undefined) };
      },
    });
  });
  afterEach(() => world.close());

  const restart = async () => {
    billing = await startReferenceBilling({ orm: world.orm, port });
  };

  it('keeps the readings, answers from what it kept, and hands them over once when billing is back: 0 lost, 0 doubled', async () => {
    const meter = await demoMeter(world.orm);
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [{ press: 'Передать показания', expect: [expect.stringContaining('Лицевой счёт 100000000001, счётчик CE102-0100001')] }]);
    await billing?.close();
    await talk(customer, [
      { say: String(meter.next), expect: [expect.stringContaining(`${meter.next} (расход 84 кВт·ч)`)] },
      {
        press: 'Передать',
        expect: [
          'Показания приняты 24.11.2026, 12:00 и будут переданы в биллинг, как только он ответит: сейчас он недоступен. О результате сообщу здесь.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
    ]);
    world.clock.advance(5 * 60_000);
    await talk(customer, [
      {
        press: 'Информация по счёту',
        expect: [
          expect.stringContaining('Адрес'),
          'Это данные на 24.11.2026, 12:00: биллинг поставщика сейчас не отвечает, и с тех пор они могли измениться.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
      { press: 'История показаний', expect: [expect.stringContaining('За какой период')] },
      {
        press: 'Последние 6 месяцев',
        expect: [
          'Биллинг поставщика сейчас не отвечает, поэтому ответить на это не могу. Попробуйте через несколько минут.',
          'Лицевой счёт 100000000001. Что вы хотите сделать?',
        ],
      },
    ]);
    expect(world.errors).toEqual([]);
    const em = () => world.orm.em.fork();
    expect(await em().count(MeterReading, { period: '2026-11', value: meter.next })).toBe(0);

    await restart();
    const delivery = startHandoverDelivery(
      world.runtime,
      createLog('error', () => undefined),
      () => undefined,
    );
    try {
      // Twice at once, then again: the outbox claims a submission once, and billing sees its key once.
      expect((await Promise.all([delivery.deliverDue(), delivery.deliverDue()])).reduce((sum, sent) => sum + sent, 0)).toBe(1);
      expect(await delivery.deliverDue()).toBe(0);
    } finally {
      await delivery.stop();
    }
    expect(await em().count(MeterReading, { period: '2026-11', value: meter.next })).toBe(1);
    expect(await em().count(BillingSubmission, {})).toBe(1);
    expect(await em().findOneOrFail(ReadingHandover, { accountNumber: '100000000001' })).toMatchObject({ outcome: { kind: 'saved' } });
    const pushes = await em().find(ChatPush, { chatId: 'customer-1' });
    expect(pushes.map((push) => [push.messageKey, push.messageArgs])).toEqual([['push-readings-handed-over', { account: '100000000001', period: '11.2026' }]]);
    expect(recorder.violations()).toEqual([]);
  });

  it('asks nothing of billing for what it handed over in the chat: the outbox finds nothing to do', async () => {
    const meter = await demoMeter(world.orm);
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.any(String)] },
      { say: String(meter.next), expect: [expect.any(String)] },
      { press: 'Передать', expect: ['Показания приняты 24.11.2026, 12:00.', expect.any(String)] },
      { press: 'Не нужно', expect: [expect.any(String)] },
    ]);
    world.clock.advance(10 * 60_000);
    const delivery = startHandoverDelivery(
      world.runtime,
      createLog('error', () => undefined),
      () => undefined,
    );
    try {
      expect(await delivery.deliverDue()).toBe(0);
    } finally {
      await delivery.stop();
    }
    const em = world.orm.em.fork();
    expect([await em.count(BillingSubmission, {}), await em.count(MeterReading, { period: '2026-11', value: meter.next })]).toEqual([1, 1]);
    expect(await em.count(ChatPush, { chatId: 'customer-1', messageKey: 'push-readings-handed-over' })).toBe(0);
  });

  it('gives a customer who was never answered a clear word, not a generic error, and links once billing is back', async () => {
    await billing?.close();
    const customer = world.customer('newcomer');
    await talk(customer, [
      { say: '/link', expect: [expect.stringContaining('номер лицевого счёта')] },
      {
        say: '1000 0000 0001',
        expect: ['Биллинг поставщика сейчас не отвечает, поэтому ответить на это не могу. Попробуйте через несколько минут.', expect.any(String)],
      },
    ]);
    expect(world.errors).toEqual([]);
    await restart();
    await world.linkedCustomer('100000000001', '1543,20', customer);
  });
});
