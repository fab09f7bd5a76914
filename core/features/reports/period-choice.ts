import type { Chat } from '../../kernel/chat';
import { firstPeriod, lastMonths, parsePeriodRange, type PeriodRange } from '../../kernel/period';
import { text, type Text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';

/** The web account's period picker: the last six months by default, any period since January 2015. */
export async function askPeriod(chat: Chat, prompt: Text, current: string): Promise<PeriodRange> {
  const choice = await chat.choose(prompt, [
    { value: 'last6', label: text('history-last-6') },
    { value: 'last12', label: text('history-last-12') },
    { value: 'all', label: text('history-all') },
    { value: 'custom', label: text('history-custom') },
  ]);
  if (choice === 'last6') return lastMonths(current, 6);
  if (choice === 'last12') return lastMonths(current, 12);
  if (choice === 'all') return { from: firstPeriod, to: current };
  return chat.ask(text('history-ask-range', { example: '03.2024–09.2024' }), (input) => parsePeriodRange(input, current), { buttons: cancelButtons });
}
