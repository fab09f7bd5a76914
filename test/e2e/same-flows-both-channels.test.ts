import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { MeterReading } from '../../db/entities';
import { linkingScript, play, readingsScript, startTestApp } from '../support/test-app';
import { TelegramCustomer } from '../support/telegram-customer';

describe('one conversation, two channels', () => {
  it('shows the same texts and buttons in Telegram and in Bot Framework, through linking and a readings submission', async () => {
    const api = await new FakeTelegramApi().start();
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const script = [...linkingScript, ...readingsScript];
      const submitted = async () => {
        const rows = await app.orm.em.fork().find(MeterReading, { accepted: false });
        await app.orm.em.fork().nativeDelete(MeterReading, { accepted: false });
        return rows.map((reading) => [reading.channel, reading.value]);
      };
      const inTelegram = await play(new TelegramCustomer(api, 601), script);
      expect(await submitted()).toEqual([['telegram', 34400]]);
      const inWebChat = await play(channel.customer('web-601'), script);
      expect(await submitted()).toEqual([['webchat', 34400]]);
      expect(inTelegram.flat().length).toBeGreaterThan(15);
      expect(inWebChat).toEqual(inTelegram);

      const refused = inTelegram[linkingScript.length + 1];
      expect(refused?.[0]?.text).toBe('34000 меньше последнего принятого показания (34316). Проверьте значение и введите его ещё раз.');
      expect(inTelegram[linkingScript.length + 3]?.[0]?.text).toMatch(/^Показания приняты \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
    } finally {
      await channel.stop();
      await app.close();
      await api.stop();
    }
  });
});
