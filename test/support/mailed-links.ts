import { QueuedMail } from '../../db/entities';
import type { World } from './conversation';

/** The confirmation link of the last e-mail queued to `to`: its token. */
export async function confirmationTokenMailedTo(world: World, to: string): Promise<string> {
  const [mail] = await world.orm.em.fork().find(QueuedMail, { recipient: to }, { orderBy: { id: 'desc' }, limit: 1 });
  const token = /\/e-receipt\/confirm\?token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${to}`);
  return token;
}
