import { taskButton } from '../../core/actions';
import { localizeButton } from '../../core/content/localize';
import type { OutgoingButton } from '../../core/content/outgoing';
import type { Locale } from '../../core/domain/locale';
import type { Localizer } from '../../core/localizer';

/** The menu's button in a language, for Web Chat's last message (see `toActivities`). */
export function menuButton(localizer: Localizer, locale: Locale): OutgoingButton {
  return localizeButton(localizer, locale, taskButton('menu'));
}
