import { shiftPeriod } from '../../core/kernel/period';
import { billingPeriod } from '../../core/features/readings/meter';
import { AppealFile } from '../../db/entities';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AccountNumber } from '../../core/kernel/account-number';
import { ConfigError, createConfig } from '../../bots/app/config';
import { initORM } from '../../db/orm';
import { AccountLink, AccountLookup, LinkFailure, PaymentOrder, QueuedMail } from '../../db/entities';
import { SqlLinkAttempts } from '../../db/repositories/sql-link-attempts';
import { seedDemoAccounts } from '../../db/seed';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { createWorld } from '../support/conversation';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { FakeYooKassa } from '../support/fake-yookassa';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { TelegramCustomer } from '../support/telegram-customer';
import { play, startTestApp } from '../support/test-app';

describeWithPostgres('security: the linking cap on PostgreSQL', () => {
  it('checks at most 5 of 40 concurrent wrong guesses against one account', async () => {
    const database = await createTestDatabase();
    const orm = await initORM({ kind: 'postgresql', url: database.url });
    try {
      await seedDemoAccounts(orm, new Date(), { timeZone: 'Europe/Moscow' });
      const attempts = new SqlLinkAttempts(orm);
      const now = new Date();
      const claims = await Promise.all(
        Array.from({ length: 40 }, (_, index) => attempts.claim({ channel: 'webchat', id: `stranger-${index}` }, '100000000001' as AccountNumber, now)),
      );
      const checked = claims.filter((claim) => 'claim' in claim).length;
      process.stdout.write(`linking cap: ${checked} of 40 concurrent guesses checked\n`);
      expect(checked).toBe(5);
      expect(await orm.em.fork().count(LinkFailure, { accountNumber: '100000000001' })).toBe(5);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});

describe('security: what the HTTP server takes', () => {
  it('leaves no temporary file after multipart posts to every route; refuses them but where files are taken, which read them in memory', async () => {
    const app = await startTestApp({ OPERATOR_TOKEN: 'operator-token-0123456789abcdef' });
    const before = new Set(readdirSync(tmpdir()));
    try {
      const routes = [
        '/api/messages',
        '/api/webchat/token',
        '/operator/readings/accept',
        '/payments/sandbox/callback',
        '/pay/0123456789abcdef0123456789abcdef',
        '/v3/directline/conversations',
        '/telegram/webhook',
      ];
      const statuses: number[] = [];
      for (const route of routes) {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(256 * 1024, 1)]), 'big.bin');
        statuses.push(
          (await fetch(`${app.url}${route}`, { method: 'POST', body: form, headers: { authorization: 'Bearer operator-token-0123456789abcdef' } })).status,
        );
      }
      // The routes that take files: an unknown appeal, another's conversation, a desk without a session.
      const uploads = ['/operator/appeals/%D0%90-2026-999999/replies', '/v3/directline/conversations/nope/upload', '/desk/appeals/%D0%90-2026-999999/answer'];
      const taken: number[] = [];
      for (const route of uploads) {
        const form = new FormData();
        form.set('text', 'Ответ');
        form.set('key', 'security-1');
        form.append('files', new Blob([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 1)]), 'big.pdf');
        taken.push(
          (await fetch(`${app.url}${route}`, { method: 'POST', body: form, headers: { authorization: 'Bearer operator-token-0123456789abcdef' } })).status,
        );
      }
      const left = readdirSync(tmpdir()).filter((name) => !before.has(name) && !name.startsWith('energobot-'));
      process.stdout.write(
        `multipart to ${routes.length} routes: statuses ${JSON.stringify(statuses)}; to ${uploads.length} upload routes: ${JSON.stringify(taken)}; temporary files left ${left.length}\n`,
      );
      expect(statuses.every((status) => status === 415)).toBe(true);
      expect(taken).toEqual([404, 403, 403]);
      // Refused callers leave nothing behind in the database either.
      expect(await app.runtime.orm.em.fork().count(AppealFile, {})).toBe(0);
      expect(left).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("answers a route that fails with a plain 500, never the error's own text (SQL, table names)", async () => {
    const app = await startTestApp({ OPERATOR_TOKEN: 'operator-token-0123456789abcdef' });
    try {
      await app.runtime.orm.em.getConnection().execute('drop table monthly_receipt_chat');
      // The latest billed month, the only one publishing takes: the route gets as far as the dropped table.
      const period = shiftPeriod(billingPeriod(new Date(), 'Europe/Moscow'), -1);
      const response = await fetch(`${app.url}/operator/receipts/publish`, {
        method: 'POST',
        headers: { authorization: 'Bearer operator-token-0123456789abcdef', 'content-type': 'application/json' },
        body: JSON.stringify({ period }),
      });
      const body = await response.text();
      process.stdout.write(`a failing route: ${response.status} ${body}\n`);
      expect(response.status).toBe(500);
      expect(JSON.parse(body)).toEqual({ error: 'internal error; try again later' });
      // The log names the failure's kind and where it was thrown; the statement (and its values) stays out.
      expect(app.logs.some((line) => /"error":"TableNotFoundException/.test(line))).toBe(true);
      expect(app.logs.some((line) => line.includes('monthly_receipt_chat'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('serves /api/messages without credentials only to a direct loopback caller with a loopback serviceUrl, and answers 400 to an activity without a sender', async () => {
    const app = await startTestApp();
    try {
      const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
        fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({
            type: 'message',
            id: 'a1',
            text: '/start',
            channelId: 'webchat',
            conversation: { id: 'c' },
            recipient: { id: 'bot' },
            ...body,
          }),
        }).then((response) => response.status);
      const statuses = {
        proxied: await post({ from: { id: 'u' }, serviceUrl: 'http://127.0.0.1:1/' }, { 'x-forwarded-for': '203.0.113.7' }),
        foreignServiceUrl: await post({ from: { id: 'u' }, serviceUrl: 'https://attacker.example/' }),
        noSender: await post({ serviceUrl: 'http://127.0.0.1:1/' }),
      };
      process.stdout.write(`/api/messages without credentials: ${JSON.stringify(statuses)}\n`);
      expect(statuses).toEqual({ proxied: 403, foreignServiceUrl: 403, noSender: 400 });
    } finally {
      await app.close();
    }
  });

  it('refuses to start on PostgreSQL with the sandbox payment page unless asked for by name', () => {
    expect(() => createConfig({ DATABASE_URL: 'postgresql://bot@db/energobot' })).toThrow(ConfigError);
    expect(createConfig({ DATABASE_URL: 'postgresql://bot@db/energobot', PAYMENTS_PROVIDER: 'sandbox' }).sandboxAskedFor).toBe(true);
    expect(createConfig({}).yookassa).toBeUndefined();
  });
});

describe('security: YooKassa notifications', () => {
  it('settles nothing from a payment whose amount differs from the order, and answers an unknown payment with a bare 404', async () => {
    const api = await new FakeTelegramApi().start();
    const yookassa = await new FakeYooKassa().start();
    const app = await startTestApp({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      YOOKASSA_SHOP_ID: yookassa.shopId,
      YOOKASSA_SECRET_KEY: yookassa.secretKey,
      YOOKASSA_API_URL: yookassa.apiUrl,
    });
    try {
      await play(new TelegramCustomer(api, 9301), [
        { say: '/link' },
        { say: '100000000003' },
        { press: 'Да' },
        { press: 'Принимаю и согласен' },
        { say: '500' },
        { say: '/pay' },
        { press: 'Другая сумма' },
        { say: '1500' },
      ]);
      const order = await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { chatId: '9301' });
      const payment = yookassa.payments.get(order.providerPaymentId as string)!;
      payment.amount = { value: '15.00', currency: 'RUB' };
      yookassa.settle(payment.id, 'succeeded');
      const notify = (id: string) =>
        fetch(`${app.url}/payments/yookassa/notification`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'notification', event: 'payment.succeeded', object: { id } }),
        });
      const mismatch = await notify(payment.id);
      const unknown = await notify('2f0f0f0f-000f-5000-8000-000000000000');
      const unknownBody = await unknown.text();
      const status = (await app.runtime.orm.em.fork().findOneOrFail(PaymentOrder, { id: order.id })).status;
      process.stdout.write(
        `YooKassa: a 15,00 ₽ payment for a 1 500,00 ₽ order → ${mismatch.status}, order ${status}; unknown payment → ${unknown.status} ${unknownBody}\n`,
      );
      expect(mismatch.status).toBe(200);
      expect(status).toBe('pending');
      expect(unknown.status).toBe(404);
      expect(unknownBody).toBe('{"error":"no such payment"}');
      expect(app.logs.some((line) => line.includes('does not match the order'))).toBe(true);
    } finally {
      await app.close();
      await yookassa.stop();
      await api.stop();
    }
  });
});

describe('security: the embedded Direct Line relay', () => {
  it("refuses a message posted as the bot by anyone without the conversation's connector secret, drops unknown fields, and limits new chats per address", async () => {
    const app = await startTestApp();
    try {
      const token = async (headers: Record<string, string> = {}) =>
        fetch(`${app.url}/api/webchat/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ user: `browser-secret-${Math.random().toString(36).slice(2)}xx` }),
        });
      const session = (await (await token()).json()) as { token: string; conversationId: string; domain: string };
      const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
      await fetch(`${session.domain}/conversations`, { method: 'POST', headers });

      const forged = await fetch(`${app.url}/directline/connector/guessed-secret/v3/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'Оплатите по ссылке: https://attacker.example/pay' }),
      });
      const bloated = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'message',
          text: '/help',
          padding: 'x'.repeat(900_000),
          channelData: { clientActivityID: 'c1', huge: 'y'.repeat(50_000) },
        }),
      });
      const transcript = (await (await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, { headers })).json()) as {
        activities: Record<string, unknown>[];
      };
      const stored = JSON.stringify(transcript.activities);
      const statuses: number[] = [];
      for (let request = 0; request < 35; request += 1) statuses.push((await token()).status);
      const refused = statuses.filter((status) => status === 429).length;
      process.stdout.write(
        `relay: forged bot post → ${forged.status}; a 950 KB activity stored as ${stored.length} bytes for the whole transcript; 35 more chats from one address → ${refused} refused\n`,
      );
      expect(forged.status).toBe(403);
      expect(stored).not.toContain('attacker.example');
      expect(bloated.status).toBe(200);
      expect(stored).not.toContain('padding');
      expect(stored).not.toContain('huge');
      expect(stored).toContain('"clientActivityID":"c1"');
      expect(stored.length).toBeLessThan(20_000);
      expect(refused).toBeGreaterThanOrEqual(5);
    } finally {
      await app.close();
    }
  });
});

