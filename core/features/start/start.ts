import type { Chat } from '../../kernel/chat';
import type { FlowEnd } from '../../kernel/flow-end';
import { toMenu } from '../../kernel/flow-end';
import { text } from '../../kernel/text';
import type { FlowServices } from '../../kernel/services';
import { openLink } from './open-link';

/** `/start`, or `/start <token>` from a link in an e-mail. */
export async function greet(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  return argument ? openLink(chat, services, argument) : toMenu(text('start-greeting'));
}
