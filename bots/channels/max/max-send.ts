import type { Api } from '@maxhub/max-bot-api';
import type { AttachmentRequest } from '@maxhub/max-bot-api/types';
import { z } from 'zod';
import type { OutgoingMessage } from '../../../core/kernel/content/outgoing';
import type { FileStore } from '../../../core/kernel/file-store';
import { PlatformError } from '../../../core/kernel/platform-error';
import { maxCall } from './max-api';
import { maxSends, type MaxSend } from './max-renderer';
import type { SendPace } from './send-pace';

/** A file's upload may take this long: then the message fails, to be sent again. */
const uploadTimeoutMs = 20_000;

export interface MaxSending {
  readonly api: Api;
  readonly files: FileStore;
  readonly pace: SendPace;
  /** For the upload itself (the library's client is not used for it: it would name the file by a random id). */
  readonly fetch?: typeof fetch;
}

/**
 * Sends one message of the bot's into a MAX chat, each part in its turn of MAX's limits; a file is
 * uploaded first and attached. MAX's refusal is thrown as a `PlatformError`.
 */
export async function sendMaxMessage(sending: MaxSending, chatId: number, message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
  for (const send of maxSends(message)) {
    const attachments: AttachmentRequest[] = [];
    if (send.file) attachments.push(await uploaded(sending, send.file, signal));
    if (send.keyboard) attachments.push(send.keyboard);
    const extra = { format: 'html' as const, ...(attachments.length > 0 && { attachments }), ...(signal && { signal }) };
    await sending.pace.paced(String(chatId), () => maxCall('sendMessage', () => sending.api.sendMessageToChat(chatId, send.text, extra), signal), signal);
  }
}

const fileUploaded = z.object({ token: z.string().min(1) });
const imageUploaded = z.union([fileUploaded, z.object({ photos: z.record(z.string(), fileUploaded) })]);

/** MAX's upload: an address to post the bytes to (as `data`, with the file's name), then the token to attach. */
async function uploaded(sending: MaxSending, file: NonNullable<MaxSend['file']>, signal?: AbortSignal): Promise<AttachmentRequest> {
  const stored = await sending.files.get(file.shared.id);
  if (!stored) throw new Error(`file ${file.shared.name} is no longer in the store`);
  const { url } = await sending.pace.paced(
    undefined,
    () => maxCall('getUploadUrl', () => sending.api.raw.uploads.getUploadUrl({ type: file.as }), signal),
    signal,
  );
  const form = new FormData();
  form.append('data', new Blob([new Uint8Array(stored.bytes)], { type: stored.mime }), stored.name);
  const timeout = AbortSignal.timeout(uploadTimeoutMs);
  const response = await (sending.fetch ?? fetch)(url, { method: 'POST', body: form, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  if (!response.ok) throw new PlatformError('max', 'upload', response.status);
  const body: unknown = await response.json();
  return file.as === 'image' ? { type: 'image', payload: imageUploaded.parse(body) } : { type: 'file', payload: fileUploaded.parse(body) };
}
