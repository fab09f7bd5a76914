import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { linkingScript, plain, play, startTestApp, type TestApp } from '../support/test-app';

describe('Bot Framework, end to end through /api/messages', () => {
  let app: TestApp;
  let channel: BotFrameworkChannel;

  beforeEach(async () => {
    app = await startTestApp();
    channel = await new BotFrameworkChannel(app.url).start();
  });
  afterEach(async () => {
    await channel.stop();
    await app.close();
  });

  it('links a demo account with suggested actions, replying to each activity at the serviceUrl', async () => {
    const transcript = await play(channel.customer('user-1'), linkingScript);
    expect(transcript[0]?.[1]).toEqual({
      text: 'Что вы хотите сделать?',
      buttons: ['Привязать лицевой счёт', 'Оплатить', 'Передать показания', 'Написать обращение', 'Язык / Language', 'Ещё…'],
    });
    expect(transcript[6]?.[0]?.text).toBe('Готово! Лицевой счёт 100000000001 привязан к этому чату.');
    expect(transcript[7]?.[0]?.text).toContain('Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    const reply = channel.received[0];
    expect(reply?.path).toBe('/v3/conversations/conversation-user-1/activities/activity-1');
    expect(reply?.replyToId).toBe('activity-1');
  });

  it('greets a customer who joins the conversation', async () => {
    const { replies } = await channel.post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-2' }] }, 'user-2');
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringContaining('Здравствуйте!'), 'Что вы хотите сделать?']);
  });

  it("answers an attachment, a too long text and a press of an old question's button in words", async () => {
    const photo = await channel.post(
      { type: 'message', attachments: [{ contentType: 'image/jpeg', contentUrl: 'http://127.0.0.1:1/photo.jpg', name: 'meter.jpg' }] },
      'user-3',
    );
    expect(photo.replies[0]?.text).toBe(
      'Фотографии я принимаю в обращениях («Написать обращение») и к показаниям («Передать показания»): приложите её там. Выберите действие в меню или напишите, что нужно.',
    );
    const long = await channel.post({ type: 'message', text: 'я'.repeat(5000) }, 'user-3');
    expect(long.replies.map((reply) => plain(reply.text ?? ''))).toEqual([
      'Сообщение слишком длинное: я читаю сообщения до 4 096 символов. Напишите, пожалуйста, короче — то, о чём шла речь, я помню.',
    ]);
    await channel.post({ type: 'message', text: '/link' }, 'user-3');
    const address = await channel.post({ type: 'message', text: '100000000001' }, 'user-3');
    const no = address.replies[0]?.suggestedActions?.actions.find((action) => action.title === 'Нет')?.value;
    await channel.post({ type: 'message', text: 'Да', value: address.replies[0]?.suggestedActions?.actions[0]?.value }, 'user-3');
    const stale = await channel.post({ type: 'message', text: 'Нет', value: no }, 'user-3');
    expect(stale.replies.map((reply) => reply.text)).toEqual(['Этот вопрос уже закрыт.']);
  });

  it('sends facts as an Adaptive Card with a plain-text fallback', async () => {
    await play(channel.customer('user-4'), linkingScript.slice(0, -1));
    const card = channel.received.at(-2);
    expect(card?.summary).toContain('Адрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17');
    expect(card?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card?.attachments?.[0]?.content)).toContain('"fallbackText":"Лицевой счёт 100000000001 (демонстрационный)\\nАдрес: г. Воронеж');
  });

  it("says each reply's language, so the web page follows the chat; the page's language link chooses it", async () => {
    const greeting = await channel.post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-6' }], locale: 'ru-RU' }, 'user-6');
    expect(greeting.replies.map((reply) => reply.locale)).toEqual(['ru-RU', 'ru-RU']);
    const chosen = await channel.post({ type: 'event', name: 'language', value: 'en', locale: 'ru-RU' }, 'user-6');
    expect(chosen.replies.map((reply) => [reply.text, reply.locale])).toEqual([
      ['Language changed: English.', 'en-US'],
      ['What would you like to do?', 'en-US'],
    ]);
    // A page still in Russian does not take the choice back: it follows the replies.
    expect((await channel.post({ type: 'message', text: '/menu', locale: 'ru-RU' }, 'user-6')).replies.map((reply) => reply.locale)).toEqual(['en-US']);
    expect((await channel.post({ type: 'event', name: 'language', value: 'de' }, 'user-6')).replies).toEqual([]);
  });

  it('acts once on an activity delivered twice', async () => {
    const activity = { id: 'same-activity', type: 'message', text: '/start' };
    expect((await channel.post(activity)).replies).toHaveLength(2);
    const again = await channel.post(activity);
    expect(again.status).toBeLessThan(300);
    expect(again.replies).toEqual([]);
  });

  it('reports the database and flow state on /health', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', redis: 'not configured' });
  });
});

describe('Bot Framework with credentials', () => {
  it('refuses activities that carry no Bot Connector token', async () => {
    const app = await startTestApp({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'secret',
      DIRECT_LINE_SECRET: 'direct-line-secret',
      HOST: '127.0.0.1',
    });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const { status, replies } = await channel.post({ type: 'message', text: '/start' });
      expect(status).toBe(401);
      expect(replies).toEqual([]);
    } finally {
      await channel.stop();
      await app.close();
    }
  });
});
