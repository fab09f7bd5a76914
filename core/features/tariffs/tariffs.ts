import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { kopecks } from '../../kernel/money';
import { billingPeriod } from '../readings/meter';
import type { ZoneTariff } from '../receipts/receipt';
import type { FlowServices } from '../../kernel/services';
import { lines, money, text, type Text } from '../../kernel/text';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/**
 * «Какой у меня тариф»: the price in force this month for each zone the account's meters have.
 * Tariffs are the supplier's, the same for every account, so a chat not linked yet hears them all
 * and is offered to link for its own meters' zones.
 */
export async function tariffs(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const period = billingPeriod(await services.now(), services.localizer.timeZone);
  const [account, inForce] = await Promise.all([activeAccount(chat, services), services.accounts.tariffs(period)]);
  if (inForce.length === 0) return toMenu(text('tariff-unknown'));
  if (!account) {
    await chat.say(text('tariff-supplier', { prices: priceLines(inForce) }), [taskButton('link'), taskButton('menu')]);
    return;
  }
  const meters = await services.readings.meters(account, period);
  const zones = new Set(meters.flatMap((meter) => meter.zones.map((zone) => zone.zone)));
  const own = inForce.filter((tariff) => zones.has(tariff.zone));
  // A meter of a zone with no price listed, or no meter on record: every zone's price is fairer than none.
  return toMenu(text('tariff-account', { account, prices: priceLines(own.length > 0 ? own : inForce) }));
}

function priceLines(tariffs: readonly ZoneTariff[]): { lines: readonly Text[] } {
  return lines(tariffs.map((tariff) => text('tariff-zone', { zone: tariff.zone, price: money(kopecks(tariff.kopecksPerKwh)) })));
}
