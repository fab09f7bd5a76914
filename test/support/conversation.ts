import type { MikroORM } from '@mikro-orm/core';
import type { ChatAddress } from '../../core/domain/channel';
import { Localizer } from '../../core/localizer';
import { FlowRunner, type FlowSession, type OutgoingMessage } from '../../core/runner/flow-runner';
import { InMemoryStore, InMemoryUpdateLog, InProcessChatLock } from '../../core/runner/in-memory-state';
import type { KeyValueStore } from '../../core/runner/state-ports';
import type { Services } from '../../core/services';
import { initORM } from '../../db/orm';
import { SqlAccounts } from '../../db/repositories/sql-accounts';
import { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import { SqlLinkAttempts } from '../../db/repositories/sql-link-attempts';
import { SandboxPayments } from '../../bots/payments/sandbox-payments';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import { SqlFileStore } from '../../db/repositories/sql-file-store';
import { SqlMeterReadings } from '../../db/repositories/sql-meter-readings';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { seedDemoAccounts } from '../../db/seed';

export const seededAt = new Date('2026-11-24T09:00:00Z');

/** A controllable clock; flows read time only through it. */
export class TestClock {
  constructor(public at: Date = seededAt) {}
  readonly now = () => this.at;
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface World {
  readonly orm: MikroORM;
  readonly services: Services;
  readonly mail: SqlMailQueue;
  readonly clock: TestClock;
  readonly sessions: KeyValueStore<FlowSession>;
  readonly runner: FlowRunner;
  readonly errors: unknown[];
  customer(id?: string): Customer;
  /** A customer whose chat is linked to a demo account by the payment amount that proves it. */
  linkedCustomer(number: string, amount: string, customer?: Customer): Promise<Customer>;
  close(): Promise<void>;
}

/** The real services on an in-memory SQLite database holding the demo accounts. */
export async function createWorld(options: { services?: (services: Services) => Services } = {}): Promise<World> {
  const orm = await initORM({ kind: 'sqlite', path: ':memory:' });
  await seedDemoAccounts(orm, seededAt);
  const clock = new TestClock();
  const mail = new SqlMailQueue(orm, clock.now);
  const real: Services = {
    accounts: new SqlAccounts(orm),
    identities: new SqlChatIdentities(orm),
    attempts: new SqlLinkAttempts(orm),
    readings: new SqlMeterReadings(orm),
    files: new SqlFileStore(orm, clock.now),
    payments: new SandboxPayments(new SqlPaymentOrders(orm, clock.now), () => 'http://127.0.0.1:3978'),
    mail,
    localizer: new Localizer('Europe/Moscow'),
    clock: clock.now,
  };
  const services = options.services ? options.services(real) : real;
  const sessions = new InMemoryStore<FlowSession>(3600_000);
  const errors: unknown[] = [];
  const runner = new FlowRunner({
    services,
    sessions,
    updates: new InMemoryUpdateLog(3600_000),
    lock: new InProcessChatLock(),
    onError: (error) => errors.push(error),
  });
  return {
    orm,
    services,
    mail,
    clock,
    sessions,
    runner,
    errors,
    customer: (id = 'customer-1') => new Customer(runner, { channel: 'telegram', id }),
    async linkedCustomer(number, amount, customer = new Customer(runner, { channel: 'telegram', id: 'customer-1' })) {
      await customer.says('/link');
      await customer.says(number);
      await customer.presses('Да');
      await customer.presses('Принимаю и согласен');
      const [linked] = await customer.says(amount);
      if (!linked?.includes('привязан к этому чату')) throw new Error(`Not linked: ${linked}`);
      return customer;
    },
    close: () => orm.close(),
  };
}

let updateIds = 0;

/** A scripted customer: types, presses buttons by their label, and remembers what the bot said. */
export class Customer {
  last: OutgoingMessage[] = [];

  constructor(
    private readonly runner: FlowRunner,
    readonly chat: ChatAddress,
  ) {}

  /** Sends a message and returns the bot's replies as text, one string per message (no-break spaces as plain ones, to keep tests readable). */
  async says(text: string): Promise<string[]> {
    return this.deliver({ kind: 'text', text });
  }

  /** Presses a button of the bot's last messages; a missing button fails the test. */
  async presses(label: string): Promise<string[]> {
    const button = this.last.flatMap((message) => message.buttons).find((candidate) => plain(candidate.label) === label);
    if (!button || !('data' in button)) throw new Error(`No button "${label}" in: ${JSON.stringify(this.buttons())}`);
    return this.deliver({ kind: 'button', data: button.data });
  }

  buttons(): string[] {
    return this.last.flatMap((message) => message.buttons.map((button) => plain(button.label)));
  }

  private async deliver(input: { kind: 'text'; text: string } | { kind: 'button'; data: string }): Promise<string[]> {
    updateIds += 1;
    this.last = await this.runner.handle({ chat: this.chat, updateId: String(updateIds), input });
    return this.last.map((message) => plain(message.text));
  }
}

/** No-break spaces (money, grouping) as plain ones, to keep tests readable. */
function plain(words: string): string {
  return words.replace(/[\u00a0\u202f]/g, ' ');
}
