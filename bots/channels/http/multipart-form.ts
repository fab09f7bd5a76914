import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export interface FormFile {
  /** The form field it came in (`file`, `activity`). */
  readonly field: string;
  readonly name: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

export type Form =
  | { readonly ok: true; readonly fields: Readonly<Record<string, string>>; readonly files: readonly FormFile[] }
  | { readonly ok: false; readonly problem: FormProblem };

/** Why a form was not taken; `unkept`: the caller could not keep a file (its store is down). */
export type FormProblem = 'too-large' | 'too-many' | 'malformed' | 'unkept';

export interface FormLimits {
  readonly files: number;
  readonly fileBytes: number;
}

/**
 * Reads a `multipart/form-data` body into memory, never past the limits: a file over its size
 * or one file too many stops the reading and names the problem. Nothing touches the disk.
 * `keep`, when given, takes each file as soon as it has arrived, one after another, and what it
 * returns is what the form holds: a caller that stores files holds one at a time, not all.
 */
export function readForm(req: IncomingMessage, limits: FormLimits, keep: (file: FormFile) => Promise<FormFile> = async (file) => file): Promise<Form> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      // Browsers and fetch send a file's name as raw UTF-8 (busboy would read it as Latin-1).
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: limits.files, fileSize: limits.fileBytes, fields: 20, fieldSize: 64 * 1024, parts: limits.files + 20 },
      });
    } catch {
      return resolve({ ok: false, problem: 'malformed' });
    }
    const fields: Record<string, string> = {};
    const files: FormFile[] = [];
    let stopped = false;
    const pending: Promise<void>[] = [];
    let kept: Promise<unknown> = Promise.resolve();
    // The rest of the body is read and dropped, so the client hears the answer.
    const stop = (problem: FormProblem) => {
      if (stopped) return;
      stopped = true;
      req.unpipe(parser);
      req.resume();
      resolve({ ok: false, problem });
    };
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      pending.push(
        new Promise((done) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('limit', () => stop('too-large'));
          stream.on('close', () => {
            const file = { field, name: info.filename ?? '', mime: info.mimeType, bytes: Buffer.concat(chunks) };
            chunks.length = 0;
            kept = kept.then(() => (stopped ? file : keep(file))).then((one) => files.push(one));
            void kept.then(
              () => done(),
              () => {
                stop('unkept');
                done();
              },
            );
          });
        }),
      );
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('filesLimit', () => stop('too-many'));
    parser.on('partsLimit', () => stop('too-many'));
    parser.on('error', () => stop('malformed'));
    parser.on('close', () => void Promise.all(pending).then(() => stopped || resolve({ ok: true, fields, files })));
    req.on('aborted', () => stop('malformed'));
    req.pipe(parser);
  });
}
