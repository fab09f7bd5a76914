import { attachmentMimes } from '../../kernel/attachment';
import { text } from '../../kernel/text';
import { keepCustomerFile } from '../appeals/appeal-files';
import type { AttachmentStore, FileSources } from '../appeals/ports';
import type { MeterPhotos } from './ports';

/** A meter photo is a picture: a PDF or any other document says nothing of what the display showed. */
const pictures = attachmentMimes.filter((mime) => mime.startsWith('image/'));

/**
 * Meter photos kept as appeals' files are (the same limits, the same judging by content), and
 * recorded with the submission they came with.
 */
export function meterPhotos(store: AttachmentStore, sources: FileSources, records: Pick<MeterPhotos, 'attach' | 'of'>): MeterPhotos {
  return {
    keep: (chat, file) => keepCustomerFile(store, sources, chat, file, { kinds: pictures, otherwise: text('readings-photo-not-picture') }),
    attach: (submission, photos) => records.attach(submission, photos),
    of: (account, from, to) => records.of(account, from, to),
  };
}
