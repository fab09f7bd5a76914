import { taskButton } from '../../../core/kernel/actions';
import { localizeButton } from '../../../core/kernel/content/localize';
import type { OutgoingButton } from '../../../core/kernel/content/outgoing';
import type { Locale } from '../../../core/kernel/locale';
import type { Localizer } from '../../../core/kernel/localizer';

/** The menu's button in a language, for Web Chat's last message (see `toActivities`). */
export function menuButton(localizer: Localizer, locale: Locale): OutgoingButton {
  return localizeButton(localizer, locale, taskButton('menu'));
}
