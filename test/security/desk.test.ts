import crypto from 'node:crypto';
import * as passwords from '../../bots/channels/desk/passwords';
import { SqlAppeals } from '../../db/repositories/sql-appeals';
import { appealYear } from '../../core/features/appeals/appeal';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { SqlCannedAnswers } from '../../db/repositories/sql-canned-answers';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/test-app';

const password = 'irina-own-password-2026';

/** The desk as a browser reaches it, from an address of its choosing (behind the trusted proxy). */
function deskClient(app: TestApp, address: string) {
  const form = (path: string, fields: Record<string, string>, cookie?: string) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address, ...(cookie && { cookie }) },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    form,
    /** Each form posted three ways: with the token but no session, with the session but no token, with a guessed token: the statuses. */
    async refusals(paths: readonly string[], fields: Record<string, string>, csrf: string, cookie: string) {
      const statuses: [string, number, number, number][] = [];
      for (const path of paths)
        statuses.push([
          path,
          (await form(path, { ...fields, csrf })).status,
          (await form(path, fields, cookie)).status,
          (await form(path, { ...fields, csrf: 'a-guess' }, cookie)).status,
        ]);
      return statuses;
    },
    /** Each page fetched with the cookie (or none): its status and where it sends the caller. */
    pagesSeen: (paths: readonly string[], cookie?: string) =>
      Promise.all(
        paths.map(async (path) => {
          const response = await fetch(`${app.url}${path}`, { redirect: 'manual', headers: { ...(cookie && { cookie }) } });
          return [path, response.status, response.headers.get('location')];
        }),
      ),
    async signIn(login: string, secret: string): Promise<{ status: number; cookie?: string }> {
      const response = await form('/desk/sign-in', { login, password: secret });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      return { status: response.status, ...(cookie && { cookie }) };
    },
    /** The desk's page for this session: its CSRF token, or null when it shows the sign-in form. */
    async csrf(cookie: string): Promise<string | null> {
      const page = await (await fetch(`${app.url}/desk`, { headers: { cookie, 'x-forwarded-for': address } })).text();
      return /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? null;
    },
  };
}

