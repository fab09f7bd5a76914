import { startReferenceBilling, type ReferenceBilling } from '../../bots/integrations/billing/reference-server';
import { BillingSubmission, ReadingHandover } from '../../db/entities';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { recordBilling, type BillingRecorder } from '../support/billing-contract';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { demoMeter } from '../support/demo-meter';
import { freePort } from '../support/own-stores';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, startTestApp, type ChannelCustomer, type TestApp } from '../support/test-app';

/** The app started with BILLING_API_URL, the reference server behind a recorder that checks the contract, in Telegram and in web chat. */
describe('both channels on the supplier billing over HTTP', () => {
  let api: FakeTelegramApi;
  let app: TestApp;
  let channel: BotFrameworkChannel;
  let billing: ReferenceBilling;
  let recorder: BillingRecorder;
  let port: number;

  beforeEach(async () => {
    port = await freePort();
    api = await new FakeTelegramApi().start();
    recorder = await recordBilling(`http://127.0.0.1:${port}`);
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, BILLING_API_URL: recorder.url, BILLING_TIMEOUT_MS: '2000' });
    billing = await startReferenceBilling({ orm: app.runtime.orm, port });
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterEach(async () => {
    await channel.stop().catch(() => undefined);
    await app.close();
    await billing.close();
    await recorder.close();
    await api.stop();
  });

  const customers = (): [string, ChannelCustomer][] => [
    ['telegram', new TelegramCustomer(api, 801)],
    ['webchat', channel.customer('web-801')],
  ];

  it('links, shows the account and keeps readings sent while billing is away, in each channel, with every exchange as the contract has it', async () => {
    const meter = await demoMeter(app.runtime.orm);
    for (const [name, customer] of customers()) {
      const linked = (await play(customer, linkingScript)).flat().map((message) => message.text);
      expect({ name, linked: linked.some((said) => said.includes('привязан к этому чату')) }).toEqual({ name, linked: true });
      expect(linked.join('\n')).toContain('Баланс');
      await play(customer, [{ press: 'Передать показания' }]);
      await billing.close();
      const [, sent] = await play(customer, [{ say: String(meter.next) }, { press: 'Передать' }]);
      expect({ name, kept: sent?.[0]?.text.includes('будут переданы в биллинг, как только он ответит') }).toEqual({ name, kept: true });
      billing = await startReferenceBilling({ orm: app.runtime.orm, port });
    }
    const em = app.runtime.orm.em.fork();
    // Kept, one per chat, none lost; billing has seen none of them yet (the outbox hands them over).
    expect((await em.find(ReadingHandover, {})).map((row) => [row.channel, row.outcome])).toEqual([
      ['telegram', null],
      ['webchat', null],
    ]);
    expect(await em.count(BillingSubmission, {})).toBe(0);
    expect(recorder.violations()).toEqual([]);
  });
});
