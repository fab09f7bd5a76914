import { toActivity } from '../../bots/channels/botframework/activity-renderer';
import { maxSends } from '../../bots/channels/max/max-renderer';
import { telegramSends } from '../../bots/channels/telegram/telegram-renderer';
import type { OutgoingMessage } from '../../core/kernel/content/outgoing';
import { plainText } from '../../core/kernel/content/plain-text';

const facts: OutgoingMessage = {
  kind: 'facts',
  title: 'Лицевой счёт 100000000001',
  facts: [
    ['Адрес', 'ул. <Ленина> & Co, д. 2*, кв. _1_'],
    ['Баланс', 'переплата 241,76 ₽'],
  ],
  buttons: [{ label: 'Оплатить', data: 'go:pay' }],
};

const narrow: OutgoingMessage = {
  kind: 'table',
  title: 'Платежи',
  columns: ['Дата', 'Сумма'],
  rows: [
    ['15.10.2026', '500,00 ₽'],
    ['08.06.2026', '1 543,20 ₽'],
  ],
  note: '<все> платежи',
  buttons: [],
};

describe('channel renderers', () => {
  it('escapes every value in Telegram HTML and bolds the labels', () => {
    expect(telegramSends(facts)).toEqual([
      {
        method: 'sendMessage',
        text: '<b>Лицевой счёт 100000000001</b>\n<b>Адрес:</b> ул. &lt;Ленина&gt; &amp; Co, д. 2*, кв. _1_\n<b>Баланс:</b> переплата 241,76 ₽',
        reply_markup: { inline_keyboard: [[{ text: 'Оплатить', callback_data: 'go:pay' }]] },
      },
    ]);
  });

  it('aligns a narrow table in a <pre> block, numbers to the right', () => {
    expect(telegramSends(narrow)).toEqual([
      { method: 'sendMessage', text: '<b>Платежи</b>\n<pre>      Дата      Сумма\n15.10.2026   500,00 ₽\n08.06.2026 1 543,20 ₽</pre>\n&lt;все&gt; платежи' },
    ]);
  });

  it('gives each row of a wide table two lines, and splits a long one over messages with the buttons under the last', () => {
    const rows = Array.from({ length: 200 }, (_, index) => [
      `${String(index + 1).padStart(2, '0')}.2026`,
      'долг 1 234,56 ₽',
      '2 345,67 ₽',
      '500,00 ₽ (15.10.2026, 12:00, приложение)',
      'долг 5 894,32 ₽',
    ]);
    const sends = telegramSends({
      kind: 'table',
      title: 'Начисления',
      columns: ['Месяц', 'Вх.', 'Начислено', 'Оплачено', 'Исх.'],
      rows,
      buttons: [{ label: 'Готово', data: 'go:menu' }],
    });
    expect(sends.length).toBeGreaterThan(1);
    expect(sends.every((send) => send.method === 'sendMessage' && send.text.length <= 4096)).toBe(true);
    expect(sends.map((send) => 'reply_markup' in send)).toEqual([...Array<boolean>(sends.length - 1).fill(false), true]);
    expect(sends[0]).toMatchObject({
      text: expect.stringContaining(
        '<b>Начисления</b>\n<i>Месяц</i>\n<i>  Вх. · Начислено · Оплачено · Исх.</i>\n<b>01.2026</b>\n  долг 1 234,56 ₽ · 2 345,67 ₽',
      ) as unknown,
    });
  });

  it('sends facts to Bot Framework as an Adaptive Card whose Markdown is escaped, each label above its value, with the plain text as fallback', () => {
    const activity = toActivity(facts, () => '');
    expect(activity.summary).toBe(plainText(facts));
    const card = activity.attachments?.[0]?.content as { body: { type: string; text?: string; isSubtle?: boolean }[]; fallbackText: string };
    expect(card.fallbackText).toBe('Лицевой счёт 100000000001\nАдрес: ул. <Ленина> & Co, д. 2*, кв. _1_\nБаланс: переплата 241,76 ₽');
    // A label on a line of its own has the card's whole width: on a phone it never breaks mid-word, as a FactSet's squeezed column did.
    expect(card.body.slice(1, 3)).toEqual([
      expect.objectContaining({ type: 'TextBlock', text: 'Адрес', isSubtle: true, wrap: true }),
      expect.objectContaining({ type: 'TextBlock', text: 'ул. <Ленина\\> & Co, д. 2\\*, кв. \\_1\\_', wrap: true }),
    ]);
    expect(activity.suggestedActions?.actions[0]).toMatchObject({ type: 'messageBack', title: 'Оплатить', value: { data: 'go:pay' } });
  });

  it('sends a picture as a card a tap on which opens it full size, and any other file as an attachment', () => {
    const picture = (mime: 'image/png' | 'text/csv'): OutgoingMessage => ({
      kind: 'file',
      file: { id: 'token', name: 'chart.png', mime },
      caption: 'Расход',
      buttons: [],
    });
    const card = toActivity(picture('image/png'), (token) => `https://bot/files/${token}`).attachments?.[0];
    expect([card?.contentType, card?.name]).toEqual(['application/vnd.microsoft.card.adaptive', 'chart.png']);
    expect((card?.content as { body: unknown[] }).body).toEqual([
      {
        type: 'Image',
        url: 'https://bot/files/token',
        altText: 'Расход',
        size: 'Auto',
        selectAction: { type: 'Action.OpenUrl', url: 'https://bot/files/token', title: 'Расход' },
      },
    ]);
    expect(toActivity(picture('text/csv'), (token) => `https://bot/files/${token}`).attachments).toEqual([
      { contentType: 'text/csv', contentUrl: 'https://bot/files/token', name: 'chart.png' },
    ]);
  });

  it('sends a narrow table as columns and a wide one as blocks', () => {
    const card = toActivity(narrow, () => '').attachments?.[0]?.content as { body: { type: string }[] };
    expect(card.body.map((element) => element.type)).toEqual(['TextBlock', 'ColumnSet', 'ColumnSet', 'ColumnSet', 'TextBlock']);
  });

  it('gives MAX the same escaped HTML as Telegram, the buttons as an inline keyboard of callback and link buttons', () => {
    const withLink: OutgoingMessage = { ...facts, buttons: [...facts.buttons, { label: 'Оплатить картой', url: 'https://pay.example/o/1' }] };
    expect(maxSends(withLink)).toEqual([
      {
        text: (telegramSends(facts)[0] as { text: string }).text,
        keyboard: {
          type: 'inline_keyboard',
          payload: {
            buttons: [[{ type: 'callback', text: 'Оплатить', payload: 'go:pay' }], [{ type: 'link', text: 'Оплатить картой', url: 'https://pay.example/o/1' }]],
          },
        },
      },
    ]);
  });

  it("keeps MAX's limits: 4000 characters a message, 30 rows of buttons, 128 characters a label; a chart as a picture, a CSV as a file", () => {
    const long: OutgoingMessage = {
      kind: 'text',
      text: Array.from({ length: 400 }, (_, index) => `Строка ${index} <b>`).join('\n'),
      buttons: Array.from({ length: 40 }, (_, index) => ({ label: `${'Кнопка '.repeat(30)}${index}`, data: `go:${index}` })),
    };
    const sends = maxSends(long);
    expect(sends.length).toBeGreaterThan(1);
    expect(sends.every((send) => send.text.length <= 4000)).toBe(true);
    expect(sends.map((send) => send.keyboard !== undefined)).toEqual([...Array<boolean>(sends.length - 1).fill(false), true]);
    const rows = sends.at(-1)?.keyboard?.payload.buttons ?? [];
    expect([rows.length, Math.max(...rows.flat().map((button) => button.text.length))]).toEqual([30, 128]);
    const file = (mime: 'image/png' | 'text/csv'): OutgoingMessage => ({
      kind: 'file',
      file: { id: 't', name: 'x', mime },
      caption: 'Расход <кВт·ч>',
      buttons: [],
    });
    expect([maxSends(file('image/png'))[0]?.file?.as, maxSends(file('text/csv'))[0]?.file?.as, maxSends(file('text/csv'))[0]?.text]).toEqual([
      'image',
      'file',
      'Расход &lt;кВт·ч&gt;',
    ]);
  });
});
