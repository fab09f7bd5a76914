import type { Input } from './chat';
import type { Button } from './content/content';
import { text, type Text } from './text';

const taskPrefix = 'go:';

/** A request to start a task: a command (`/readings`), a button (`go:readings`), with an optional argument. */
export interface TaskRequest {
  readonly action: string;
  readonly argument?: string;
}

export type TaskButton = Extract<Button, { data: string }>;

/** A button that starts a task, from any point of any conversation. Its label is the task's own unless given. */
export function taskButton(action: string, options: { readonly argument?: string; readonly label?: Text } = {}): TaskButton {
  return {
    label: options.label ?? text(`action-${action}`),
    data: `${taskPrefix}${action}${options.argument === undefined ? '' : `:${options.argument}`}`,
  };
}

/** The task a button or a command asks for, if it is one (whether such a task exists is the registry's word). */
export function requestedTask(input: Input): TaskRequest | null {
  if (input.kind === 'button') {
    if (!input.data.startsWith(taskPrefix)) return null;
    const [action = '', ...rest] = input.data.slice(taskPrefix.length).split(':');
    return rest.length > 0 ? { action, argument: rest.join(':') } : { action };
  }
  if (input.kind !== 'text') return null;
  const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+(\S[\s\S]*))?$/i.exec(input.text.trim());
  if (!command) return null;
  const action = (command[1] as string).toLowerCase();
  return command[2] ? { action, argument: command[2].trim() } : { action };
}
