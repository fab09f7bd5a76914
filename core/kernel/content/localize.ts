import type { Button } from './content';
import type { Locale } from '../locale';
import type { Localizer } from '../localizer';
import type { Said } from './content';
import type { OutgoingButton, OutgoingMessage } from './outgoing';

/** Puts one message of a flow into the words of the chat's language. */
export function localize(localizer: Localizer, locale: Locale, said: Said): OutgoingMessage {
  const words = (message: Parameters<Localizer['format']>[1]) => localizer.format(locale, message);
  const buttons = said.buttons.map((button) => localizeButton(localizer, locale, button));
  const { content } = said;
  switch (content.kind) {
    case 'text':
      return { kind: 'text', text: words(content.text), buttons };
    case 'facts':
      return {
        kind: 'facts',
        title: words(content.title),
        facts: content.facts.map((fact) => [words(fact.label), localizer.value(locale, fact.value)] as const),
        buttons,
      };
    case 'table':
      return {
        kind: 'table',
        title: words(content.title),
        columns: content.columns.map(words),
        rows: content.rows.map((row) => row.map((cell) => localizer.value(locale, cell))),
        ...(content.note && { note: words(content.note) }),
        buttons,
      };
    case 'file':
      return { kind: 'file', file: content.file, caption: words(content.caption), buttons };
  }
}

export function localizeButton(localizer: Localizer, locale: Locale, button: Button): OutgoingButton {
  const label = localizer.format(locale, button.label);
  return 'url' in button ? { label, url: button.url } : { label, data: button.data };
}
