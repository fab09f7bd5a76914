import type { IncomingFile } from '../../core/chat';
import type { ChatChannel } from '../../core/domain/channel';
import type { FileSources } from '../../core/ports';
import { errorFields, type Log } from '../app/log';

/** Longest wait for one customer's file: a slow channel fails the file, not the chat. */
const downloadTimeoutMs = 20_000;

export interface FileSourceOptions {
  /** Telegram's files are read with `getFile`, then from its file URL (which holds the token: never logged). */
  readonly telegram?: { readonly token: string; readonly apiRoot?: string };
  /** Where web chat uploads may be read from: this server's own relay, and Direct Line's hosts when it is used. */
  readonly webChatOrigins: () => readonly string[];
  readonly log: Log;
  readonly fetch?: typeof fetch;
}

/**
 * Reads a customer's file from its channel, never more than asked: a file that turns out larger
 * stops the download. A web chat attachment is read only from the origins named, so an activity
 * cannot make the bot fetch an address of its choosing.
 */
export function channelFileSources(options: FileSourceOptions): FileSources {
  const get = options.fetch ?? fetch;
  return {
    async fetch(channel: ChatChannel, file: IncomingFile, maxBytes: number) {
      try {
        const url = channel === 'telegram' ? await telegramFileUrl(file.ref) : webChatUrl(file.ref);
        if (!url) return 'unavailable';
        const response = await get(url, { signal: AbortSignal.timeout(downloadTimeoutMs), redirect: 'error' });
        if (!response.ok || !response.body) return 'unavailable';
        return await readAtMost(response.body, maxBytes);
      } catch (error) {
        options.log.warn('a customer file could not be read from its channel', { channel, ...errorFields(error) });
        return 'unavailable';
      }
    },
  };

  async function telegramFileUrl(fileId: string): Promise<string | null> {
    const telegram = options.telegram;
    if (!telegram) return null;
    const root = telegram.apiRoot ?? 'https://api.telegram.org';
    const response = await get(`${root}/bot${telegram.token}/getFile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file_id: fileId }),
      signal: AbortSignal.timeout(downloadTimeoutMs),
    });
    const answer = (await response.json()) as { ok?: boolean; result?: { file_path?: unknown } };
    const path = answer.ok && typeof answer.result?.file_path === 'string' ? answer.result.file_path : null;
    return path && `${root}/file/bot${telegram.token}/${path}`;
  }

  function webChatUrl(ref: string): string | null {
    const url = URL.canParse(ref) ? new URL(ref) : null;
    return url && (url.protocol === 'https:' || url.protocol === 'http:') && options.webChatOrigins().includes(url.origin) ? url.href : null;
  }
}

async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
}
