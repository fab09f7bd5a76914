import type { Chat, IncomingFile } from '../../kernel/chat';
import { attachmentLimits, megabytes, type AttachmentRef } from '../../kernel/attachment';
import type { FlowServices } from '../../kernel/services';
import { lines, text, words } from '../../kernel/text';

/**
 * «Прикрепить файлы»: photos and documents, one message or several at a time, up to the limit;
 * each is kept as it comes (`kept` is told after each change), refused ones are named with the
 * reason. Done with «Готово», or «Без вложений» before any. `arrived`: files the customer sent
 * before being asked (with a reply), taken first.
 */
export async function attachFiles(
  chat: Chat,
  services: FlowServices,
  start: readonly AttachmentRef[],
  kept: (files: readonly AttachmentRef[]) => Promise<void>,
  arrived: readonly IncomingFile[] = [],
): Promise<readonly AttachmentRef[]> {
  let files = start;
  const limits = { maxFiles: attachmentLimits.files, size: megabytes(attachmentLimits.bytes) };
  const take = async (incoming: readonly IncomingFile[]) => {
    const room = attachmentLimits.files - files.length;
    for (const file of incoming.slice(0, room)) {
      const one = await services.appealFiles.keep(chat.address, file);
      if (one.ok) files = [...files, one.value];
      else await chat.say(text('attach-refused', { name: file.name ?? '', reason: words(one.error) }));
    }
    if (incoming.length > room) await chat.say(text('attach-too-many', { max: attachmentLimits.files, left: incoming.length - room }));
    await kept(files);
  };
  if (arrived.length > 0) await take(arrived);
  for (;;) {
    if (files.length >= attachmentLimits.files) {
      await chat.say(text('attach-full', { max: attachmentLimits.files }));
      return files;
    }
    const prompt = files.length === 0 ? text('attach-ask', limits) : text('attach-more', { ...limits, count: files.length, files: fileList(files) });
    const options =
      files.length === 0
        ? [{ value: 'none' as const, label: text('attach-none') }]
        : [
            { value: 'done' as const, label: text('attach-done') },
            { value: 'clear' as const, label: text('attach-clear') },
          ];
    const answer = await chat.receiveFiles(prompt, options, text('attach-not-file', limits));
    if ('chosen' in answer) {
      if (answer.chosen !== 'clear') return files;
      files = [];
      await kept(files);
      continue;
    }
    await take(answer.files);
  }
}

/** «photo.jpg (1,2 МБ)», one a line. */
export function fileList(files: readonly AttachmentRef[]) {
  return lines(files.map((file) => text('attach-item', { name: file.name, size: megabytes(file.bytes) })));
}
