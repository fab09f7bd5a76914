import type { MikroORM } from '@mikro-orm/core';
import type { AttachmentKind, Input } from '../../core/kernel/chat';
import { chatKey, type ChatAddress } from '../../core/kernel/channel';
import type { SharedFile } from '../../core/kernel/content/content';
import type { OutgoingMessage } from '../../core/kernel/content/outgoing';
import { plainText } from '../../core/kernel/content/plain-text';
import { FlowRunner, type Reply } from '../../core/runner/flow-runner';
import type { FlowSession } from '../../core/runner/flow-session';
import { InMemoryChatStates, type InMemoryStore } from '../../core/runner/in-memory-state';
import type { Services } from '../../core/kernel/services';
import { initORM } from '../../db/orm';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { seedDemoAccounts } from '../../db/seed';
import { SqlAttachmentStore } from '../../db/repositories/sql-attachment-store';
import { ChannelFiles, type CustomerFileName } from './customer-files';
import { compose, type Runtime } from '../../bots/app/compose';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../core/kernel/log';
import { checkSavedRunsAfterAll, SavedRuns } from './replay-fingerprints';

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
  /** The platform's files: what customers send, read by the bot when it keeps them. */
  readonly channelFiles: ChannelFiles;
  readonly attachments: SqlAttachmentStore;
  readonly clock: TestClock;
  /** The chats' saved sessions, by `energobot:session:<chat>`. */
  readonly sessions: InMemoryStore<FlowSession>;
  readonly runner: FlowRunner;
  readonly errors: unknown[];
  /** Everything composed: the outboxes, the billing cache. */
  readonly runtime: Runtime;
  customer(id?: string): Customer;
  /** A customer whose chat is linked to a demo account by the payment amount that proves it. */
  linkedCustomer(number: string, amount: string, customer?: Customer): Promise<Customer>;
  close(): Promise<void>;
}

/** The real services on an in-memory SQLite database holding the demo accounts. */
const savedRuns = new SavedRuns();
checkSavedRunsAfterAll(savedRuns);

/** Billing over HTTP for a world: a server of the contract started on the world's database. */
export type WorldBilling = (orm: MikroORM) => Promise<{ readonly url: string; close(): Promise<void> }>;

export async function createWorld(options: { services?: (services: Services) => Services; billing?: WorldBilling } = {}): Promise<World> {
  const orm = await initORM({ kind: 'sqlite', path: ':memory:' });
  await seedDemoAccounts(orm, seededAt, { timeZone: 'Europe/Moscow' });
  const billing = await options.billing?.(orm);
  const clock = new TestClock();
  const channelFiles = new ChannelFiles();
  const states = new InMemoryChatStates(3600_000, 3600_000);
  // What the runner saves there is a FlowSession: tests read and change it.
  const sessions = states.sessions as InMemoryStore<FlowSession>;
  const errors: unknown[] = [];
  const config = createConfig({ SQLITE_PATH: ':memory:', SUPPLIER_TIME_ZONE: 'Europe/Moscow' });
  const runtime = await compose(
    {
      ...config,
      policy: { ...config.policy, appealsMailbox: 'appeals@energosbyt.test' },
      ...(billing && { billingApi: { url: billing.url, token: undefined, timeoutMs: 2_000 } }),
    },
    createLog('error', () => undefined),
    {
      orm,
      clock: clock.now,
      states,
      fileSources: channelFiles,
      secret: async () => 'a test secret for e-mail links, 32+ chars',
      ...(options.services && { services: options.services }),
      flowFailed: (error) => errors.push(error),
      renderThreads: 1,
      urls: { publicUrl: () => 'http://127.0.0.1:3978', telegramBot: () => 'energobot_test_bot' },
    },
  );
  const { services, runner } = runtime;
  const afterTurn = (chat: ChatAddress) => savedRuns.observe(sessions.read(`energobot:session:${chatKey(chat)}`));
  return {
    orm,
    services,
    mail: runtime.mailQueue,
    channelFiles,
    attachments: runtime.attachments,
    clock,
    sessions,
    runner,
    errors,
    customer: (id = 'customer-1') => new Customer(runner, { channel: 'telegram', id }, channelFiles, afterTurn),
    async linkedCustomer(number, amount, customer = new Customer(runner, { channel: 'telegram', id: 'customer-1' }, channelFiles, afterTurn)) {
      await customer.says('/link');
      await customer.says(number);
      await customer.presses('Да');
      await customer.presses('Принимаю и согласен');
      const [linked] = await customer.says(amount);
      if (!linked?.includes('привязан к этому чату')) throw new Error(`Not linked: ${linked}`);
      return customer;
    },
    runtime,
    close: async () => {
      await runtime.close();
      await billing?.close();
      await orm.close();
    },
  };
}

let updateIds = 0;

/** A scripted customer: types, presses buttons by their label, and remembers what the bot said. */
export class Customer {
  last: readonly OutgoingMessage[] = [];
  /** The runner's whole answer to the last input (with a notice for an old button). */
  reply: Reply = { messages: [] };

