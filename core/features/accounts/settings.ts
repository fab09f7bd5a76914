import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { maskEmail } from '../../kernel/address';
import { changeReadingsWithoutLink, mayManage, readingsWithoutLinkAllowed, type AccountSettings } from './account-settings';
import type { AccountNumber } from '../../kernel/account-number';
import { chatKey } from '../../kernel/channel';
import { confirmationLinkValidityMs } from '../e-receipt/e-receipt-request';
import { parseEmail } from '../../kernel/email-address';
import type { Fact } from '../../kernel/content/content';
import type { FlowServices } from '../../kernel/services';
import { moment, text, words } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { eReceipt } from '../e-receipt/e-receipt';
import { linkedChats } from './linked-chats';

/**
 * «Настройки» of the active account: readings without linking (a change takes effect in 24 hours,
 * and the bot says from when), management from another chat, the account's e-mail (changed once
 * the link mailed to the new address is followed), the e-receipt. Only the owner's chat (linked by
 * the payment proof) changes them; an invited chat sees them.
 */
export async function accountSettings(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(text('unlink-nothing'));
  const settings = await services.settings.of(account);
  if (!settings) return toMenu(text('unlink-nothing'));
  const now = await services.now();
  await chat.show({ kind: 'facts', title: text('settings-title', { account }), facts: settingsFacts(settings, now) });
  const own = (await services.identities.linksOf(account)).find((link) => chatKey(link.chat) === chatKey(chat.address));
  if (!mayManage(own?.via ?? null)) return chat.say(text('settings-read-only'), [taskButton('chats'), taskButton('menu')]);
  const readingsOn = readingsWithoutLinkAllowed(settings.readingsWithoutLink, now);
  const pending = settings.readingsWithoutLink.change?.allowed;
  const readingsWanted = pending ?? readingsOn;
  const choice = await chat.choose(text('settings-ask'), [
    { value: 'readings', label: readingsWanted ? text('settings-readings-turn-off') : text('settings-readings-turn-on') },
    { value: 'management', label: settings.managementByOthers ? text('settings-management-turn-off') : text('settings-management-turn-on') },
    { value: 'email', label: text('settings-email-change') },
    { value: 'ereceipt', label: text('action-ereceipt') },
    { value: 'chats', label: text('action-chats') },
    { value: 'menu', label: text('action-menu') },
  ]);
  switch (choice) {
    case 'readings': {
      const changed = changeReadingsWithoutLink(settings.readingsWithoutLink, !readingsWanted, now);
      await services.settings.setReadingsWithoutLink(account, changed);
      const told = changed.change
        ? text('settings-readings-changes', { allowed: changed.change.allowed ? 'on' : 'off', from: moment(new Date(changed.change.from)) })
        : text('settings-readings-kept', { allowed: changed.allowed ? 'on' : 'off' });
      return toMenu(told);
    }
    case 'management':
      await services.settings.setManagementByOthers(account, !settings.managementByOthers);
      return toMenu(text('settings-management-set', { allowed: settings.managementByOthers ? 'off' : 'on' }));
    case 'email':
      return changeEmail(chat, services, account, settings.email);
    case 'ereceipt':
      return eReceipt(chat, services);
    case 'chats':
      return linkedChats(chat, services);
    case 'menu':
      return toMenu();
  }
}

function settingsFacts(settings: AccountSettings, now: Date): Fact[] {
  const readings = settings.readingsWithoutLink;
  const change = readings.change && Date.parse(readings.change.from) > now.getTime() ? readings.change : undefined;
  return [
    {
      label: text('settings-readings'),
      value: words(
        change
          ? text('settings-readings-pending', {
              allowed: readingsWithoutLinkAllowed(readings, now) ? 'on' : 'off',
              next: change.allowed ? 'on' : 'off',
              from: moment(new Date(change.from)),
            })
          : text('settings-readings-value', { allowed: readingsWithoutLinkAllowed(readings, now) ? 'on' : 'off' }),
      ),
    },
    { label: text('settings-management'), value: words(text('settings-management-value', { allowed: settings.managementByOthers ? 'on' : 'off' })) },
    { label: text('settings-email'), value: settings.email ? maskEmail(settings.email) : words(text('settings-email-none')) },
  ];
}

/** The new address gets a link; nothing changes until it is followed (24 hours, once); the old address is told then. */
async function changeEmail(chat: Chat, services: FlowServices, account: AccountNumber, current: string | null): Promise<void> {
  const email = await chat.ask(
    text('settings-email-ask'),
    (typed) => {
      const parsed = parseEmail(typed);
      return parsed.ok && current && parsed.value.toLowerCase() === current.toLowerCase() ? { ok: false, error: text('settings-email-same') } : parsed;
    },
    { buttons: cancelButtons, notTyped: text('appeal-type-please') },
  );
  const now = await services.now();
  const { url } = await services.eReceipts.request(
    { account, change: { kind: 'account-email', email }, chat: chat.address, locale: chat.locale },
    new Date(now.getTime() + confirmationLinkValidityMs),
  );
  const args = { account, url };
  await services.mail.enqueue({
    to: email,
    subject: services.localizer.format(chat.locale, text('mail-account-email-subject', args)),
    text: services.localizer.format(chat.locale, text('mail-account-email-body', args)),
  });
  await chat.say(text('settings-email-link-sent', { email: maskEmail(email) }), [taskButton('menu')]);
}
