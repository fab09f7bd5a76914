import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { linkingScript, play, startTestApp } from '../support/test-app';
import { TelegramCustomer } from '../support/telegram-customer';

describe('one conversation, two channels', () => {
  it('shows the same texts and buttons in Telegram and in Bot Framework', async () => {
    const api = await new FakeTelegramApi().start();
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const inTelegram = await play(new TelegramCustomer(api, 601), linkingScript);
      const inWebChat = await play(channel.customer('web-601'), linkingScript);
      expect(inTelegram.flat().length).toBeGreaterThan(10);
      expect(inWebChat).toEqual(inTelegram);
    } finally {
      await channel.stop();
      await app.close();
      await api.stop();
    }
  });
});
