import type { Button, Input } from './chat';
import { text } from './text';

/**
 * Actions that work at any point of any conversation: they leave the current flow and start
 * their own. Each is both a command (`/start`) and a button's data (`go:start`).
 */
export const globalActions = ['start', 'menu', 'help', 'cancel', 'link', 'info', 'readings', 'history', 'charges', 'payments', 'pay', 'unlink', 'language'] as const;
export type GlobalAction = (typeof globalActions)[number];

const buttonPrefix = 'go:';

export function globalActionOf(input: Input): GlobalAction | null {
  const name =
    input.kind === 'button'
      ? input.data.startsWith(buttonPrefix)
        ? input.data.slice(buttonPrefix.length)
        : null
      : /^\/([a-z]+)(@\w+)?(\s|$)/i.exec(input.text.trim())?.[1]?.toLowerCase() ?? null;
  return name !== null && (globalActions as readonly string[]).includes(name) ? (name as GlobalAction) : null;
}

export function actionButton(action: GlobalAction): Extract<Button, { data: string }> {
  return { label: text(`action-${action}`), data: `${buttonPrefix}${action}` };
}
