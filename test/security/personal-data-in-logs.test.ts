import { fileAsStranger } from '../support/appeal-scripts';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, play, startTestApp } from '../support/test-app';

/** What the customers of this test told the bot: none of it may reach a log line. */
const personalData = ['100000000001', '1543', 'Олег', 'oleg@mail.ru', 'Липецк', 'Ленина', 'дачный', 'Воронеж', 'Кольцовская'];

describe('personal data in the logs', () => {
  it('a linking and an appeal in both channels, through platform failures and a database that refuses the draft, log none of what the customers said', async () => {
    const api = await new FakeTelegramApi().start();
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug' });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      await app.runtime.orm.em
        .fork()
        .getConnection()
        .execute(
          "create trigger refused_draft before insert on appeal_draft when new.chat_id in ('1602', 'web-1602') begin select raise(abort, 'draft refused'); end",
        );
      api.failNext('sendMessage', { status: 502 }, 2);
      await play(new TelegramCustomer(api, 1601), linkingScript);
      await play(new TelegramCustomer(api, 1602), fileAsStranger.slice(0, 3));
      channel.failNext(500);
      await play(channel.customer('web-1601'), linkingScript);
      await play(channel.customer('web-1602'), fileAsStranger.slice(0, 3));

      const errors = app.logs.filter((line) => /"level":"(warn|error)"/.test(line));
      const leaked = personalData.filter((value) => app.logs.some((line) => line.includes(value)));
      process.stdout.write(
        `personal data in the logs: ${app.logs.length} lines (${errors.length} warnings and errors), leaked ${leaked.length} of ${personalData.length} values\n`,
      );
      expect(errors.length).toBeGreaterThan(0);
      expect(leaked).toEqual([]);
    } finally {
      await channel.stop();
      await app.close();
      await api.stop();
    }
  });
});
