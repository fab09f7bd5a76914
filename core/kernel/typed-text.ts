/**
 * Control characters but the tab and line breaks, and halves of surrogate pairs. PostgreSQL
 * refuses NUL in text and both in JSON: one such character in an appeal's draft once failed
 * every delivery of its update, and held every other Telegram chat behind it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are what gets dropped.
const unkeepable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from outside (a customer, an operator, a mail) as it can be kept and shown: the characters no store takes are dropped. */
export function keepable(text: string): string {
  return text.replace(unkeepable, '');
}
