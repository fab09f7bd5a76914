import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { FakeTelegramApi, type InlineButton } from '../support/fake-telegram-api';
import { Account, MeterReading, PaymentOrder } from '../../db/entities';
import { lastMonths } from '../../core/kernel/period';
import { demoMeter, nextConsumptionKwh } from '../support/demo-meter';
import { historyScript, linkingScript, plain, play, readingsScript, startTestApp, type Step } from '../support/test-app';
import { TelegramCustomer } from '../support/telegram-customer';
import { FakeMaxApi, type SentMaxMessage } from '../support/fake-max-api';
import { MaxCustomer, seenOf } from '../support/max-customer';

const moscowTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

describe('one conversation, every channel', () => {
  it('shows the same texts and buttons in Telegram, in Bot Framework and in MAX, through linking, a readings submission and the history with its chart', async () => {
    const [api, max] = await Promise.all([new FakeTelegramApi().start(), new FakeMaxApi().start()]);
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, MAX_BOT_TOKEN: max.token, MAX_API_ROOT: max.apiRoot });
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
      const inMax = await play(new MaxCustomer(max, 601), script);
      expect(await submitted()).toEqual([['max', meter.next, period]]);
      expect(inTelegram.flat().length).toBeGreaterThan(15);
      // The intended differences: the history names the channel each reading came through, and
      // today's times may fall in different minutes.
      const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      const comparable = (transcript: typeof inWebChat) =>
        JSON.parse(
          JSON.stringify(transcript)
            .replaceAll('· чат на сайте', '· Telegram')
            .replaceAll('· MAX', '· Telegram')
            .replace(new RegExp(`${today.replace(/\./g, '\\.')}, \\d\\d:\\d\\d`, 'g'), `${today}, hh:mm`),
        ) as typeof inWebChat;
      expect(JSON.stringify(inWebChat)).toContain(`· ${meter.next} · ${nextConsumptionKwh} · чат на сайте`);
      expect(comparable(inWebChat)).toEqual(comparable(inTelegram));
      expect(JSON.stringify(inMax)).toContain(`· ${meter.next} · ${nextConsumptionKwh} · MAX`);
      expect(comparable(inMax)).toEqual(comparable(inTelegram));

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
      // In Bot Framework the chart is a card whose picture opens full size on a tap.
      const chart = channel.received
        .flatMap((activity) => activity.attachments ?? [])
        .flatMap((card) => card.content?.body ?? [])
        .find((element) => element['type'] === 'Image');
      expect(chart?.['selectAction']).toEqual({ type: 'Action.OpenUrl', url: chart?.['url'], title: expect.any(String) as unknown });
      const download = await fetch(String(chart?.['url']));
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
      // Facts: each label above its value (a label never breaks mid-word on a phone).
      expect(cards.map((card) => card.content?.body.every((element) => element['type'] === 'TextBlock' || element['type'] === 'Image'))).toEqual(
        cards.map(() => true),
      );
      expect(JSON.stringify(cards[0]?.content)).toContain(
        '"text":"Адрес","wrap":true,"isSubtle":true,"size":"Small","spacing":"Small"},{"type":"TextBlock","text":"г. Воронеж, ул. Кольцовская, д. 24, кв. 17"',
      );
      expect(inTelegram[linkingScript.length + 3]?.[0]?.text).toMatch(/^Показания приняты \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
    } finally {
      await channel.stop();
      await app.close();
      await Promise.all([api.stop(), max.stop()]);
    }
  }, 120_000);

  it('pays without linking in every channel: the same number, address, consent, balance and amounts, and the result pushed into each chat', async () => {
    const [api, max] = await Promise.all([new FakeTelegramApi().start(), new FakeMaxApi().start()]);
    const app = await startTestApp({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, MAX_BOT_TOKEN: max.token, MAX_API_ROOT: max.apiRoot });
    const channel = await new BotFrameworkChannel(app.url).start();
    try {
      const script: Step[] = [
        { say: '/start' },
        { press: 'Оплатить' },
        { say: '1000 0000 003' },
        { say: '1000 0000 0003' },
        { press: 'Да' },
        { press: 'Принимаю и согласен' },
        { press: 'Другая сумма' },
        { say: '1500' },
      ];
      const inTelegram = await play(new TelegramCustomer(api, 603), script);
      const telegramLink = (api.messagesTo(603).at(-1)?.params['reply_markup'] as { inline_keyboard: InlineButton[][] }).inline_keyboard[0]?.[0]?.url;
      const inWebChat = await play(channel.customer('web-603'), script);
      const webChatLink = (channel.received.at(-1)?.suggestedActions?.actions[0] as unknown as { value: string }).value;
      const maxCustomer = new MaxCustomer(max, 603);
      expect(await play(maxCustomer, script)).toEqual(inTelegram);
      const maxLink = maxCustomer.linkOf('Перейти к оплате 1 500,00 ₽');
      // The intended difference: Web Chat adds the menu beside a message that offers only a link.
      expect(inWebChat.at(-1)?.[0]?.buttons).toEqual(['Перейти к оплате 1 500,00 ₽', 'Меню']);
      expect(inWebChat.slice(0, -1)).toEqual(inTelegram.slice(0, -1));
      expect(inTelegram.at(-1)).toEqual([
        {
          text: 'Оплата 1 500,00 ₽ по лицевому счёту 100000000003 — картой на странице оплаты.\nПлатёж поступит на счёт в течение суток; я сообщу здесь, когда оплата пройдёт.',
          buttons: ['Перейти к оплате 1 500,00 ₽'],
        },
      ]);
      expect(inWebChat.at(-1)?.[0]?.text).toBe(inTelegram.at(-1)?.[0]?.text);
      expect(inTelegram[1]?.map((message) => message.text)).toEqual([
        'Оплатить можно и без привязки чата: понадобится номер лицевого счёта.',
        'Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.',
      ]);
      // The balance depends on the day the demo accounts were seeded for: its form is checked, not its sum.
      expect(inTelegram[5]?.[0]?.text).toMatch(/^К оплате по лицевому счёту 100000000003 рекомендуется \d[\d ]*,\d\d ₽:\n• задолженность: /);
      expect(await app.runtime.orm.em.fork().find(PaymentOrder, {}, { orderBy: { chatId: 'asc' } })).toEqual([
        expect.objectContaining({ channel: 'max', chatId: '1000603', amountKopecks: 150_000, status: 'pending' }),
        expect.objectContaining({ channel: 'telegram', chatId: '603', amountKopecks: 150_000, status: 'pending' }),
        expect.objectContaining({ channel: 'webchat', chatId: 'web-603', amountKopecks: 150_000, status: 'pending' }),
      ]);

      const before = channel.received.length;
      const sentBefore = api.messagesTo(603).length;
      const maxBefore = max.messagesTo(603).length;
      for (const url of [telegramLink, webChatLink, maxLink]) {
        await fetch(String(url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'card=4242424242424242' });
      }
      await app.pushes.kick();
      const told = 'Оплата 1 500,00 ₽ по лицевому счёту 100000000003 прошла. Платёж поступит на счёт в течение суток.';
      expect(plain(String((await api.waitForMessages(603, sentBefore + 1)).at(-1)?.params['text']))).toBe(told);
      expect(plain((await channel.waitFor((activity) => channel.received.indexOf(activity) >= before)).text ?? '')).toBe(told);
      expect(seenOf((await max.waitForMessages(603, maxBefore + 1)).at(-1) as SentMaxMessage).text).toBe(told);
    } finally {
      await channel.stop();
      await app.close();
      await Promise.all([api.stop(), max.stop()]);
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
