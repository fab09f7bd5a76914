import { startReferenceBilling } from '../../bots/integrations/billing/reference-server';
import { operationIdOf, recordBilling, type BillingRecorder } from '../support/billing-contract';
import { createWorld, type Customer, type World, type WorldBilling } from '../support/conversation';
import { demoMeter } from '../support/demo-meter';

/** A step of the main conversations; `first` presses the first button the bot offers (an amount that depends on the account). */
type Step = { readonly say: string } | { readonly press: string } | { readonly first: true };

/** Link, information, readings, their history, pay, charges and payments, a receipt: what a customer mostly does. */
const mainConversations = (nextReading: number): readonly Step[] => [
  { say: '/link' },
  { say: '1000 0000 0001' },
  { press: 'Да' },
  { press: 'Принимаю и согласен' },
  { say: '1543,20 ₽' },
  { press: 'Информация по счёту' },
  { press: 'Передать показания' },
  { say: String(nextReading) },
  { press: 'Передать' },
  { press: 'Не нужно' },
  { press: 'История показаний' },
  { press: 'Последние 6 месяцев' },
  { say: '/pay' },
  { first: true },
  { say: '/menu' },
  { press: 'Ещё…' },
  { press: 'Начисления и платежи' },
  { press: 'Последние 6 месяцев' },
  { say: '/payments' },
  { press: 'С января 2015 года' },
  { say: '/receipts 10.2026' },
];

async function transcript(billing?: WorldBilling): Promise<{ readonly replies: string[][]; readonly world: World }> {
  const world = await createWorld(billing ? { billing } : {});
  const customer: Customer = world.customer('both-ways');
  const replies: string[][] = [];
  for (const step of mainConversations((await demoMeter(world.orm)).next)) {
    replies.push(
      'say' in step
        ? await customer.says(step.say)
        : 'press' in step
          ? await customer.presses(step.press)
          : await customer.presses(customer.buttons()[0] ?? ''),
    );
  }
  return { replies, world };
}

describe('the same conversations on the embedded tables and over the billing API', () => {
  it('give the same answers, word for word', async () => {
    const embedded = await transcript();
    let recorder: BillingRecorder | undefined;
    const http = await transcript(async (orm) => {
      const billing = await startReferenceBilling({ orm, port: 0 });
      recorder = await recordBilling(billing.url);
      const recording = recorder;
      return { url: recording.url, close: () => Promise.all([recording.close(), billing.close()]).then(() => undefined) };
    });
    try {
      // Every request and answer of the conversation is as docs/billing-api.yaml has it.
      expect(recorder?.violations()).toEqual([]);
      const used = new Set(recorder?.exchanges.map((exchange) => operationIdOf(exchange.method, exchange.path)));
      expect([...used].sort()).toEqual(['getAccount', 'getMeters', 'getPayments', 'getReadings', 'getStatements', 'getTariffs', 'submitReadings']);
      // Each part of the script reached what it asked for: neither side stopped at a refusal.
      const said = embedded.replies.flat().join('\n');
      for (const reached of [
        'привязан к этому чату',
        'Показания приняты',
        'История показаний',
        'Начисления и платежи',
        'Квитанция по счёту 100000000001 за 10.2026',
      ])
        expect(said).toContain(reached);
      expect(said).not.toContain('Биллинг поставщика сейчас не отвечает');
      expect(http.replies).toEqual(embedded.replies);
      expect([embedded.world.errors, http.world.errors]).toEqual([[], []]);
    } finally {
      await embedded.world.close();
      await http.world.close();
    }
  });
});
