import { readingsWithoutLinkAllowed } from '../accounts/account-settings';
import type { Chat, IncomingFile } from '../../kernel/chat';
import { attachmentLimits } from '../../kernel/attachment';
import { taskButton, type TaskButton } from '../../kernel/actions';
import type { Result } from '../../kernel/result';
import type { AccountCard } from '../account/account';
import type { AccountNumber } from '../../kernel/account-number';
import { maskEmail } from '../../kernel/address';
import { billingPeriod, type MeterState, type ReadingEntry } from './meter';
import { displayPeriod, shiftPeriod } from '../../kernel/period';
import { checkReading, parseReadingValue } from './reading-rules';
import { readingsNotice } from '../linking/link-notice';
import type { FlowServices } from '../../kernel/services';
import { lines, moment, text, words, type Text } from '../../kernel/text';
import { cancelButtons, confirmedAccount, consented, isPaused } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { zoneName } from './meter-words';
import type { MeterPhoto, SubmitOutcome } from './ports';
import { BillingUnavailable } from '../../kernel/billing-unavailable';
import { handoverKey, refusalReason } from '../billing/hand-over-readings';
import type { ReadingHandover } from '../billing/ports';

/**
 * «Передача показаний»: for the chat's linked account, or, for anyone, after the account number,
 * the address and consent («без авторизации»), unless the owner has turned that off. A value typed
 * with the request (`показания 12345`) is the first answer for a one-zone meter, still confirmed.
 */
export async function submitReadings(chat: Chat, services: FlowServices, typed?: string): Promise<FlowEnd> {
  const active = await activeAccount(chat, services);
  if (active) {
    const card = await services.accounts.card(active);
    return card ? enterReadings(chat, services, { card, linked: true }, typed) : toMenu(text('info-unavailable'));
  }
  await chat.say(text('readings-without-link'));
  if (await isPaused(chat, services, null, 'readings')) return toMenu();
  const card = await confirmedAccount(chat, services, [], 'readings');
  if (!card) return toMenu();
  const settings = await services.settings.of(card.number);
  if (settings && !readingsWithoutLinkAllowed(settings.readingsWithoutLink, await services.now())) return toMenu(text('readings-without-link-off'));
  if (!(await consented(chat, services, text('readings-ask-consent')))) return toMenu(text('readings-consent-declined'));
  return enterReadings(chat, services, { card, linked: false }, typed);
}

/**
 * The readings of the account's open zones, a meter photo or several along with them, the
 * summary, the hand-over. Sent without linking, paying by that account is offered next.
 */
