import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { AccountNumber } from '../../kernel/account-number';
import { billingPeriod } from '../readings/meter';
import { displayPeriod, monthOfArgument, parseMonth, shiftPeriod } from '../../kernel/period';
import { lastPaperArchivePeriod, receiptAvailability, recentReceiptPeriods, type EReceiptTerm } from './receipt-archive';
import { fail, ok, type Result } from '../../kernel/result';
import { readReceipt } from './read-receipt';
import type { FlowServices } from '../../kernel/services';
import { text, type Text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { receiptButtons, receiptCaption } from './receipt-caption';

/** Months offered as buttons: the newest ones the archive has. */
const offered = 4;

/**
 * «Архив квитанций»: the month's receipt PDF with a summary and «Оплатить». The last month is the
 * first button; any month can be typed (`10.2026`, `октябрь 2026`, «октябрь»: the latest October
 * not in the future); a month the archive does not keep is explained, with the months it does.
 */
export async function receipts(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(text('receipts-not-linked'));
  const current = billingPeriod(await services.now(), services.localizer.timeZone);
  const lastBilled = shiftPeriod(current, -1);
  const terms = await services.eReceipts.terms(account);
  const recent = recentReceiptPeriods(lastBilled, terms, offered);
  const months = { current, lastBilled, terms, recent };
  // A month button (`2026-10`), free text (`--10`: «квитанция за октябрь») or a command (`/receipts 10.2026`) names it already.
  const asked = argument ? typedMonth(monthOfArgument(argument, current) ?? argument, months) : null;
  if (asked && !asked.ok) await chat.say(asked.error);
  const period = asked?.ok
    ? asked.value
    : await chat.ask(text('receipts-ask', { account, example: '10.2026' }), (input) => typedMonth(input, months), {
        buttons: [
          ...recent.map((month) => taskButton('receipts', { argument: month, label: text('receipts-month', { period: displayPeriod(month) }) })),
          ...cancelButtons,
        ],
        notTyped: text('receipts-not-typed', { example: '10.2026' }),
      });
  return sendReceipt(chat, services, account, period);
}

/** What the archive has to go by: this month, the last one billed, the e-receipt's stretches and the months offered. */
interface Archive {
  readonly current: string;
  readonly lastBilled: string;
  readonly terms: readonly EReceiptTerm[];
  readonly recent: readonly string[];
}

function typedMonth(input: string, { current, lastBilled, terms, recent }: Archive): Result<string> {
  const month = parseMonth(input, current);
  return month.ok ? availableMonth(month.value, lastBilled, terms, recent) : month;
}

function availableMonth(period: string, lastBilled: string, terms: readonly EReceiptTerm[], recent: readonly string[]): Result<string> {
  const why = unavailableBecause(period, lastBilled, terms, recent);
  return why ? fail(why) : ok(period);
}

function unavailableBecause(period: string, lastBilled: string, terms: readonly EReceiptTerm[], recent: readonly string[]): Text | null {
  const shown = { period: displayPeriod(period), last: displayPeriod(lastBilled) };
  switch (receiptAvailability(period, lastBilled, terms)) {
    case 'available':
      return null;
    case 'before-history':
      return text('receipts-too-early', shown);
    case 'not-billed-yet':
      return text('receipts-not-billed', shown);
    case 'not-electronic':
      return text('receipts-not-electronic', {
        ...shown,
        paperUntil: displayPeriod(lastPaperArchivePeriod),
        available: recent.length > 0 ? recent.map(displayPeriod).join(', ') : '—',
      });
  }
}

async function sendReceipt(chat: Chat, services: FlowServices, account: AccountNumber, period: string): Promise<void> {
  const receipt = await readReceipt(services, account, period, services.localizer.timeZone);
  if (!receipt) return chat.say(text('receipts-missing', { period: displayPeriod(period) }), [taskButton('menu')]);
  const [file, monthly] = await Promise.all([services.receipts.issue(receipt, chat.locale), services.monthlyReceipts.isOptedIn(chat.address, account)]);
  // Once a receipt is in hand, the next ones can come by themselves (or stop coming).
  const monthlyChoice = monthly
    ? taskButton('monthly', { argument: 'off', label: text('monthly-receipt-turn-off') })
    : taskButton('monthly', { argument: 'on', label: text('monthly-receipt-turn-on') });
  await chat.show({ kind: 'file', file, caption: receiptCaption(receipt) }, [...receiptButtons(receipt), monthlyChoice]);
}