  constructor(
    private readonly runner: FlowRunner,
    readonly chat: ChatAddress,
    private readonly channelFiles?: ChannelFiles,
    /** Called after each turn: the saved runs are fingerprinted (see `replay-fingerprints.ts`). */
    private readonly afterTurn?: (chat: ChatAddress) => void,
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

  /** The file that came with the bot's last messages. */
  file(): SharedFile | undefined {
    return this.last.flatMap((message) => (message.kind === 'file' ? [message.file] : []))[0];
  }

  buttons(): string[] {
    return this.last.flatMap((message) => message.buttons.map((button) => plain(button.label)));
  }

  /** Sends something that is not text: a photo, a sticker… */
  async sends(what: AttachmentKind): Promise<string[]> {
    return this.deliver({ kind: 'attachment', what });
  }

  /** Sends files in one message (a photo, a document, several uploads); `declared` is the size the platform states. */
  async sendsFiles(
    names: readonly CustomerFileName[],
    options: { readonly declared?: number; readonly inReplyTo?: string; readonly gone?: boolean } = {},
  ): Promise<string[]> {
    const channel = this.channelFiles;
    if (!channel) throw new Error('this customer has no channel to send files through');
    const files = names.map((name) => channel.offer(name, options.declared));
    if (options.gone) for (const file of files) channel.gone(file.ref);
    return this.deliver({
      kind: 'attachment',
      what: names[0]?.endsWith('.jpg') ? 'photo' : 'document',
      files,
      ...(options.inReplyTo && { inReplyTo: options.inReplyTo }),
    });
  }

  /** Answers one of the bot's messages with the platform's own «reply». */
  async repliesTo(replied: string, text: string): Promise<string[]> {
    return this.deliver({ kind: 'text', text, inReplyTo: replied });
  }

  /** Presses a button by its data, as an old message's button would be pressed. */
  async pressesData(data: string): Promise<string[]> {
    return this.deliver({ kind: 'button', data });
  }

  /** What the platform was handed, in order; a failed delivery's notice too. */
  readonly sent: Reply[] = [];
  /** While true, the platform refuses the bot's replies (a send fails). */
  refusing = false;
  private lastDelivery: { id: string; input: Input } | undefined;

  /** The platform delivers the last update again, as it does after a failure. */
  async redelivers(): Promise<string[]> {
    if (!this.lastDelivery) throw new Error('nothing was delivered yet');
    return this.deliver(this.lastDelivery.input, this.lastDelivery.id);
  }

  private async deliver(input: Input, id = String((updateIds += 1))): Promise<string[]> {
    this.lastDelivery = { id, input };
    this.reply = await this.runner.handle({ chat: this.chat, updateId: id, input }, async (reply) => {
      if (this.refusing) throw new Error('the platform refused the reply');
      this.sent.push(reply);
    });
    this.afterTurn?.(this.chat);
    // A notice (an old button) or a repeated delivery leaves the last messages' buttons where they were.
    if (this.reply.messages.length > 0) this.last = this.reply.messages;
    return this.reply.messages.map((message) => plain(plainText(message)));
  }
}

/** No-break spaces (money, grouping) as plain ones, to keep tests readable. */
function plain(words: string): string {
  return words.replace(/[\u00a0\u202f]/g, ' ');
}

/** One turn of a conversation: what the customer does, and what the bot answers (each message as text). */
export type Turn = (
  | { readonly say: string }
  | { readonly press: string }
  | { readonly send: AttachmentKind }
  | { readonly pressData: string }
  | { readonly files: readonly CustomerFileName[]; readonly declared?: number }
) & {
  readonly expect: readonly unknown[];
  /** The buttons under the bot's answer, when the turn checks them. */
  readonly buttons?: readonly string[];
};

/** Plays a conversation as a table of turns; a failure names the turn and what the customer did. */
export async function talk(customer: Customer, turns: readonly Turn[]): Promise<void> {
  for (const [index, turn] of turns.entries()) {
    const replies =
      'say' in turn
        ? await customer.says(turn.say)
        : 'press' in turn
          ? await customer.presses(turn.press)
          : 'send' in turn
            ? await customer.sends(turn.send)
            : 'files' in turn
              ? await customer.sendsFiles(turn.files, turn.declared === undefined ? {} : { declared: turn.declared })
              : await customer.pressesData(turn.pressData);
    const { expect: expected, buttons, ...action } = turn;
    // A 10 000-character message is named by its start in a failure, not printed whole.
    const did = Object.fromEntries(Object.entries(action).map(([kind, value]) => [kind, String(value).length > 60 ? `${String(value).slice(0, 60)}…` : value]));
    expect({ turn: index, ...did, replies, ...(buttons && { buttons: customer.buttons() }) }).toEqual({
      turn: index,
      ...did,
      replies: expected,
      ...(buttons && { buttons }),
    });
  }
}
