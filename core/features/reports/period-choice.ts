import type { Chat } from '../../kernel/chat';
import { firstPeriod, lastMonths, parseMonth, parsePeriodRange, rangeOfArgument, type PeriodRange } from '../../kernel/period';
import type { Result } from '../../kernel/result';
import { text, type Text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';

/**
 * The web account's period picker: the last six months by default, any period since January 2015.
 * A period typed instead of a button counts too: `03.2024–09.2024`, a month («октябрь», `10.2026`)
 * or a year (`2025`), so a month typed here is this report's, not a receipt.
 */
export async function askPeriod(chat: Chat, prompt: Text, current: string): Promise<PeriodRange> {
  const answer = await chat.askOrChoose(prompt, (input) => typedPeriod(input, current), [
    { value: 'last6', label: text('history-last-6') },
    { value: 'last12', label: text('history-last-12') },
    { value: 'all', label: text('history-all') },
    { value: 'custom', label: text('history-custom') },
  ]);
  if ('typed' in answer) return answer.typed;
  if (answer.chosen === 'last6') return lastMonths(current, 6);
  if (answer.chosen === 'last12') return lastMonths(current, 12);
  if (answer.chosen === 'all') return { from: firstPeriod, to: current };
  return chat.ask(text('history-ask-range', { example: '03.2024–09.2024' }), (input) => typedPeriod(input, current), { buttons: cancelButtons });
}

function typedPeriod(input: string, current: string): Result<PeriodRange> {
  const month = parseMonth(input, current);
  const year = /^\s*(\d{4})\s*(г|года?)?\.?\s*$/u.exec(input)?.[1];
  const named = month.ok ? rangeOfArgument(month.value, current) : year ? rangeOfArgument(year, current) : null;
  return named ?? parsePeriodRange(input, current);
}
