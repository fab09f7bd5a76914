import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction, type Attachment } from 'botbuilder';
import type { OutgoingButton, OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { fitsPhone, plainText, stackedRow } from '../../../core/kernel/content/plain-text';

/**
 * Messages as Bot Framework activities. Web Chat shows the buttons of the last message only, so
 * a last message that offers no answer of its own (a payment link, a push) gets the menu button:
 * the customer is never left without a way on.
 */
export function toActivities(messages: readonly OutgoingMessage[], fileUrl: (token: string) => string, menu: OutgoingButton): Partial<Activity>[] {
  return messages.map((message, index) =>
    toActivity(
      index === messages.length - 1 && !message.buttons.some((button) => 'data' in button) ? { ...message, buttons: [...message.buttons, menu] } : message,
      fileUrl,
    ),
  );
}

/**
 * A message as a Bot Framework activity: text as plain text (our texts are not Markdown, and a
 * masked address "д. 2*" must not turn italic), facts and tables as Adaptive Cards with the plain
 * text as the fallback (`summary`, the card's `fallbackText`), a picture as a card a tap on which opens
 * it full size, buttons as suggested actions.
 */
export function toActivity(message: OutgoingMessage, fileUrl: (token: string) => string): Partial<Activity> {
  const actions = message.buttons.length > 0 ? { suggestedActions: { to: [], actions: message.buttons.map(toAction) } } : {};
  const base = { type: ActivityTypes.Message, textFormat: 'plain', ...actions };
  switch (message.kind) {
    case 'text':
      return { ...base, text: message.text };
    case 'file': {
      const url = fileUrl(message.file.id);
      return {
        ...base,
        text: message.caption,
        attachments: [
          message.file.mime.startsWith('image/')
            ? pictureCard(url, message.caption || message.file.name, message.file.name)
            : { contentType: message.file.mime, contentUrl: url, name: message.file.name },
        ],
      };
    }
    case 'facts':
    case 'table':
      return { ...base, summary: plainText(message), attachments: [card(message)] };
  }
}

function toAction(button: OutgoingButton): CardAction {
  return 'url' in button
    ? { type: ActionTypes.OpenUrl, title: button.label, value: button.url }
    : { type: ActionTypes.MessageBack, title: button.label, displayText: button.label, text: button.label, value: { data: button.data } };
}

type CardElement = Record<string, unknown>;

const heading = (text: string): CardElement => ({ type: 'TextBlock', text: escapeMarkdown(text), weight: 'Bolder', wrap: true });
/**
 * Each fact's label above its value: a FactSet squeezes its label column on a phone until a label
 * breaks mid-word («Коэффици/ент»), while a label on a line of its own has the card's whole width.
 */
const factBlocks = (facts: readonly (readonly [string, string])[]): CardElement[] =>
  facts.flatMap(([title, value]) => [
    { type: 'TextBlock', text: escapeMarkdown(title), wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' },
    { type: 'TextBlock', text: escapeMarkdown(value), wrap: true, spacing: 'None' },
  ]);

/**
 * A picture (the consumption chart) scaled to the chat's width, with its labels too small to read
 * on a phone: a tap opens the full-size picture.
 */
function pictureCard(url: string, altText: string, name: string): Attachment {
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    fallbackText: altText,
    body: [{ type: 'Image', url, altText, size: 'Auto', selectAction: { type: 'Action.OpenUrl', url, title: altText } }],
  });
  return { ...card, name };
}

/** Card texts are Markdown: a masked address ("д. 2*") or a name with "_" must read as typed. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_{}[\]()#+!|~>]/g, '\\$&')
    .replace(/^(\s*)(\d+)\./gm, '$1$2\\.')
    .replace(/^(\s*)-/gm, '$1\\-');
}

function card(message: Extract<OutgoingMessage, { kind: 'facts' | 'table' }>): Attachment {
  const body: CardElement[] = [heading(message.title)];
  if (message.kind === 'facts') body.push(...factBlocks(message.facts));
  else if (fitsPhone(message.columns, message.rows)) {
    body.push(row(message.columns, 'Bolder'), ...message.rows.map((cells) => row(cells, 'Default')));
  } else {
    // Too wide to stand side by side on a phone: each row is its first cell, then the rest.
    for (const [index, cells] of [message.columns, ...message.rows].entries()) {
      const [first, rest] = stackedRow(cells);
      body.push(
        { ...heading(first), ...(index === 0 && { isSubtle: true }), separator: index > 0 },
        { type: 'TextBlock', text: escapeMarkdown(rest.trim()), wrap: true, spacing: 'None', ...(index === 0 && { isSubtle: true }) },
      );
    }
  }
  if (message.kind === 'table' && message.note) body.push({ type: 'TextBlock', text: escapeMarkdown(message.note), wrap: true, isSubtle: true, size: 'Small' });
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    fallbackText: plainText(message),
    body,
  });
}

function row(cells: readonly string[], weight: 'Bolder' | 'Default'): CardElement {
  return {
    type: 'ColumnSet',
    columns: cells.map((cell) => ({ type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: escapeMarkdown(cell), weight, wrap: true }] })),
  };
}
