import { port, type Feature } from '../../kernel/feature';
import type { FileStore } from '../../kernel/file-store';
import type { ChatPushes, MailOutbox } from './ports';

/** What the bot sends on its own, and files it makes for a chat: no task, only ports. */
const ports = { mail: port<MailOutbox>(), pushes: port<ChatPushes>(), files: port<FileStore>('get') };

export const outbox: Feature<typeof ports> = {
  tasks: [],
  ports,
};
