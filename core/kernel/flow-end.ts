import type { Text } from './text';

/**
 * How a flow ends: with the main menu (after `intro` when given), shown by the runner, or with
 * nothing returned, its own last message and buttons standing. Flows never show the menu
 * themselves: the menu reads the task list, and a flow importing it would close a circle.
 */
export type FlowEnd = { readonly menu: true; readonly intro?: Text } | void;

export function toMenu(intro?: Text): FlowEnd {
  return intro ? { menu: true, intro } : { menu: true };
}