async function enterReadings(
  chat: Chat,
  services: FlowServices,
  { card, linked }: { readonly card: AccountCard; readonly linked: boolean },
  typed: string | undefined,
): Promise<FlowEnd> {
  const period = billingPeriod(await services.now(), services.localizer.timeZone);
  const all = await services.readings.meters(card.number, period);
  if (all.length === 0) return toMenu(text('readings-no-meters'));
  const closed = text('readings-period-closed', { period: displayPeriod(period), next: displayPeriod(shiftPeriod(period, 1)) });
  // Zones whose reading billing has taken this period are not asked again until the next one.
  const meters = all.map((meter) => ({ ...meter, zones: meter.zones.filter((zone) => !zone.closed) })).filter((meter) => meter.zones.length > 0);
  if (meters.length === 0) return toMenu(closed);
  const oneZone = meters.length === 1 && meters[0]?.zones.length === 1;
  let prefilled = oneZone ? typed : undefined;

  let entries: ReadingEntry[];
  // Kept as they come, whichever zone was asked; «Исправить» keeps them too.
  const photos: MeterPhoto[] = [];
  for (;;) {
    entries = [];
    for (const meter of meters) {
      for (const zone of meter.zones) {
        entries.push(await askZone(chat, services, { account: card.number, meter, zone, photos }, prefilled));
        prefilled = undefined;
      }
    }
    const rows = lines([...summaryRows(entries), ...(photos.length > 0 ? [text('readings-summary-photos', { count: photos.length })] : [])]);
    const answer = await chat.choose(text('readings-summary', { account: card.number, rows }), [
      { value: 'send', label: text('readings-send') },
      { value: 'correct', label: text('readings-correct') },
    ]);
    if (answer === 'send') break;
  }

  const submittedAt = await services.now();
  const handover = { key: handoverKey(chat.address, card.number, period, submittedAt), account: card.number, period, entries, chat: chat.address, submittedAt };
  // The photos stay with the submission whatever billing says: billing's contract has no room for them.
  if (photos.length > 0) await services.meterPhotos.attach(handover, photos);
  const outcome = await handOver(chat, services, handover);
  // Sent without linking: the same account's bill is one press away (the pay task still has the address confirmed); linked, next month's reminder.
  const next = linked
    ? await reminderOffer(chat, services, card.number)
    : [taskButton('pay', { argument: `account:${card.number}`, label: text('readings-pay-this-account') })];
  if (outcome === 'kept') {
    await chat.say(text('readings-kept', { at: moment(submittedAt) }), next);
    chat.settled();
    return toMenu();
  }
  if (outcome.kind === 'closed') return toMenu(closed);
  if (outcome.kind === 'refused' || outcome.kind === 'unknown-meter') return toMenu(refusalReason(outcome, period));
  await chat.say(text('readings-saved', { at: moment(submittedAt), replaced: outcome.kind === 'replaced' ? 'yes' : 'no' }), next);
  chat.settled();
  if (card.email) await offerConfirmationMail(chat, services, card.number, card.email, entries, submittedAt);
  return toMenu();
}

/** «Напоминать о показаниях», unless the chat asked for it already. */
async function reminderOffer(chat: Chat, services: FlowServices, account: AccountNumber): Promise<TaskButton[]> {
  if ((await services.reminders.of(chat.address, account)).includes('readings')) return [];
  return [taskButton('reminders', { argument: `on:readings:${account}`, label: text('reminders-readings-turn-on') })];
}

/**
 * Keeps the submission, then hands it to billing at once: billing's word, or `kept` when billing
 * is away (the outbox hands it over later and tells the chat what came of it).
 */
async function handOver(chat: Chat, services: FlowServices, handover: ReadingHandover): Promise<SubmitOutcome | 'kept'> {
  await services.handovers.keep(handover);
  let outcome: SubmitOutcome;
  try {
    outcome = await services.readings.submit(handover.account, handover.entries, chat.address.channel, handover.submittedAt, handover.period, handover.key);
  } catch (error) {
    if (error instanceof BillingUnavailable) return 'kept';
    throw error;
  }
  await services.handovers.settle(handover.key, outcome, await services.now());
  return outcome;
}

type ZoneState = MeterState['zones'][number];

/** The zone asked about, and the photos the submission has so far (a photo sent now joins them). */
interface ZoneQuestion {
  readonly account: AccountNumber;
  readonly meter: MeterState;
  readonly zone: ZoneState;
  readonly photos: MeterPhoto[];
}

/** One zone's value, asked until it passes the supplier's rules or the customer confirms it. */
async function askZone(chat: Chat, services: FlowServices, asked: ZoneQuestion, prefilled: string | undefined): Promise<ReadingEntry> {
  const { meter, zone } = asked;
  const previous = zone.lastAccepted?.value ?? null;
  const parse = (input: string) => parseReadingValue(input, meter.digits);
  const given = prefilled === undefined ? null : parse(prefilled);
  let first = given?.ok ? given.value : null;
  for (;;) {
    const value = first ?? (await askDigits(chat, services, asked, parse));
    first = null;
    const check = checkReading(value, previous, meter.digits, zone.usualKwh);
    const entry = { serialNumber: meter.serialNumber, zone: zone.zone, value };
    if (check.kind === 'fine') return { ...entry, consumptionKwh: check.consumptionKwh };
    if (check.kind === 'below') {
      await chat.say(text('reading-below-previous', { previous: String(check.previous), value: String(value) }));
      continue;
    }
    const question: Text =
      check.kind === 'rollover'
        ? text('reading-confirm-rollover', { previous: String(previous), value: String(value), consumption: check.consumptionKwh })
        : text('reading-confirm-jump', { value: String(value), consumption: check.consumptionKwh, usual: zone.usualKwh });
    const answer = await chat.choose(question, [
      { value: 'confirm', label: text('reading-confirm') },
      { value: 'correct', label: text('reading-correct') },
    ]);
    if (answer === 'confirm') return { ...entry, consumptionKwh: check.consumptionKwh };
  }
}

