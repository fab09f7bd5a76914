import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { attachmentMimes, type AttachmentMime, type AttachmentRef } from '../../core/kernel/attachment';
import type { AttachmentStore } from '../../core/features/appeals/ports';
import { AppealFile } from '../entities';

const isAttachmentMime = (value: string): value is AttachmentMime => (attachmentMimes as readonly string[]).includes(value);

export class SqlAttachmentStore implements AttachmentStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async put(file: { name: string; mime: AttachmentMime; bytes: Buffer }): Promise<AttachmentRef> {
    const id = randomBytes(16).toString('base64url');
    await this.orm.em
      .fork()
      .insert(AppealFile, { id, name: file.name, mime: file.mime, size: file.bytes.length, content: file.bytes, createdAt: this.clock() });
    return { id, name: file.name, mime: file.mime, bytes: file.bytes.length };
  }

  async discard(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.orm.em.fork().nativeDelete(AppealFile, { id: { $in: [...ids] } });
  }

  async get(id: string): Promise<{ ref: AttachmentRef; bytes: Buffer } | null> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
    const row = await this.orm.em.fork().findOne(AppealFile, { id });
    if (!row || !isAttachmentMime(row.mime)) return null;
    return { ref: { id: row.id, name: row.name, mime: row.mime, bytes: row.size }, bytes: Buffer.from(row.content) };
  }
}
