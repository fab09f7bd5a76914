import type { AttachmentMime } from './attachment';

/** What the file store holds: what the bot makes, and customers' uploads (any other kind only as `application/octet-stream`). */
export type FileMime = 'text/csv' | 'application/octet-stream' | AttachmentMime;

export interface StoredFile {
  readonly name: string;
  readonly mime: FileMime;
  readonly bytes: Buffer;
}

/** Files made for a chat, kept for a day behind a random token (stored hashed) that is their download link. */
export interface FileStore {
  put(file: StoredFile): Promise<string>;
  get(token: string): Promise<StoredFile | null>;
}