/** The zone's digits as typed; a photo of the meter sent instead is kept, and the digits are asked again. */
async function askDigits(chat: Chat, services: FlowServices, asked: ZoneQuestion, parse: (input: string) => Result<number>): Promise<number> {
  const { account, meter, zone } = asked;
  const history = [
    zone.lastAccepted
      ? text('readings-previous', { previous: String(zone.lastAccepted.value), at: moment(new Date(zone.lastAccepted.at)) })
      : text('readings-no-previous'),
    ...(zone.submitted ? [text('readings-already-sent', { submitted: String(zone.submitted.value) })] : []),
  ];
  let prompt: Text = text('readings-ask', { account, meter: meter.serialNumber, zone: zoneName(zone.zone), history: lines(history) });
  for (;;) {
    const answer = await chat.askOrAttach(prompt, parse, { buttons: cancelButtons, notTyped: text('readings-not-typed') });
    if ('typed' in answer) return answer.typed;
    const kept = await keepPhotos(chat, services, asked, answer.files);
    const about = { meter: meter.serialNumber, zone: zoneName(zone.zone), single: zone.zone === 'single' ? 'yes' : 'no', count: asked.photos.length };
    prompt = kept > 0 ? text('readings-photo-kept', about) : text('readings-photo-ask-digits', about);
  }
}

/** Keeps what fits of the files under the submission's limit; each one refused is told why. How many were kept. */
async function keepPhotos(chat: Chat, services: FlowServices, asked: ZoneQuestion, files: readonly IncomingFile[]): Promise<number> {
  const room = Math.max(attachmentLimits.files - asked.photos.length, 0);
  let kept = 0;
  for (const file of files.slice(0, room)) {
    const one = await services.meterPhotos.keep(chat.address, file);
    if (!one.ok) {
      await chat.say(text('readings-photo-refused', { name: file.name ?? '', reason: words(one.error) }));
      continue;
    }
    asked.photos.push({ serialNumber: asked.meter.serialNumber, file: one.value });
    kept += 1;
  }
  if (files.length > room) await chat.say(text('readings-photo-too-many', { max: attachmentLimits.files, left: files.length - room }));
  return kept;
}

function summaryRows(entries: readonly ReadingEntry[]): Text[] {
  return entries.map((entry) =>
    text('readings-summary-row', { meter: entry.serialNumber, zone: zoneName(entry.zone), value: String(entry.value), consumption: entry.consumptionKwh }),
  );
}

const summary = (entries: readonly ReadingEntry[]) => lines(summaryRows(entries));

async function offerConfirmationMail(
  chat: Chat,
  services: FlowServices,
  account: AccountNumber,
  email: string,
  entries: readonly ReadingEntry[],
  at: Date,
): Promise<void> {
  const answer = await chat.choose(text('readings-offer-mail', { email: maskEmail(email) }), [
    { value: 'mail', label: text('readings-mail-yes') },
    { value: 'skip', label: text('readings-mail-no') },
  ]);
  if (answer === 'skip') return;
  await services.mail.enqueue(readingsNotice(services.localizer, chat.locale, { to: email, account, at, rows: summary(entries) }));
  await chat.say(text('readings-mail-sent', { email: maskEmail(email) }));
}
