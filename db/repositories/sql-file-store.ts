import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { FileStore, StoredFile as File } from '../../core/kernel/file-store';
import { StoredFile } from '../entities';

const lifetimeMs = 24 * 3600_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class SqlFileStore implements FileStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async put(file: File): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const now = this.clock().getTime();
    const em = this.orm.em.fork();
    await em.nativeDelete(StoredFile, { expiresAt: { $lt: new Date(now) } });
    await em.insert(StoredFile, { tokenHash: hash(token), name: file.name, mime: file.mime, content: file.bytes, expiresAt: new Date(now + lifetimeMs) });
    return token;
  }

  async get(token: string): Promise<File | null> {
    const row = await this.orm.em.fork().findOne(StoredFile, { tokenHash: hash(token), expiresAt: { $gt: this.clock() } });
    return row && { name: row.name, mime: row.mime as File['mime'], bytes: Buffer.from(row.content) };
  }
}
