import type { IncomingFile } from '../../../core/kernel/chat';
import type { ChatChannel } from '../../../core/kernel/channel';
import type { FileSources } from '../../../core/features/appeals/ports';
import type { FileStore } from '../../../core/kernel/file-store';
import { errorFields, type Log } from '../../../core/kernel/log';

/** Longest wait for one customer's file: a slow channel fails the file, not the chat. */
const downloadTimeoutMs = 20_000;

export interface FileSourceOptions {
  /** Telegram's files are read with `getFile`, then from its file URL (which holds the token: never logged). */
  readonly telegram?: { readonly token: string; readonly apiRoot?: string };
  /** MAX's files are read from the attachment's own URL: over HTTPS, or from the API root named (a proxy, the tests' server). */
  readonly max?: { readonly apiRoot?: string };
  /** This server's own addresses: an upload through the embedded relay is a link to its file store, read from the store itself. */
  readonly ownFiles: { readonly origins: () => readonly string[]; readonly store: FileStore };
  /** Direct Line's address when Azure's is used: its upload links are read over HTTPS. */
  readonly directLineOrigin?: string;
  readonly log: Log;
  readonly fetch?: typeof fetch;
}

/**
 * Reads a customer's file from its channel, never more than asked: a file that turns out larger
 * stops the download. A web chat attachment is read only from this server's file store or from
 * Direct Line, so an activity cannot make the bot fetch an address of its choosing.
 */
export function channelFileSources(options: FileSourceOptions): FileSources {
  const get = options.fetch ?? fetch;
  return {
    async fetch(channel: ChatChannel, file: IncomingFile, maxBytes: number) {
      try {
        if (channel === 'webchat') {
          const own = ownFile(file.ref);
          if (own !== undefined) {
            const stored = own && (await options.ownFiles.store.get(own));
            if (!stored) return 'unavailable';
            return stored.bytes.length > maxBytes ? 'too-large' : stored.bytes;
          }
        }
        const url = channel === 'telegram' ? await telegramFileUrl(file.ref) : channel === 'max' ? maxUrl(file.ref) : directLineUrl(file.ref);
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

  /** The file store's token of a link to this server's own files; null for another path here; undefined for another host. */
  function ownFile(ref: string): string | null | undefined {
    const url = URL.canParse(ref) ? new URL(ref) : null;
    if (!url || !options.ownFiles.origins().includes(url.origin)) return undefined;
    return /^\/files\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname)?.[1] ?? null;
  }

  function maxUrl(ref: string): string | null {
    const max = options.max;
    const url = URL.canParse(ref) ? new URL(ref) : null;
    if (!max || !url) return null;
    return url.protocol === 'https:' || (max.apiRoot !== undefined && url.origin === new URL(max.apiRoot).origin) ? url.href : null;
  }

  function directLineUrl(ref: string): string | null {
    const url = URL.canParse(ref) ? new URL(ref) : null;
    return url && url.protocol === 'https:' && url.origin === options.directLineOrigin ? url.href : null;
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
