import { createHash } from 'node:crypto';
import { attachmentKind, attachmentLimits, attachmentName, megabytes, tooLarge, type AttachmentMime, type AttachmentRef } from '../../kernel/attachment';
import type { ChatAddress } from '../../kernel/channel';
import type { IncomingFile } from '../../kernel/chat';
import type { AppealFiles, AttachmentStore, FileSources } from './ports';
import type { FileStore } from '../../kernel/file-store';
import { fail, ok, type Result } from '../../kernel/result';
import { text, words, type Text } from '../../kernel/text';

/**
 * Files of appeals as flows use them: a customer's file is read from its channel at once (some
 * channels' links do not last), judged by its content and kept; a kept one is shared into the
 * file store when a chat is to see it.
 */
export function appealFiles(store: AttachmentStore, sources: FileSources, files: FileStore): AppealFiles {
  return {
    keep: (chat, file) => keepCustomerFile(store, sources, chat, file),
    async share(id) {
      const kept = await store.get(id);
      if (!kept) return null;
      const token = await files.put({ name: kept.ref.name, mime: kept.ref.mime, bytes: kept.bytes });
      return { id: token, name: kept.ref.name, mime: kept.ref.mime, sha256: createHash('sha256').update(kept.bytes).digest('hex') };
    },
  };
}

/**
 * A customer's file read from its channel at once and kept, within the appeals' limits and judged
 * by its content; `only` narrows the kinds taken (a meter photo is a picture), saying `otherwise`.
 */
export async function keepCustomerFile(
  store: AttachmentStore,
  sources: FileSources,
  chat: ChatAddress,
  file: IncomingFile,
  only?: { readonly kinds: readonly AttachmentMime[]; readonly otherwise: Text },
): Promise<Result<AttachmentRef>> {
  if (file.bytes !== undefined && file.bytes > attachmentLimits.bytes) return fail(tooLarge(file.bytes));
  const fetched = await sources.fetch(chat.channel, file, attachmentLimits.bytes);
  if (fetched === 'unavailable') return fail(text('attachment-unavailable'));
  if (fetched === 'too-large') return fail(text('attachment-over-limit', { max: megabytes(attachmentLimits.bytes) }));
  const kind = attachmentKind(fetched);
  if (!kind.ok) return kind;
  if (only && !only.kinds.includes(kind.value)) return fail(only.otherwise);
  return ok(await store.put({ name: attachmentName(file.name, kind.value), mime: kind.value, bytes: fetched }));
}

/** An operator's files: all kept, or none with the first one's reason (named), so a reply never goes half. */
export async function keepOperatorFiles(
  store: AttachmentStore,
  files: readonly { readonly name: string; readonly bytes: Buffer }[],
): Promise<Result<AttachmentRef[]>> {
  if (files.length > attachmentLimits.files) return fail(text('attachment-too-many', { max: attachmentLimits.files }));
  const judged = files.map((file) => ({ file, kind: attachmentKind(file.bytes) }));
  const refused = judged.find((one) => !one.kind.ok);
  if (refused && !refused.kind.ok) return fail(text('attachment-refused-named', { name: refused.file.name, reason: words(refused.kind.error) }));
  const kept: AttachmentRef[] = [];
  for (const { file, kind } of judged)
    if (kind.ok) kept.push(await store.put({ name: attachmentName(file.name, kind.value), mime: kind.value, bytes: file.bytes }));
  return ok(kept);
}
