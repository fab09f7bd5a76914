import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { linkingScript, play, startTestApp, type TestApp } from '../support/test-app';

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
    expect(transcript[0]?.[1]).toEqual({ text: 'Что вы хотите сделать?', buttons: ['Привязать лицевой счёт', 'Передать показания', 'Язык / Language', 'Что умеет бот'] });
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
    const app = await startTestApp({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', HOST: '127.0.0.1' });
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
