import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { InstallationSecret } from '../entities';
import { insertOnce } from './insert-once';

/** The named secret, made (32 random bytes) the first time any instance asks for it. */
export async function installationSecret(orm: MikroORM, name: string): Promise<string> {
  const em = orm.em.fork();
  await insertOnce(em, InstallationSecret, { name, value: randomBytes(32).toString('base64url') });
  return (await em.findOneOrFail(InstallationSecret, { name })).value;
}
