import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Piscina } from 'piscina';
import pdfmake from 'pdfmake';
import { receiptDocument } from './receipt-document';
import type { ReceiptSheet } from './receipt-sheet';

// Module state of pdfmake, so set in each worker: fonts from memory, and no file or URL is ever
// read while rendering (a receipt carries customer text, never a path to follow).
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
// The typings leave out the virtual file system pdfmake has on a server too.
const virtualFiles = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
for (const file of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf']) {
  virtualFiles.writeFileSync(file, readFileSync(join(fontDir, file)));
}
pdfmake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

/** Renders one receipt; the bytes move to the caller without a copy. */
export default async function render(sheet: ReceiptSheet): Promise<ArrayBuffer> {
  const buffer: Buffer = await pdfmake.createPdf(receiptDocument(sheet)).getBuffer();
  const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  return Piscina.move(bytes) as unknown as ArrayBuffer;
}
