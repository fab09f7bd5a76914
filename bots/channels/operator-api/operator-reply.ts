import type { Request } from 'restify';
import { attachmentLimits, megabytes } from '../../../core/kernel/attachment';
import { text, type Text } from '../../../core/kernel/text';
import { readForm } from '../http/multipart-form';

/** Where operators post replies with files: the desk's form and the API. */
export const operatorReplyPaths = [/^\/desk\/appeals\/[^/]+\/answer$/, /^\/desk\/live\/\d+\/say$/, /^\/operator\/appeals\/[^/]+\/replies$/] as const;

export type OperatorReply =
  | { readonly ok: true; readonly fields: Readonly<Record<string, unknown>>; readonly files: readonly { readonly name: string; readonly bytes: Buffer }[] }
  | { readonly ok: false; readonly status: 400 | 413; readonly error: Text; readonly fields: Readonly<Record<string, unknown>> };

/**
 * An operator's reply as posted: form fields (JSON or url-encoded, or the parts of a multipart
 * form) and its files, read in memory within the limits of an appeal. Nothing is kept here: the
 * caller keeps the files once it knows who posted them.
 */
export async function readOperatorReply(req: Request): Promise<OperatorReply> {
  if (!/^multipart\//i.test(req.header('content-type') ?? '')) return { ok: true, fields: (req.body ?? {}) as Record<string, unknown>, files: [] };
  // One file more than allowed is read, so that «too many» is told as such.
  const form = await readForm(req, { files: attachmentLimits.files + 1, fileBytes: attachmentLimits.bytes });
  if (!form.ok) {
    const error =
      form.problem === 'too-large'
        ? text('attachment-over-limit', { max: megabytes(attachmentLimits.bytes) })
        : form.problem === 'too-many'
          ? text('attachment-too-many', { max: attachmentLimits.files })
          : text('attachment-form-malformed');
    return { ok: false, status: form.problem === 'malformed' ? 400 : 413, error, fields: {} };
  }
  // A form's empty file input still sends one nameless, empty part.
  const files = form.files.filter((file) => file.name !== '' || file.bytes.length > 0).map((file) => ({ name: file.name, bytes: file.bytes }));
  return { ok: true, fields: form.fields, files };
}
