import { bothChannels, operatorToken } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play } from '../support/test-app';

describe('what an operator watches: /metrics, /health and /ready', () => {
  const both = bothChannels();

  const metric = (text: string, name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .map((line) => line.replace(/ [\d.e+-]+$/, (value) => ` ${Number(value)}`));

  it('counts updates per channel and outcome with their latency, the outboxes by channel, and refuses strangers', async () => {
    await play(new TelegramCustomer(both.api, 1801), linkingScript);
    await play(both.channel.customer('web-1801'), linkingScript.slice(0, 3));
    // Telegram refuses for now: the push waits in its outbox.
    both.api.failNext('sendMessage', { status: 429, retryAfter: 600 });
    await both.app.runtime.pushes.enqueue([
      { chat: { channel: 'telegram', id: '1801' }, message: { key: 'push-readings-accepted', args: { account: '100000000001', period: '11.2026' } } },
    ]);
    await both.app.pushes.kick();

    const local = await fetch(`${both.app.url}/metrics`);
    const text = await local.text();
    expect(local.headers.get('content-type')).toContain('text/plain');
    expect(metric(text, 'energobot_updates_total')).toEqual(
      expect.arrayContaining([
        `energobot_updates_total{channel="telegram",outcome="handled"} ${linkingScript.length}`,
        'energobot_updates_total{channel="webchat",outcome="handled"} 3',
      ]),
    );
    expect(metric(text, 'energobot_turn_seconds_count')).toEqual(
      expect.arrayContaining([`energobot_turn_seconds_count{channel="telegram"} ${linkingScript.length}`]),
    );
    expect(metric(text, 'energobot_outbox_depth')).toEqual([
      'energobot_outbox_depth{outbox="chat_push",channel="telegram"} 1',
      expect.stringMatching(/^energobot_outbox_depth\{outbox="mail",channel="e-mail"\} \d+$/),
    ]);
    expect(metric(text, 'energobot_outbox_oldest_seconds{outbox="chat_push"')).toEqual([
      expect.stringMatching(/^energobot_outbox_oldest_seconds\{outbox="chat_push",channel="telegram"\} [\d.]+$/),
    ]);
    expect(metric(text, 'energobot_dead_letters_total')).toEqual(['energobot_dead_letters_total 0']);

    const relayed = await fetch(`${both.app.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(relayed.status).toBe(401);
    expect((await fetch(`${both.app.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${operatorToken}` } })).status).toBe(
      200,
    );
    expect(await (await fetch(`${both.app.url}/ready`)).json()).toEqual({ ready: true, draining: false, database: 'ok', redis: 'not configured' });
  });
});
