import { SqlFileStore } from '../../db/repositories/sql-file-store';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import WebSocket from 'ws';
import { createLog } from '../../core/kernel/log';
import { DirectLineRelay } from '../../bots/channels/webchat/direct-line-relay';
import { initORM } from '../../db/orm';
import { SqlRelayConversations } from '../../db/repositories/sql-relay-conversations';
import { startTestApp, type TestApp } from '../support/test-app';
import { customerFiles } from '../support/customer-files';

describe('the embedded Direct Line endpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function session(user: string, locale = 'ru'): Promise<{ token: string; domain: string; conversationId: string }> {
    const response = await fetch(`${app.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, locale }),
    });
    expect(response.status).toBe(200);
    const { token, domain } = (await response.json()) as { token: string; domain: string };
    const started = await fetch(`${domain}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(started.status).toBe(201);
    const { conversationId } = (await started.json()) as { conversationId: string };
    return { token, domain, conversationId };
  }

  async function activities(domain: string, conversationId: string, token: string): Promise<{ status: number; texts: string[] }> {
    const response = await fetch(`${domain}/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) return { status: response.status, texts: [] };
    const body = (await response.json()) as { activities: { text?: string }[] };
    return { status: 200, texts: body.activities.map((activity) => activity.text ?? '') };
  }

  it('greets on start, echoes what the customer sends and delivers the bot replies by polling', async () => {
    const { token, domain, conversationId } = await session('customer-secret-aaaaaaaaaa');
    const post = await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '/help', from: { id: 'someone-else' }, channelData: { clientActivityID: 'c1' } }),
    });
    expect(post.status).toBe(200);
    const { texts } = await activities(domain, conversationId, token);
    expect(texts[0]).toContain('Здравствуйте!');
    expect(texts).toContain('/help');
    expect(texts.some((text) => text.startsWith('Я умею:'))).toBe(true);

    // 10 000 characters from the widget: taken, cut to what the bot reads, and answered in the chat.
    const long = await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'я'.repeat(10_000) }),
    });
    expect(long.status).toBe(200);
    const after = await activities(domain, conversationId, token);
    expect(after.texts.at(-2)).toHaveLength(4097);
    expect(after.texts.at(-1)).toContain('Сообщение слишком длинное');
  });

  it("takes uploads as Direct Line does (multipart: the activity and its files); refuses another conversation's token, too many files and a broken form, and posts no attachment the customer names", async () => {
    const { token, domain, conversationId } = await session('customer-secret-uploads-aa');
    const upload = (
      files: readonly (readonly [string, Buffer])[],
      bearer = token,
      activity: unknown = { type: 'message', channelData: { clientActivityID: 'u1' } },
    ) => {
      const form = new FormData();
      form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
      for (const [name, bytes] of files)
        form.append('file', new Blob([new Uint8Array(bytes)], { type: name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }), name);
      return fetch(`${domain}/conversations/${conversationId}/upload?userId=customer-secret-uploads-aa`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}` },
        body: form,
      });
    };
    const other = await session('customer-secret-uploads-bb');
    expect((await upload([['scan.pdf', customerFiles['scan.pdf']]], other.token)).status).toBe(403);
    expect((await upload(Array.from({ length: 7 }, (_, index) => [`${index}.pdf`, customerFiles['scan.pdf']] as const))).status).toBe(413);
    const broken = await fetch(`${domain}/conversations/${conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nnot a part',
    });
    expect(broken.status).toBe(400);
    // Files go by upload only: an attachment named in a plain activity is dropped, so nothing points the bot elsewhere.
    await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '', attachments: [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/' }] }),
    });
    const posted = await upload([['Счёт за октябрь.pdf', customerFiles['scan.pdf']]]);
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const response = await fetch(`${domain}/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
    const { activities: all } = (await response.json()) as { activities: { id: string; attachments?: { contentUrl: string; name: string }[] }[] };
    const uploaded = all.find((activity) => activity.id === id);
    expect(all.filter((activity) => activity.attachments?.some((attachment) => attachment.contentUrl.includes('169.254')))).toEqual([]);
    expect(uploaded?.attachments?.[0]?.name).toBe('Счёт за октябрь.pdf');
    const file = await fetch(uploaded?.attachments?.[0]?.contentUrl ?? '');
    expect([
      file.headers.get('content-type'),
      file.headers.get('x-content-type-options'),
      Buffer.from(await file.arrayBuffer()).equals(customerFiles['scan.pdf']),
    ]).toEqual(['application/pdf', 'nosniff', true]);
  });

  it('streams activities over a WebSocket', async () => {
    const { token, domain, conversationId } = await session('customer-secret-bbbbbbbbbb', 'en');
    const socket = new WebSocket(`${domain.replace('http', 'ws')}/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`);
    await new Promise((resolve) => socket.once('open', resolve));
    const streamed: string[] = [];
    const answered = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        streamed.push(...(JSON.parse(data.toString()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? ''));
        if (streamed.length >= 2) resolve();
      }),
    );
    await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '/menu' }),
    });
    await answered;
    socket.close();
    expect(streamed).toEqual(['/menu', 'What would you like to do?']);
  });

  it("refuses one conversation's token for another, on every route", async () => {
    const a = await session('customer-secret-cccccccccc');
    const b = await session('customer-secret-dddddddddd');
    expect((await activities(a.domain, b.conversationId, a.token)).status).toBe(403);
    const post = await fetch(`${a.domain}/conversations/${b.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello' }),
    });
    expect(post.status).toBe(403);
    const socket = new WebSocket(`${a.domain.replace('http', 'ws')}/conversations/${b.conversationId}/stream?t=${encodeURIComponent(a.token)}`);
    const refused = await new Promise((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('error'));
    });
    expect(refused).toBe(403);
    expect((await activities(b.domain, b.conversationId, b.token)).texts).not.toContain('hello');
    expect((await fetch(`${a.domain}/conversations/${a.conversationId}/activities`)).status).toBe(403);
  });

  it('serves the page, the embeddable script and Web Chat itself', async () => {
    const page = await fetch(`${app.url}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await page.text()).toContain('<title>Energosbyt customer chat</title>');
    expect((await fetch(`${app.url}/embed.js`)).headers.get('content-type')).toContain('javascript');
    const webchat = await fetch(`${app.url}/webchat.js`);
    expect(webchat.status).toBe(200);
    expect(Number((await webchat.arrayBuffer()).byteLength)).toBeGreaterThan(1_000_000);
  });

  it('continues a conversation after a reload, with its transcript, for its own browser only', async () => {
    const user = 'customer-secret-ffffffffff';
    const first = await session(user);
    await fetch(`${first.domain}/conversations/${first.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '/readings' }),
    });
    const reissue = async (secret: string) => {
      const response = await fetch(`${app.url}/api/webchat/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: secret, locale: 'ru', earlier: { conversationId: first.conversationId, token: first.token } }),
      });
      return (await response.json()) as { token: string; conversationId: string; domain: string };
    };
    const reloaded = await reissue(user);
    expect(reloaded.conversationId).toBe(first.conversationId);
    expect(reloaded.token).not.toBe(first.token);
    const resumed = await fetch(`${reloaded.domain}/conversations/${reloaded.conversationId}?watermark=0`, {
      headers: { authorization: `Bearer ${reloaded.token}` },
    });
    expect(resumed.status).toBe(200);
    const { texts } = await activities(reloaded.domain, reloaded.conversationId, reloaded.token);
    expect(texts).toEqual([
      expect.stringContaining('Здравствуйте!'),
      'Что вы хотите сделать?',
      '/readings',
      expect.stringContaining('без привязки'),
      expect.stringContaining('Введите номер'),
    ]);
    // The old token no longer opens it, and another browser gets a conversation of its own.
    expect((await activities(first.domain, first.conversationId, first.token)).status).toBe(403);
    expect((await reissue('someone-elses-secret-0000')).conversationId).not.toBe(first.conversationId);
  });

  it('refuses a token request without a proper browser secret', async () => {
    const response = await fetch(`${app.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'x' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('web chat in production', () => {
  it('exchanges the Direct Line secret for a per-user token on the server, and lets allowed sites embed the widget', async () => {
    const generated: { authorization?: string; body: string }[] = [];
    const azure = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        generated.push({ body, ...(req.headers.authorization && { authorization: req.headers.authorization }) });
        // A refresh continues the conversation of the token it is given; a new token starts one.
        const refresh = req.url === '/v3/directline/tokens/refresh';
        const valid = req.headers.authorization === 'Bearer azure-user-token';
        res.writeHead(refresh && !valid ? 403 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'azure-conversation', token: refresh ? 'azure-refreshed-token' : 'azure-user-token', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(azure.address() as AddressInfo).port}`;
    const app = await startTestApp({
      DIRECT_LINE_SECRET: 'the-direct-line-secret',
      DIRECT_LINE_ENDPOINT: endpoint,
      WEBCHAT_ALLOWED_ORIGINS: 'https://www.energosbyt.example',
    });
    try {
      const response = await fetch(`${app.url}/api/webchat/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://www.energosbyt.example' },
        body: JSON.stringify({ user: 'browser-secret-eeeeeeeeee', locale: 'en' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('https://www.energosbyt.example');
      const session = (await response.json()) as Record<string, unknown>;
      expect(session).toMatchObject({ token: 'azure-user-token', domain: `${endpoint}/v3/directline`, locale: 'en' });
      expect(JSON.stringify(session)).not.toContain('the-direct-line-secret');
      expect(generated[0]?.authorization).toBe('Bearer the-direct-line-secret');
      expect(JSON.parse(generated[0]?.body ?? '{}')).toEqual({ user: { id: expect.stringMatching(/^web-[0-9a-f]{32}$/) as unknown } });
      expect((await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);

      // A reloaded page refreshes its token and continues the same conversation.
      const again = async (token: string) =>
        (await (
          await fetch(`${app.url}/api/webchat/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: 'browser-secret-eeeeeeeeee', locale: 'en', earlier: { conversationId: 'azure-conversation', token } }),
          })
        ).json()) as Record<string, unknown>;
      expect(await again('azure-user-token')).toMatchObject({ token: 'azure-refreshed-token', conversationId: 'azure-conversation' });
      expect(await again('an-expired-token')).toMatchObject({ token: 'azure-user-token' });

      const preflight = (origin: string) =>
        fetch(`${app.url}/api/webchat/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await preflight('https://www.energosbyt.example')).status).toBe(204);
      expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
      await new Promise<void>((resolve) => azure.close(() => resolve()));
    }
  });
});

describe('the embedded Direct Line endpoint, when the bot fails', () => {
  it('delivers again what the bot could not handle, in order, and loses nothing the customer typed', async () => {
    const received: string[] = [];
    let refusing = 1;
    const bot = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const activity = JSON.parse(body) as { type: string; text?: string };
        received.push(activity.text ?? activity.type);
        res.writeHead(refusing-- > 0 ? 500 : 200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    const orm = await initORM({ kind: 'sqlite', path: ':memory:' });
    const server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    const relay = new DirectLineRelay(
      () => `http://127.0.0.1:${(bot.address() as AddressInfo).port}`,
      new SqlRelayConversations(orm),
      new SqlFileStore(orm),
      () => 'http://127.0.0.1',
      createLog('error', () => undefined),
    );
    relay.mount(server);
    await new Promise<void>((resolve) => void server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${server.address().port}/v3/directline`;
      const { token, conversationId } = await relay.issueToken('web-user', 'ru');
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect((await fetch(`${base}/conversations`, { method: 'POST', headers })).status).toBe(201);
      const post = await fetch(`${base}/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: '/readings' }),
      });
      expect(post.status).toBe(200);
      while (received.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      process.stdout.write(`relay to a failing bot: the bot saw ${JSON.stringify(received)}\n`);
      expect(received).toEqual(['conversationUpdate', 'conversationUpdate', '/readings']);
    } finally {
      relay.close();
      server.close();
      bot.close();
      await orm.close();
    }
  });
});
