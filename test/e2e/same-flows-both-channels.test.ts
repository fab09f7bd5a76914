import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { Account, MeterReading } from '../../db/entities';
import { lastMonths } from '../../core/kernel/period';
import { demoMeter, nextConsumptionKwh } from '../support/demo-meter';
import { historyScript, linkingScript, play, readingsScript, startTestApp } from '../support/test-app';
import { TelegramCustomer } from '../support/telegram-customer';

const moscowTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

describe('one conversation, two channels', () => {
  it('shows the same texts and buttons in Telegram and in Bot Framework, through linking, a readings submission and the history with its chart', async () => {
    const api = await new FakeTelegramApi().start();
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const meter = await demoMeter(app.runtime.orm);
      const readings = readingsScript(meter);
      const script = [...linkingScript, ...readings, ...historyScript];
      const submitted = async () => {
        const rows = await app.runtime.orm.em.fork().find(MeterReading, { accepted: false });
        await app.runtime.orm.em.fork().nativeDelete(MeterReading, { accepted: false });
        return rows.map((reading) => [reading.channel, reading.value, reading.period]);
      };
      const inTelegram = await play(new TelegramCustomer(api, 601), script);
      const inTelegramSubmitted = await submitted();
      expect(inTelegramSubmitted).toEqual([['telegram', meter.next, expect.any(String)]]);
      const period = String(inTelegramSubmitted[0]?.[2]);
      const inWebChat = await play(channel.customer('web-601'), script);
      expect(await submitted()).toEqual([['webchat', meter.next, period]]);
      expect(inTelegram.flat().length).toBeGreaterThan(15);
      // The intended differences: the history names the channel each reading came through, and
      // today's times may fall in different minutes.
      const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      const comparable = (transcript: typeof inWebChat) =>
        JSON.parse(
          JSON.stringify(transcript)
            .replaceAll('· чат на сайте', '· Telegram')
            .replace(new RegExp(`${today.replace(/\./g, '\\.')}, \\d\\d:\\d\\d`, 'g'), `${today}, hh:mm`),
        ) as typeof inWebChat;
      expect(JSON.stringify(inWebChat)).toContain(`· ${meter.next} · ${nextConsumptionKwh} · чат на сайте`);
      expect(comparable(inWebChat)).toEqual(comparable(inTelegram));

      const refused = inTelegram[linkingScript.length + 1];
      expect(refused?.[0]?.text).toBe(`${meter.below} меньше последнего принятого показания (${meter.last}). Проверьте значение и введите его ещё раз.`);
      // The last six months end with the one the reading was just given for.
      const { from, to } = lastMonths(period, 6);
      const shown = (period: string) => `${period.slice(5)}.${period.slice(0, 4)}`;
      const history = inTelegram[linkingScript.length + readings.length + 1];
      expect(history?.[0]).toEqual({
        text: `Расход электроэнергии по месяцам, ${shown(from)}–${shown(to)}.`,
        buttons: [],
        file: `consumption-${from}-${to}.png`,
      });
      expect(inTelegram.at(-1)?.[0]).toMatchObject({ file: `readings-${from}-${to}.csv` });
      expect(api.calls.find((call) => call.method === 'sendPhoto')?.file).toMatchObject({
        name: `consumption-${from}-${to}.png`,
        bytes: expect.any(Number) as unknown,
      });
      const attachment = channel.received.flatMap((activity) => activity.attachments ?? []).find((file) => file.contentType === 'image/png');
      const download = await fetch(attachment?.contentUrl ?? '');
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await download.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      expect((await fetch(`${app.url}/files/not-a-token`)).status).toBe(404);

      // Facts and tables: bold labels and an HTML table in Telegram, Adaptive Cards in Bot Framework.
      expect(api.calls.find((call) => String(call.params['text']).includes('<b>Адрес:</b> г. Воронеж'))?.params['parse_mode']).toBe('HTML');
      expect(
        api.calls.some((call) =>
          String(call.params['text']).includes(`<b>${moscowTime.format(meter.lastAt)}</b>\n  CE102-0100001, показание · ${meter.last} ✅`),
        ),
      ).toBe(true);
      const cards = channel.received
        .flatMap((activity) => activity.attachments ?? [])
        .filter((file) => file.contentType === 'application/vnd.microsoft.card.adaptive');
      expect(cards.map((card) => card.content?.body.map((element) => element['type']))).toEqual([
        ['TextBlock', 'FactSet'],
        ['TextBlock', 'FactSet'],
        [...Array<string>(16).fill('TextBlock')],
      ]);
      expect(JSON.stringify(cards[0]?.content)).toContain('"title":"Адрес","value":"г. Воронеж, ул. Кольцовская, д. 24, кв. 17"');
      expect(inTelegram[linkingScript.length + 3]?.[0]?.text).toMatch(/^Показания приняты \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
    } finally {
      await channel.stop();
      await app.close();
      await api.stop();
    }
  });

  it('refuses readings without linking in both channels when the owner has turned them off', async () => {
    const api = await new FakeTelegramApi().start();
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      await app.runtime.orm.em.fork().nativeUpdate(Account, { number: '100000000003' }, { readingsWithoutLinkAllowed: false });
      const script = [{ say: '/readings' }, { say: '100000000003' }, { press: 'Да' }];
      const inTelegram = await play(new TelegramCustomer(api, 602), script);
      const inWebChat = await play(channel.customer('web-602'), script);
      expect(inWebChat).toEqual(inTelegram);
      expect(inTelegram[2]?.[0]?.text).toBe('Владелец этого счёта запретил передавать показания без привязки. Привяжите счёт, чтобы передать их.');
      expect(await app.runtime.orm.em.fork().count(MeterReading, { accepted: false })).toBe(0);
    } finally {
      await channel.stop();
      await app.close();
      await api.stop();
    }
  });
});
