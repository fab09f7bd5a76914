import * as passwords from '../../bots/channels/desk/passwords';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { customerFiles } from '../support/customer-files';

const password = 'irina-own-password-2026';

interface LiveJson {
  readonly status: string;
  readonly messages: readonly {
    readonly id: number;
    readonly from: string;
    readonly text: string;
    readonly files: readonly { readonly name: string; readonly mime: string; readonly url: string }[];
  }[];
}

/**
 * A live operator end to end: customers in Telegram and in the web chat (the embedded Direct Line)
 * ask for one, an operator on the desk takes them in turn and they talk, files both ways.
 */
describe('a live operator on the desk, and customers in Telegram and the web chat', () => {
  // Always within the hours: the test never depends on the day or the time it runs at.
  const both = bothChannels({ OPERATOR_HOURS: 'Mon-Sun 00:00-24:00' });

  async function operator(login: string) {
    await new SqlOperators(both.app.runtime.orm).setPassword(login, await passwords.hashPassword(password), false, new Date());
    const signedIn = await fetch(`${both.app.url}/desk/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }).toString(),
    });
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const get = async (path: string) => (await fetch(`${both.app.url}${path}`, { headers: { cookie } })).text();
    const csrf = async () => /name="csrf" value="([^"]+)"/.exec(await get('/desk/live'))?.[1] ?? '';
    const post = async (path: string, fields: Record<string, string>) =>
      fetch(`${both.app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: await csrf(), ...fields }).toString(),
      });
    const say = async (id: number, text: string, key: string, files: readonly (readonly [string, Buffer])[] = []) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ csrf: await csrf(), text, key })) form.set(name, value);
      for (const [name, bytes] of files) form.append('files', new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${both.app.url}/desk/live/${id}/say`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: form });
    };
    const conversation = async (id: number) =>
      (await (await fetch(`${both.app.url}/desk/live/${id}/messages?after=0`, { headers: { cookie } })).json()) as LiveJson;
    return { cookie, get, post, say, conversation };
  }

  /** The queue as the desk's page lists it: the conversations' ids, first come first. */
  const queueOn = (page: string) => [...page.matchAll(/action="\/desk\/live\/(\d+)\/take"/g)].map((match) => Number(match[1]));

  it('Telegram: queued in turn, taken, a photo to the operator and a PDF back, ended by the operator; a word after it is offered as an appeal', async () => {
    const irina = await operator('irina');
    // On the page: on duty, so customers are queued rather than offered an appeal.
    expect(queueOn(await irina.get('/desk/live'))).toEqual([]);
    const first = new TelegramCustomer(both.api, 1501);
    const second = new TelegramCustomer(both.api, 1502);
    expect((await first.says('/operator'))[0]?.text).toMatch(/^Вы в очереди к оператору: 1-й\. Ожидание — около \d+ мин\./);
    expect((await second.says('позовите оператора'))[0]?.text).toMatch(/^Вы в очереди к оператору: 2-й\./);
    const [mine, next] = queueOn(await irina.get('/desk/live'));
    expect((await irina.post(`/desk/live/${mine}/take`, {})).status).toBe(303);
    // Her double click: to the conversation again, the customer told once.
    expect((await irina.post(`/desk/live/${mine}/take`, {})).status).toBe(303);
    await both.app.pushes.kick();
    expect((await first.replies()).map((message) => message.text)).toEqual(['Оператор подключился к разговору. Пишите ваш вопрос.']);
    expect((await second.replies()).map((message) => message.text)).toEqual([expect.stringMatching(/^Очередь продвинулась: вы 1-й\./)]);
    expect(queueOn(await irina.get('/desk/live'))).toEqual([next]);

    expect(await first.says('Не проходит оплата картой, вот скриншот')).toEqual([]);
    expect(await first.sendsFile({ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], asPhoto: true })).toEqual([]);
    const heard = await irina.conversation(mine ?? 0);
    expect(heard).toMatchObject({
      status: 'talking',
      messages: [
        { from: 'customer', text: 'Не проходит оплата картой, вот скриншот' },
        { from: 'customer', files: [{ mime: 'image/jpeg' }] },
      ],
    });
    const photo = await fetch(`${both.app.url}${heard.messages[1]?.files[0]?.url ?? ''}`, { headers: { cookie: irina.cookie } });
    expect(Buffer.from(await photo.arrayBuffer()).equals(customerFiles['meter.jpg'])).toBe(true);

    expect((await irina.say(mine ?? 0, 'Вот памятка по оплате.', 'live-form-0000000001', [['Памятка.pdf', customerFiles['scan.pdf']]])).status).toBe(303);
    expect((await irina.say(mine ?? 0, 'Вот памятка по оплате.', 'live-form-0000000001', [['Памятка.pdf', customerFiles['scan.pdf']]])).status).toBe(303);
    await both.app.pushes.kick();
    const [words, document, ...more] = await first.replies();
    expect([words?.text, document?.file, more]).toEqual(['💬 Оператор:\nВот памятка по оплате.', 'Памятка.pdf', []]);
    expect(both.api.messagesTo(1501).at(-1)?.file?.content.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await irina.post(`/desk/live/${mine}/end`, {})).status).toBe(303);
    await both.app.pushes.kick();
    expect((await first.replies())[0]?.text).toBe('Оператор завершил разговор. Если вопрос остался, позовите оператора снова или напишите обращение.');
    expect((await first.says('И ещё вопрос про пени'))[0]?.text).toBe(
      'Разговор с оператором уже завершён: это сообщение ему не передано. Его можно отправить обращением.',
    );
    expect((await irina.conversation(mine ?? 0)).messages.map((message) => message.from)).toEqual(['customer', 'customer', 'operator']);
  });

  it('web chat: queued, taken, a PDF uploaded through the widget reaches the operator and the answer with a file comes back into the conversation', async () => {
    const irina = await operator('irina');
    await irina.get('/desk/live');
    const session = await fetch(`${both.app.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'customer-secret-live-chat-1', locale: 'en' }),
    });
    const { token, domain } = (await session.json()) as { token: string; domain: string };
    const auth = { authorization: `Bearer ${token}` };
    const { conversationId } = (await (await fetch(`${domain}/conversations`, { method: 'POST', headers: auth })).json()) as { conversationId: string };
    const at = `${domain}/conversations/${conversationId}`;
    type Seen = { from: { role?: string }; text?: string; attachments?: { name?: string; contentUrl?: string }[] };
    const botSaid = async () =>
      ((await (await fetch(`${at}/activities`, { headers: auth })).json()) as { activities: Seen[] }).activities.filter(
        (activity) => activity.from.role !== 'user',
      );
    /** The relay takes a message and hands it to the bot after answering: what the bot said, once `arrived` holds (polled, 10 s at most). */
    const activities = async (arrived: (said: Seen[]) => boolean = () => true) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const said = await botSaid();
        if (arrived(said)) return said;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return botSaid();
    };
    const last = (text: string | RegExp) => (said: Seen[]) => {
      const latest = said.at(-1)?.text ?? '';
      return typeof text === 'string' ? latest === text : text.test(latest);
    };
    const says = (text: string) =>
      fetch(`${at}/activities`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, locale: 'en' }),
      });

    expect((await says('talk to a human')).status).toBe(200);
    const queuedText = /^You are number 1 in the queue for an operator\./;
    expect((await activities(last(queuedText))).at(-1)?.text).toMatch(queuedText);
    const [id] = queueOn(await irina.get('/desk/live'));
    expect((await irina.post(`/desk/live/${id}/take`, {})).status).toBe(303);
    await both.app.pushes.kick();
    const joined = 'An operator has joined the conversation. Write your question.';
    expect((await activities(last(joined))).at(-1)?.text).toBe(joined);

    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', locale: 'en' })], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([new Uint8Array(customerFiles['scan.pdf'])], { type: 'application/pdf' }), 'contract.pdf');
    expect((await fetch(`${at}/upload?userId=customer-secret-live-chat-1`, { method: 'POST', headers: auth, body: form })).status).toBe(200);
    for (let tries = 0; tries < 100 && (await irina.conversation(id ?? 0)).messages.length === 0; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await irina.conversation(id ?? 0)).messages).toMatchObject([{ from: 'customer', files: [{ name: 'contract.pdf', mime: 'application/pdf' }] }]);

    expect((await irina.say(id ?? 0, 'Signed copy attached.', 'live-form-0000000002', [['signed.pdf', customerFiles['scan.pdf']]])).status).toBe(303);
    await both.app.pushes.kick();
    const answered = (await activities(last('📎 signed.pdf'))).slice(-2);
    expect(answered[0]?.text).toBe('💬 Operator:\nSigned copy attached.');
    const file = answered.flatMap((activity) => activity.attachments ?? []).find((attachment) => attachment.name === 'signed.pdf');
    const download = await fetch(file?.contentUrl ?? '');
    expect(Buffer.from(await download.arrayBuffer()).equals(customerFiles['scan.pdf'])).toBe(true);

    // The customer ends it from the widget: the desk shows it over.
    expect((await says('/operator end')).status).toBe(200);
    const ended = await activities((said) => said.some((activity) => activity.text === 'The conversation with the operator has ended.'));
    expect(ended.at(-2)?.text).toBe('The conversation with the operator has ended.');
    expect((await irina.conversation(id ?? 0)).status).toBe('ended');
  });
});
