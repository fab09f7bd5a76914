import type { InferEntity, MikroORM } from '@mikro-orm/core';
import { attachmentMimes, type AttachmentMime } from '../../core/kernel/attachment';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isZone } from '../../core/features/readings/meter';
import type { MeterPhoto, MeterPhotos, PhotographedSubmission, PhotographedSubmissions, SubmissionPhoto } from '../../core/features/readings/ports';
import { ReadingHandover, ReadingPhoto } from '../entities';
import { insertOnce } from './insert-once';

const isAttachmentMime = (value: string): value is AttachmentMime => (attachmentMimes as readonly string[]).includes(value);

type Row = InferEntity<typeof ReadingPhoto>;

/** The photo of a row, when its type is still one a photo may have. */
function photoOf(row: Pick<Row, 'serialNumber' | 'fileId' | 'name' | 'mime' | 'size'>): MeterPhoto[] {
  if (!isAttachmentMime(row.mime)) return [];
  return [{ serialNumber: row.serialNumber, file: { id: row.fileId, name: row.name, mime: row.mime, bytes: row.size } }];
}

/** Meter photos recorded with their submissions; the bytes stay in the appeals' file table. */
export class SqlReadingPhotos implements Pick<MeterPhotos, 'attach' | 'of'>, PhotographedSubmissions {
  constructor(private readonly orm: MikroORM) {}

  async attach(submission: { key: string; account: AccountNumber; period: string; submittedAt: Date }, photos: readonly MeterPhoto[]): Promise<void> {
    const em = this.orm.em.fork();
    for (const photo of photos)
      await insertOnce(em, ReadingPhoto, {
        handoverKey: submission.key,
        accountNumber: submission.account,
        period: submission.period,
        submittedAt: submission.submittedAt,
        serialNumber: photo.serialNumber,
        fileId: photo.file.id,
        name: photo.file.name,
        mime: photo.file.mime,
        size: photo.file.bytes,
      });
  }

  async of(account: AccountNumber, from: string, to: string): Promise<SubmissionPhoto[]> {
    const rows = await this.orm.em
      .fork()
      .find(ReadingPhoto, { accountNumber: account, period: { $gte: from, $lte: to } }, { orderBy: { submittedAt: 'asc', id: 'asc' } });
    return rows.flatMap((row) => photoOf(row).map((photo) => ({ ...photo, period: row.period, submittedAt: row.submittedAt.toISOString() })));
  }

  async recent(account: AccountNumber | null, limit: number): Promise<PhotographedSubmission[]> {
    const em = this.orm.em.fork();
    const newest = await em.find(ReadingPhoto, account ? { accountNumber: account } : {}, { orderBy: { submittedAt: 'desc', id: 'asc' }, limit: limit * 5 });
    const keys = [...new Set(newest.map((row) => row.handoverKey))].slice(0, limit);
    const handovers = await em.find(ReadingHandover, { key: { $in: keys } });
    return keys.map((key) => {
      const photos = newest.filter((row) => row.handoverKey === key);
      const first = photos[0] as Row;
      const handover = handovers.find((row) => row.key === key);
      return {
        account: first.accountNumber as AccountNumber,
        period: first.period,
        submittedAt: first.submittedAt.toISOString(),
        entries: (handover?.entries ?? []).flatMap((entry) => (isZone(entry.zone) ? [{ ...entry, zone: entry.zone }] : [])),
        outcome: handover?.outcome ?? null,
        photos: photos.flatMap(photoOf),
      };
    });
  }
}
