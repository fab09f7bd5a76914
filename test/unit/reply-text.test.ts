import { replyText } from '../../bots/integrations/mail/reply-text';

describe("the operator's own words of a reply by e-mail", () => {
  it.each([
    ['Gmail', 'Ответ.\r\n\r\nOn Wed, Nov 25, 2026 at 9:00 AM energobot <noreply@energobot.local> wrote:\r\n> вопрос'],
    ['Yandex', 'Ответ.\n\n25.11.2026, 09:00, "energobot" <noreply@energobot.local>:\n\nВ ср, 25 нояб. 2026 г. в 09:00, energobot пишет:\n> вопрос'],
    ['Outlook', 'Ответ.\n\n-----Original Message-----\nFrom: energobot\nвопрос'],
    ['Outlook, Russian', 'Ответ.\n\nОт: energobot <noreply@energobot.local>\nОтправлено: 25 ноября 2026 г. 9:00\nвопрос'],
    ['quoted only', 'Ответ.\n> вопрос\n> ещё'],
    ['a signature', 'Ответ.\n-- \nИрина, отдел обращений'],
  ])('%s', (_, mail) => {
    expect(replyText(mail)).toBe('Ответ.');
  });

  it('keeps a reply with no history whole, and an empty one empty', () => {
    expect(replyText('Первая строка.\n\nВторая строка.')).toBe('Первая строка.\n\nВторая строка.');
    expect(replyText('> только цитата')).toBe('');
  });
});
