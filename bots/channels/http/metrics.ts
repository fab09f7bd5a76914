import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatUpdate, TurnOutcome } from '../../../core/runner/flow-runner';
import type { OutboxBacklog } from '../../../core/runner/channel-state-ports';

/**
 * What an operator watches, in Prometheus's text format at `/metrics`: updates and their
 * latency per channel from this process; the outboxes, pushes given up and dead letters from
 * the database, so every instance reports the same backlog.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly updates = new Counter({
    name: 'energobot_updates_total',
    help: 'Updates handled, by channel and outcome (handled, duplicate, failed: delivered again).',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });
  private readonly turns = new Histogram({
    name: 'energobot_turn_seconds',
    help: 'Time from an update to its reply handed to the platform, by channel.',
    labelNames: ['channel'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly providerCalls = new Histogram({
    name: 'energobot_provider_call_seconds',
    help: "Calls to the payment provider's API, by provider, call and outcome.",
    labelNames: ['provider', 'call', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** One call to a provider's API (YooKassa), as `YooKassaPayments` reports it. */
  providerCall(provider: string): (call: string, ms: number, outcome: 'ok' | 'failed') => void {
    return (call, ms, outcome) => this.providerCalls.observe({ provider, call, outcome }, ms / 1000);
  }

  constructor(backlog: OutboxBacklog) {
    new Gauge({
      name: 'energobot_outbox_depth',
      help: 'Messages waiting in an outbox, by outbox and channel.',
      labelNames: ['outbox', 'channel'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { outbox, channel, waiting } of await backlog.waiting()) this.set({ outbox, channel }, waiting);
      },
    });
    new Gauge({
      name: 'energobot_outbox_oldest_seconds',
      help: 'Age of the oldest message waiting in an outbox, by outbox and channel (0 when none waits).',
      labelNames: ['outbox', 'channel'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { outbox, channel, oldest } of await backlog.waiting())
          this.set({ outbox, channel }, oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'energobot_given_up_total',
      help: 'Pushes and mails given up for good (the chat blocked the bot, the mailbox does not exist).',
      labelNames: ['outbox'],
      registers: [this.registry],
      async collect() {
        const { pushes, mails } = await backlog.givenUp();
        this.set({ outbox: 'chat_push' }, pushes);
        this.set({ outbox: 'mail' }, mails);
      },
    });
    new Gauge({
      name: 'energobot_dead_letters_total',
      help: 'Updates set aside after failing again and again (table dead_letter).',
      registers: [this.registry],
      async collect() {
        this.set((await backlog.givenUp()).deadLetters);
      },
    });
  }

  /** The runner's `onTurn`. */
  readonly turned = (update: ChatUpdate, outcome: TurnOutcome, ms: number): void => {
    this.updates.inc({ channel: update.chat.channel, outcome });
    if (outcome !== 'duplicate') this.turns.observe({ channel: update.chat.channel }, ms / 1000);
  };
}