describeWithPostgres('the desk, against guessing and stolen sessions (two instances sharing PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let [one, two]: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, PAYMENTS_PROVIDER: 'sandbox', TRUSTED_PROXIES: '127.0.0.1' };
    [one, two] = [await startTestApp(env), await startTestApp(env)];
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database.drop();
  });

  const handOut = async (login: string, secret: string, mustChange = false) =>
    new SqlOperators(one!.runtime.orm).setPassword(login, await passwords.hashPassword(secret), mustChange, new Date());

  it('a stranger guessing from one address pauses only that address, on either instance; the operator from her own address signs in', async () => {
    await handOut('irina', password);
    const stranger = [deskClient(one!, '203.0.113.7'), deskClient(two!, '203.0.113.7')];
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess += 1) statuses.push((await stranger[guess % 2]!.signIn('irina', `guess-${guess}`)).status);
    const paused = (await stranger[1]!.signIn('irina', password)).status;
    const operator = await deskClient(two!, '198.51.100.20').signIn('irina', password);
    process.stdout.write(
      `desk guessing: the stranger's answers ${JSON.stringify(statuses)}, then with the right password ${paused}; the operator from her address ${operator.status}\n`,
    );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(paused).toBe(429);
    expect(operator.status).toBe(303);
    expect(operator.cookie).toMatch(/^energobot_desk=/);
  });

  it('an unknown login is checked like a known one, so the time of the answer tells nothing', async () => {
    await handOut('irina', password);
    await passwords.unknownOperatorHash();
    const checks = jest.spyOn(crypto, 'scrypt');
    try {
      expect((await deskClient(one!, '192.0.2.50').signIn('nobody-here', 'guess')).status).toBe(401);
      expect((await deskClient(one!, '192.0.2.51').signIn('irina', 'guess')).status).toBe(401);
      // One scrypt check each, with the same cost: the stored hashes' parameters are the same.
      expect(checks.mock.calls.map(([, , , options]) => options)).toEqual([expect.objectContaining({ N: 32_768 }), expect.objectContaining({ N: 32_768 })]);
    } finally {
      checks.mockRestore();
    }
  });

  it('a password handed out again ends every session; a new password needs the current one and ends every other session', async () => {
    await handOut('olga', password);
    const desk = deskClient(one!, '198.51.100.30');
    const stolen = (await desk.signIn('olga', password)).cookie as string;
    const own = (await desk.signIn('olga', password)).cookie as string;
    expect(await desk.csrf(stolen)).not.toBeNull();

    // The thief tries to choose the password with the session alone, then with a guess: refused.
    const thiefCsrf = (await desk.csrf(stolen)) as string;
    for (const current of ['', 'a guess at it']) {
      const refused = await desk.form('/desk/password', { csrf: thiefCsrf, current, password: 'the-thiefs-own-password' }, stolen);
      expect([current, refused.status]).toEqual([current, 400]);
    }
    expect((await deskClient(two!, '198.51.100.31').signIn('olga', password)).status).toBe(303);

    // Olga changes it: the other sessions (the thief's) end, hers goes on.
    const changed = await desk.form('/desk/password', { csrf: (await desk.csrf(own)) as string, current: password, password: 'olgas-new-password-2026' }, own);
    expect(changed.status).toBe(303);
    expect(await desk.csrf(stolen)).toBeNull();
    expect(await desk.csrf(own)).not.toBeNull();

    // `npm run operator:add -- olga` again (a reset): no session of hers survives.
    await handOut('olga', 'a-one-time-password-000', true);
    expect(await desk.csrf(own)).toBeNull();
  });

  it("signing out ends the server session even without the page's CSRF token", async () => {
    await handOut('pavel', password);
    const desk = deskClient(one!, '198.51.100.40');
    const session = (await desk.signIn('pavel', password)).cookie as string;
    const out = await desk.form('/desk/sign-out', {}, session);
    expect(out.status).toBe(303);
    expect(await desk.csrf(session)).toBeNull();
  });

  it('asks before the same answer goes to an appeal twice within a day (Back, then send again), and sends it when confirmed', async () => {
    await handOut('anna', password);
    const desk = deskClient(one!, '198.51.100.50');
    const session = (await desk.signIn('anna', password)).cookie as string;
    const appeal = await new SqlAppeals(one!.runtime.orm).file({
      draft: {
        appellant: { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
        topic: 'other',
        name: 'Олег',
        email: 'oleg@mail.ru',
        phone: null,
        message: 'Когда дадут свет?',
        attachments: [],
      },
      chat: { channel: 'telegram', id: '1901' },
      locale: 'ru',
      at: new Date(),
      year: appealYear(new Date(), 'Europe/Moscow'),
    });
    const answer = async (key: string, extra: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ csrf: (await desk.csrf(session)) as string, key, text: 'Сегодня к 21:00.', ...extra }))
        form.set(name, value);
      const response = await fetch(`${one!.url}/desk/appeals/${encodeURIComponent(appeal.number)}/answer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: session, 'x-forwarded-for': '198.51.100.50' },
        body: form,
      });
      return { status: response.status, page: await response.text() };
    };
    const first = await answer('desk-form-key-000000001');
    const again = await answer('desk-form-key-000000002');
    const operatorMessages = async () =>
      ((await new SqlAppeals(one!.runtime.orm).thread(appeal.number))?.messages ?? []).filter((message) => message.from === 'operator').length;
    const beforeConfirming = await operatorMessages();
    const confirmed = await answer('desk-form-key-000000003', { repeat: 'yes' });
    process.stdout.write(
      `the same desk answer twice: ${first.status}, then ${again.status} (asked), then confirmed ${confirmed.status}; answers in the thread ${beforeConfirming} → ${await operatorMessages()}\n`,
    );
    expect(first.status).toBe(303);
    expect(again.status).toBe(400);
    expect(again.page).toContain('такой же ответ уже отправлен');
    expect(again.page).toContain('name="repeat" value="yes"');
    expect(beforeConfirming).toBe(1);
    expect(confirmed.status).toBe(303);
    expect(await operatorMessages()).toBe(2);
  });

  /** An appeal from a Telegram chat, straight into the shared store. */
  const fileAppeal = (name: string, chat: string) =>
    new SqlAppeals(one!.runtime.orm).file({
      draft: {
        appellant: { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
        topic: 'other',
        name,
        email: 'client@mail.ru',
        phone: null,
        message: 'Когда дадут свет?',
        attachments: [],
      },
      chat: { channel: 'telegram', id: chat },
      locale: 'ru',
      at: new Date(),
      year: appealYear(new Date(), 'Europe/Moscow'),
    });

  it("every new form refuses a post without a session or without the page's CSRF token, and every new page sends a caller without a session to sign in", async () => {
    await handOut('vera', password);
    await handOut('nina', 'a-one-time-password-001', true);
    const desk = deskClient(one!, '198.51.100.60');
    const vera = (await desk.signIn('vera', password)).cookie as string;
    const csrf = (await desk.csrf(vera)) as string;
    const number = (await fileAppeal('Вера', '1910')).number;
    const thread = `/desk/appeals/${encodeURIComponent(number)}`;
    const fields = { text: 'Проверить договор.', key: 'desk-form-key-000000010', title: 'Заготовка' };
    const posts = [`${thread}/take`, `${thread}/release`, `${thread}/notes`, `${thread}/reopen`, `${thread}/close`, '/desk/canned', '/desk/canned/1/delete'];
    expect(await desk.refusals(posts, fields, csrf, vera)).toEqual(posts.map((path) => [path, 403, 403, 403]));
    // Nothing happened: not taken, no note, not closed, no canned answer.
    const found = await new SqlAppeals(one!.runtime.orm).thread(number);
    expect([found?.appeal.assignee, found?.appeal.status, found?.messages.length]).toEqual([null, 'received', 0]);
    expect(await new SqlCannedAnswers(one!.runtime.orm).list()).toEqual([]);

    // An operator who still has the handed-out password gets no further than changing it.
    const nina = (await desk.signIn('nina', 'a-one-time-password-001')).cookie as string;
    expect((await desk.form(`${thread}/take`, { csrf: (await desk.csrf(nina)) as string }, nina)).status).toBe(403);
    const pages = ['/desk/canned', '/desk/stats', thread, '/desk/readings', '/desk/files/1'];
    for (const cookie of [undefined, nina]) expect(await desk.pagesSeen(pages, cookie)).toEqual(pages.map((path) => [path, 303, '/desk']));

    // A wrong method, a path that does not decode, values the forms never send: refused or read as the defaults, never a failure.
    const odd = [`${thread}/take`, '/desk/appeals/%25E0%A4', `${thread}?canned=%00`, '/desk/stats?days=-1', '/desk/canned?edit=x', '/desk?page=1e9&status[]=x'];
    const oddAnswers = await Promise.all(odd.map(async (path) => [path, (await fetch(`${one!.url}${path}`, { headers: { cookie: vera } })).status]));
    expect(oddAnswers).toEqual(odd.map((path, index) => [path, [405, 404, 200, 200, 200, 200][index]]));

    // With the token: Vera takes it; Olga, from the other instance, can neither take it nor let it go.
    expect((await desk.form(`${thread}/take`, { csrf }, vera)).status).toBe(303);
    await handOut('olga', password);
    const other = deskClient(two!, '198.51.100.61');
    const olga = (await other.signIn('olga', password)).cookie as string;
    const olgaCsrf = (await other.csrf(olga)) as string;
    const taken = await other.form(`${thread}/take`, { csrf: olgaCsrf }, olga);
    expect([taken.status, (await taken.text()).includes('Обращение уже взял в работу vera.')]).toEqual([409, true]);
    expect((await other.form(`${thread}/release`, { csrf: olgaCsrf }, olga)).status).toBe(303);
    expect((await new SqlAppeals(one!.runtime.orm).thread(number))?.appeal.assignee).toBe('vera');
  });

  it('a note and a canned answer with markup are shown as text; the search box reads «%», «_» and quotes as letters, not as patterns or SQL', async () => {
    await handOut('vera', password);
    const desk = deskClient(one!, '198.51.100.70');
    const cookie = (await desk.signIn('vera', password)).cookie as string;
    const csrf = (await desk.csrf(cookie)) as string;
    const number = (await fileAppeal('Зоя Кавычкина', '1911')).number;
    const thread = `/desk/appeals/${encodeURIComponent(number)}`;
    const markup = '<script>alert("note")</script> & <img src=x onerror=alert(1)>';
    expect((await desk.form(`${thread}/notes`, { csrf, key: 'desk-form-key-000000011', text: markup }, cookie)).status).toBe(303);
    expect((await desk.form('/desk/canned', { csrf, title: '<script>alert(1)</script>', text: markup }, cookie)).status).toBe(303);
    const page = await (await fetch(`${one!.url}${thread}`, { headers: { cookie } })).text();
    expect(page).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<option value="');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</option>');
    expect(page).not.toMatch(/<script|<img/);
    const canned = await (await fetch(`${one!.url}/desk/canned`, { headers: { cookie } })).text();
    expect(canned).not.toMatch(/<script|<img/);

    const search = async (q: string) => {
      const response = await fetch(`${one!.url}/desk?${new URLSearchParams({ q }).toString()}`, { headers: { cookie } });
      const body = await response.text();
      return { status: response.status, found: [...body.matchAll(/<td class="number"><a [^>]+>([^<]+)<\/a>/g)].map((match) => match[1]) };
    };
    const typed = ['Зоя', 'З%я', 'З_я', "Зоя' OR '1'='1", "'; drop table appeal; --", '%%', '100%'];
    const answers = [];
    for (const q of typed) answers.push([q, await search(q)]);
    process.stdout.write(`the desk's search box: ${JSON.stringify(answers)}\n`);
    expect(answers).toEqual([
      ['Зоя', { status: 200, found: [number] }],
      ['З%я', { status: 200, found: [] }],
      ['З_я', { status: 200, found: [] }],
      ["Зоя' OR '1'='1", { status: 200, found: [] }],
      ["'; drop table appeal; --", { status: 200, found: [] }],
      ['%%', { status: 200, found: [] }],
      ['100%', { status: 200, found: [] }],
    ]);
    // What was typed is shown back in the box as text.
    expect(await (await fetch(`${one!.url}/desk?q=${encodeURIComponent('"><script>')}`, { headers: { cookie } })).text()).toContain(
      'value="&quot;&gt;&lt;script&gt;"',
    );
    expect((await search('Зоя')).found).toEqual([number]);
  });

  it("«Чат с клиентами»: every post needs a session and the page's CSRF token, every page a session; a customer's markup stays text on the page and in the JSON; only the operator who holds a conversation writes to it or ends it", async () => {
    await handOut('vera', password);
    await handOut('nina', 'a-one-time-password-002', true);
    const desk = deskClient(one!, '198.51.100.80');
    const vera = (await desk.signIn('vera', password)).cookie as string;
    const csrf = (await desk.csrf(vera)) as string;
    const liveChats = one!.runtime.services.liveChats;
    const live = await liveChats.join({ channel: 'telegram', id: '1920' }, 'ru', new Date());
    const markup = '<script>alert("live")</script> & <img src=x onerror=alert(1)>';
    await liveChats.add(live.id, { from: 'customer', text: markup, files: [], at: new Date().toISOString(), operator: null, key: `${live.id}:customer:1` });
    const chat = `/desk/live/${live.id}`;
    const said = { text: 'Здравствуйте!', key: 'desk-form-key-000000020' };
    /** The conversation's form as the page posts it: multipart, with its files. */
    const sayMultipart = async (cookie: string, fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      form.set('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'Памятка.pdf');
      return (await fetch(`${one!.url}${chat}/say`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: form })).status;
    };

    const posts = [`${chat}/take`, `${chat}/say`, `${chat}/end`];
    expect(await desk.refusals(posts, said, csrf, vera)).toEqual(posts.map((path) => [path, 403, 403, 403]));
    expect([await sayMultipart(vera, said), await sayMultipart(vera, { ...said, csrf: 'a-guess' })]).toEqual([403, 403]);
    // Nothing happened: still waiting, taken by nobody, no operator's words, nothing pushed to the chat.
    expect([(await liveChats.get(live.id))?.status, (await liveChats.get(live.id))?.operator, (await liveChats.messages(live.id, 0)).length]).toEqual([
      'waiting',
      null,
      1,
    ]);

    // An operator who still has the handed-out password gets no further than changing it; nobody without a session sees a page.
    const nina = (await desk.signIn('nina', 'a-one-time-password-002')).cookie as string;
    expect((await desk.form(`${chat}/take`, { csrf: (await desk.csrf(nina)) as string }, nina)).status).toBe(403);
    const pages = ['/desk/live', chat, `${chat}/messages?after=0`];
    for (const cookie of [undefined, nina]) expect(await desk.pagesSeen(pages, cookie)).toEqual(pages.map((path) => [path, 303, '/desk']));
    expect(await liveChats.operatorsOnDuty(new Date(Date.now() - 60_000))).toBe(0);

    // The customer's markup: text on the queue's page and the conversation's, plain words in the JSON the page's script reads.
    const queuePage = await (await fetch(`${one!.url}/desk/live`, { headers: { cookie: vera } })).text();
    const escaped = '&lt;script&gt;alert(&quot;live&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;';
    expect(queuePage).toContain(escaped);
    expect(queuePage).not.toMatch(/<script|<img/);
    expect((await desk.form(`${chat}/take`, { csrf }, vera)).status).toBe(303);
    const page = await (await fetch(`${one!.url}${chat}`, { headers: { cookie: vera } })).text();
    expect(page).toContain(escaped);
    expect(page).not.toMatch(/<img/);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(scripts[0]).toContain('textContent');
    expect(scripts[0]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const polled = await fetch(`${one!.url}${chat}/messages?after=0`, { headers: { cookie: vera } });
    expect([polled.status, polled.headers.get('content-type'), polled.headers.get('cache-control')]).toEqual([
      200,
      'application/json; charset=utf-8',
      'no-store',
    ]);
    const { status, messages } = (await polled.json()) as { status: string; messages: { id: number; from: string; text: string }[] };
    expect([status, messages.map((message) => [message.from, message.text])]).toEqual(['talking', [['customer', markup]]]);
    expect(await liveChats.operatorsOnDuty(new Date(Date.now() - 60_000))).toBe(1);

    // Olga, on the other instance, reads it but can neither write to it nor end it, nor take it from Vera.
    await handOut('olga', password);
    const other = deskClient(two!, '198.51.100.81');
    const olga = (await other.signIn('olga', password)).cookie as string;
    const olgaCsrf = (await other.csrf(olga)) as string;
    const olgaSays = await other.form(`${chat}/say`, { ...said, key: 'desk-form-key-000000021', csrf: olgaCsrf }, olga);
    expect([olgaSays.status, (await olgaSays.text()).includes('писать в разговор может только оператор, который его ведёт')]).toEqual([403, true]);
    expect(await sayMultipart(olga, { ...said, key: 'desk-form-key-000000022', csrf: olgaCsrf })).toBe(403);
    expect((await other.form(`${chat}/end`, { csrf: olgaCsrf }, olga)).status).toBe(403);
    const taken = await other.form(`${chat}/take`, { csrf: olgaCsrf }, olga);
    expect([taken.status, (await taken.text()).includes(`Разговор ${live.id} уже взял оператор vera.`)]).toEqual([409, true]);
    const olgaPage = await (await fetch(`${two!.url}${chat}`, { headers: { cookie: olga } })).text();
    expect([olgaPage.includes('Разговор ведёт оператор vera'), olgaPage.includes('name="text"')]).toEqual([true, false]);
    expect([(await liveChats.get(live.id))?.status, (await liveChats.messages(live.id, 0)).length]).toEqual(['talking', 1]);

    // Vera writes (the same form twice is one message), then ends it; a second end is no error.
    expect(await sayMultipart(vera, { ...said, csrf })).toBe(303);
    expect(await sayMultipart(vera, { ...said, csrf })).toBe(303);
    expect((await liveChats.messages(live.id, 0)).map((message) => [message.from, message.text, message.files.length])).toEqual([
      ['customer', markup, 0],
      ['operator', 'Здравствуйте!', 1],
    ]);
    expect((await desk.form(`${chat}/end`, { csrf }, vera)).status).toBe(303);
    expect((await desk.form(`${chat}/end`, { csrf }, vera)).status).toBe(303);
    expect((await liveChats.get(live.id))?.endedBy).toBe('operator');

    // Paths and queries the pages never make: refused or read as the defaults, never a failure.
    const odd = [
      '/desk/live/abc',
      '/desk/live/0',
      '/desk/live/99999999999',
      '/desk/live/%E0%A4',
      `${chat}/messages?after=-5`,
      `${chat}/messages?after[]=x`,
      '/desk/live/999999/messages',
    ];
    const oddAnswers = await Promise.all(odd.map(async (path) => [path, (await fetch(`${one!.url}${path}`, { headers: { cookie: vera } })).status]));
    expect(oddAnswers).toEqual(odd.map((path, index) => [path, [404, 404, 404, 404, 200, 200, 404][index]]));
  });
});
