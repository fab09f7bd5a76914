import type { IncomingMessage } from 'node:http';

/** A file in a multipart/form-data body, as a platform's fake received it. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: number;
  readonly type: string;
  readonly content: Buffer;
  /** The form field that carried it. */
  readonly field: string;
}

export interface MultipartBody {
  readonly params: Record<string, unknown>;
  readonly file?: UploadedFile;
}

/** A small multipart/form-data reader: enough for the Bot API's uploads. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const params: Record<string, unknown> = {};
  let file: UploadedFile | undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4, part.length - 2);
      const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
      const filename = /filename="?([^";\r\n]*)"?/.exec(headers)?.[1];
      if (filename !== undefined)
        file = {
          name: filename,
          bytes: content.length,
          type: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '',
          content: Buffer.from(content),
          field: name,
        };
      else params[name] = parseField(content.toString('utf8'));
    }
    start = next;
  }
  return { params, ...(file && { file }) };
}

export function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The whole body of a request. */
export async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The boundary of a multipart/form-data body, from its content type. */
export function boundaryOf(contentType: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  return boundary ? (boundary[1] ?? boundary[2]) : undefined;
}
