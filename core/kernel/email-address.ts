import { fail, ok, type Result } from './result';
import { text } from './text';

const example = 'ivanova@mail.ru';

/** An e-mail address as people type it: trimmed, one `@`, a domain with a dot, no spaces; lower-cased. */
export function parseEmail(input: string): Result<string> {
  const typed = input.trim();
  if (typed.length > 254 || !/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/.test(typed)) return fail(text('email-invalid', { example }));
  return ok(typed.toLowerCase());
}