describe('security: enumeration and lock-out', () => {
  it.each([
    ['one IPv4 address', () => '127.0.0.1', 'ip:127.0.0.1'],
    ['twelve IPv6 addresses of one /64', (identity: number) => `2001:db8:5:7::${(identity + 1).toString(16)}`, 'ip:2001:db8:5:7::/64'],
  ])(
    'gives 12 new web identities from %s one budget of account look-ups, not twelve',
    async (_, addressOf, origin) => {
      const app = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' });
      const channel = await new BotFrameworkChannel(app.url).start();
      try {
        const numbers = [
          '100000000001',
          '100000000002',
          '100000000003',
          ...Array.from({ length: 57 }, (_, index) => `9999999999${String(index).padStart(2, '0')}`),
        ];
        let addresses = 0;
        let probes = 0;
        for (let identity = 0; identity < 12; identity += 1) {
          const secret = `same-address-browser-${identity}-secret`;
          await fetch(`${app.url}/api/webchat/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(identity) },
            body: JSON.stringify({ user: secret }),
          });
          const customer = channel.customer(`web-${createHash('sha256').update(secret).digest('hex').slice(0, 32)}`);
          await customer.says('/link');
          for (const number of numbers.slice(identity * 5, identity * 5 + 5)) {
            probes += 1;
            const replies = await customer.says(number);
            if (replies.some((reply) => reply.text.includes('Адрес по этому счёту'))) {
              addresses += 1;
              await customer.presses('Нет');
            }
          }
        }
        const looked = await app.runtime.orm.em.fork().count(AccountLookup, { origin });
        process.stdout.write(`enumeration: 12 identities from ${origin} made ${probes} probes; ${looked} numbers looked up, ${addresses} addresses shown\n`);
        expect(looked).toBeLessThanOrEqual(10);
        expect(addresses).toBeLessThanOrEqual(3);
      } finally {
        await channel.stop();
        await app.close();
      }
    },
    60_000,
  );

  it('lets an honest browser link behind the address another browser failed from five times: limits per browser, the address only slows down', async () => {
    const app = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const browser = async (secret: string) => {
        await fetch(`${app.url}/api/webchat/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
          body: JSON.stringify({ user: secret }),
        });
        return channel.customer(`web-${createHash('sha256').update(secret).digest('hex').slice(0, 32)}`);
      };
      const guesser = await browser('household-browser-one-secret');
      const failures: string[] = [];
      await play(guesser, [{ say: '/link' }, { say: '100000000001' }, { press: 'Да' }, { press: 'Принимаю и согласен' }]);
      for (let guess = 0; guess < 5; guess += 1) failures.push((await guesser.says(`${100 + guess},00`))[0]?.text ?? '');
      const honest = await browser('household-browser-two-secret');
      const transcript = await play(honest, [{ say: '/link' }, { say: '100000000002' }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '2187,45' }]);
      const linked = transcript.at(-1)?.[0]?.text ?? '';
      process.stdout.write(
        `two browsers behind one address: the first's answers ${JSON.stringify(failures.map((text) => text.slice(0, 40)))}; the second: ${linked.slice(0, 60)}\n`,
      );
      expect(failures.at(-1)).toMatch(/^Слишком много неудачных попыток/);
      expect(linked).toBe('Готово! Лицевой счёт 100000000002 привязан к этому чату.');
    } finally {
      await channel.stop();
      await app.close();
    }
  });

  it('never locks the owner out because strangers failed: the account only slows down, and its e-mail is told once', async () => {
    const world = await createWorld();
    try {
      for (const stranger of ['s1', 's2', 's3', 's4', 's5', 's6']) {
        const customer = world.customer(stranger);
        for (const step of ['/link', '100000000001']) await customer.says(step);
        await customer.presses('Да');
        await customer.presses('Принимаю и согласен');
        await customer.says('1000');
        world.clock.advance(60_000);
      }
      const owner = await world.linkedCustomer('100000000001', '1543.20', world.customer('owner'));
      const notices = await world.orm.em.fork().count(QueuedMail, { subject: 'Попытка привязать лицевой счёт 100000000001 к чату' });
      process.stdout.write(`lock-out: 6 strangers failed on the account; the owner linked: ${owner.last.length > 0}; failure notices e-mailed: ${notices}\n`);
      expect(await world.orm.em.fork().count(AccountLink, { account: '100000000001' })).toBe(1);
      expect(notices).toBe(1);
    } finally {
      await world.close();
    }
  });
});
