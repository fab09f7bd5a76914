import { fail, ok, type Result } from './result';
import { text } from './text';

/** «Прикрепить файлы» to an appeal: how many, how large, which kinds. */
export const attachmentLimits = { files: 5, bytes: 10 * 1024 * 1024 } as const;

export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type AttachmentMime = (typeof attachmentMimes)[number];

/** A file kept with an appeal: its bytes are in the appeal file store under `id`. */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly mime: AttachmentMime;
  readonly bytes: number;
}

/** The formats an appeal takes, told by their first bytes: a declared type or a file name can lie. */
const signatures: readonly { readonly mime: AttachmentMime; readonly matches: (head: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', matches: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
  { mime: 'image/png', matches: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', matches: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'image/gif', matches: (head) => /^GIF8[79]a$/.test(head.subarray(0, 6).toString('latin1')) },
  { mime: 'application/pdf', matches: (head) => head.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** What a customer's file is, by its content; refused with the reason when it is not an image or a PDF, or too large. */
export function attachmentKind(bytes: Buffer): Result<AttachmentMime> {
  if (bytes.length === 0) return fail(text('attachment-empty'));
  if (bytes.length > attachmentLimits.bytes) return fail(tooLarge(bytes.length));
  const mime = signatures.find((signature) => signature.matches(bytes))?.mime;
  return mime ? ok(mime) : fail(text('attachment-wrong-type'));
}

export function tooLarge(bytes: number) {
  return text('attachment-too-large', { max: megabytes(attachmentLimits.bytes), size: megabytes(bytes) });
}

/** Sizes as customers read them: «2,4 МБ». */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / 1024 / 1024) * 10) / 10);
}

/** The extensions each kind is known by; the first is the one given to a name that has none of them. */
const extensions: Record<AttachmentMime, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
};

/**
 * A name safe to show and to give back as a download: no path, no control characters, at most 100
 * characters, and ending as what the file is by its content (a PNG renamed «scan.docx» is kept as
 * «scan.png», so whoever opens it gets a picture, not a broken document).
 */
export function attachmentName(name: string | undefined, mime: AttachmentMime): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}\p{Cf}"]/gu, '').trim();
  const [own = 'jpg'] = extensions[mime];
  if (!cleaned || cleaned.startsWith('.')) return `file.${own}`;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  if (extensions[mime].includes(extension)) return cleaned.slice(-100);
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  return `${stem.slice(-(99 - own.length))}.${own}`;
}
