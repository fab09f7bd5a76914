import type { IncomingFile } from '../../core/kernel/chat';
import type { FileSources } from '../../core/features/appeals/ports';

/** Small files of each kind a customer might send, made here rather than committed. */
export const customerFiles = {
  /** A 1×1 JPEG: what a phone's photo starts with. */
  'meter.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)]),
  'scan.pdf': Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  'notes.docx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 1)]),
  /** A PDF by its name only: a renamed program is refused by what it is. */
  'invoice.pdf.exe': Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 2)]),
  'empty.png': Buffer.alloc(0),
  /** A PNG renamed to a document: kept, and named by what it is. */
  'photo.docx': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 3)]),
  /** 11 MB: over the limit by content, with no size declared. */
  'big.pdf': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
} as const;

export type CustomerFileName = keyof typeof customerFiles;

/**
 * The platform's file server, as the runner's world sees it: a file the customer sent is there
 * under its ref until `gone` takes it away (Direct Line's links expire).
 */
export class ChannelFiles implements FileSources {
  private readonly held = new Map<string, Buffer>();
  private count = 0;
  /** How many times a file was read: a redelivered update must not read it again. */
  reads = 0;

  offer(name: CustomerFileName, declared?: number): IncomingFile {
    const ref = `file-${(this.count += 1)}`;
    this.held.set(ref, customerFiles[name]);
    return { ref, name, ...(declared !== undefined && { bytes: declared }) };
  }

  gone(ref: string): void {
    this.held.delete(ref);
  }

  async fetch(_channel: unknown, file: IncomingFile, maxBytes: number): Promise<Buffer | 'too-large' | 'unavailable'> {
    this.reads += 1;
    const bytes = this.held.get(file.ref);
    if (!bytes) return 'unavailable';
    return bytes.length > maxBytes ? 'too-large' : bytes;
  }
}
