/** Lines that start the quoted history in the mail programs operators use (Outlook, Thunderbird, Gmail, Yandex, Mail.ru). */
const historyStarts = [
  /^\s*>/,
  /^\s*-{2,}\s*(Original Message|Исходное сообщение|Пересылаемое сообщение)\s*-{2,}/i,
  // «On Wed, 25 Nov 2026 … wrote:», «В ср, 25 нояб. 2026 г. в 09:00, … пишет:», «25.11.2026, … написал(а):»
  /^.{0,250}(wrote|пишет|написал|написала|написал\(а\))\s*:\s*$/iu,
  // «25.11.2026, 09:00, "energobot" <noreply@energobot.local>:»
  /<[^<>\s]+@[^<>\s]+>:\s*$/,
  /^\s*(From|От|Кому|Sent|Отправлено):\s/i,
];

/** The operator's own words of a reply: up to the quoted history, without the signature separator and what follows. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const end = lines.findIndex((line) => historyStarts.some((start) => start.test(line)) || line === '-- ');
  return (end === -1 ? lines : lines.slice(0, end)).join('\n').trim();
}
