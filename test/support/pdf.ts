import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The PDF's text, as `pdftotext` (poppler-utils) reads it. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** The first page rasterised at `dpi` by `pdftoppm` (poppler-utils), as PNG bytes. */
export function pdfPage(pdf: Buffer, dpi = 150): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
  try {
    writeFileSync(join(dir, 'receipt.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', join(dir, 'receipt.pdf'), join(dir, 'page')]);
    const page = readdirSync(dir).find((name) => name.endsWith('.png'));
    if (!page) throw new Error('pdftoppm made no page');
    return readFileSync(join(dir, page));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The payment QR on the page, decoded as a phone would: its fields by name. */
export function paymentQrOf(pdf: Buffer): Record<string, string> {
  const png = PNG.sync.read(pdfPage(pdf));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!code) throw new Error('no QR code found on the page');
  const [header, ...pairs] = new TextDecoder('utf-8').decode(Uint8Array.from(code.binaryData)).split('|');
  return { header: header ?? '', ...Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])) };
}

/**
 * A file the bot links to, fetched on a connection of its own: after a broadcast that kept the
 * event loop busy past the server's keep-alive, a pooled socket may be one the server has closed.
 */
export function downloaded(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    }).on('error', reject);
  });
}
