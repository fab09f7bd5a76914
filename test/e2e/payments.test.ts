import { signSandboxBody } from '../../bots/integrations/payments/sandbox-routes';
import { ChatPush, PaymentOrder } from '../../db/entities';
import { bothChannels } from '../support/both-channels';
import type { InlineButton } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { plain, play, type Step } from '../support/test-app';

const secret = 'sandbox-secret-0123456789abcdef';
const linkAccount3: Step[] = [{ say: '/link' }, { say: '100000000003' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '500' }];
const payOther: Step[] = [{ say: '/pay' }, { press: 'Другая сумма' }, { say: '1500' }];

describe('paying with the sandbox provider, in both channels', () => {
  const both = bothChannels({ SANDBOX_PAYMENTS_SECRET: secret });

  /** What a customer does on the card page: a form post, as the browser sends it. */
  async function payByCard(url: string, card: string): Promise<string> {
    expect(plain(await (await fetch(url)).text())).toContain('К оплате 1 500,00 ₽ по лицевому счёту 100000000003.');
    const page = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `card=${encodeURIComponent(card)}`,
    });
    await both.app.pushes.kick();
    return plain(await page.text());
  }

  it('Telegram: a URL button to the card page; the test card succeeds and the chat is told', async () => {
    const customer = new TelegramCustomer(both.api, 801);
    const transcript = await play(customer, [...linkAccount3, ...payOther]);
    expect(transcript.at(-1)?.[0]?.buttons).toEqual(['Перейти к оплате 1 500,00 ₽']);
    const markup = both.api.messagesTo(801).at(-1)?.params['reply_markup'] as { inline_keyboard: InlineButton[][] };
    const url = markup.inline_keyboard[0]?.[0]?.url as string;
    expect(await payByCard(url, '4242 4242 4242 4242')).toContain('Оплата прошла.');
    expect(plain(String(both.api.messagesTo(801).at(-1)?.params['text']))).toBe(
      'Оплата 1 500,00 ₽ по лицевому счёту 100000000003 прошла. Платёж поступит на счёт в течение суток.',
    );
    expect(await both.app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '801' })).toMatchObject({ status: 'succeeded' });
    const pending = (await customer.says('/info')).find((message) => message.text.startsWith('Оплата 1 500,00 ₽ от'));
    expect(pending?.text).toMatch(
      /^Оплата 1 500,00 ₽ от \d\d\.\d\d\.\d{4}, \d\d:\d\d прошла и поступит на счёт в течение суток: баланс её пока не учитывает\.$/,
    );
  });

  it('Bot Framework: an openUrl action; a declined card is reported by a proactive message', async () => {
    const transcript = await play(both.channel.customer('web-802'), [...linkAccount3, ...payOther]);
    // Web Chat shows the last message's buttons only: its renderer adds the menu beside the link.
    expect(transcript.at(-1)?.[0]?.buttons).toEqual(['Перейти к оплате 1 500,00 ₽', 'Меню']);
    const action = both.channel.received.at(-1)?.suggestedActions?.actions[0] as unknown as { type: string; value: string };
    expect(action.type).toBe('openUrl');
    const before = both.channel.received.length;
    expect(await payByCard(action.value, '4000 0000 0000 0002')).toContain('Оплата не прошла');
    expect(both.channel.received.slice(before).map((activity) => plain(activity.text ?? ''))).toEqual([
      'Оплата 1 500,00 ₽ по лицевому счёту 100000000003 не прошла: банк её отклонил. Деньги не списаны — попробуйте ещё раз или другой картой.',
    ]);
    expect(both.channel.received.at(-1)?.suggestedActions?.actions.map((pushed) => pushed.title)).toEqual(['Меню']);
  });

  it('acts once on a repeated notification, never overwrites a final status, and refuses a forged one', async () => {
    await play(new TelegramCustomer(both.api, 803), [...linkAccount3, ...payOther]);
    const order = await both.app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '803' });
    const notify = (status: string, signature?: string) => {
      const body = JSON.stringify({ orderId: order.id, status });
      return fetch(`${both.app.url}/payments/sandbox/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-signature': signature ?? signSandboxBody(body, secret) },
        body,
      });
    };
    expect((await notify('succeeded', signSandboxBody('{"forged":true}', secret))).status).toBe(401);
    expect((await notify('succeeded', 'not-even-hex')).status).toBe(401);
    expect(await both.app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { id: order.id })).toMatchObject({ status: 'pending' });

    expect((await notify('succeeded')).status).toBe(200);
    expect((await notify('succeeded')).status).toBe(200);
    expect((await notify('failed')).status).toBe(200);
    expect(await both.app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { id: order.id })).toMatchObject({ status: 'succeeded' });
    expect(await both.app.runtime.orm.em.fork().count(ChatPush, { chatId: '803' })).toBe(1);
  });
});
