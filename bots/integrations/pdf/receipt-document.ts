import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReceiptSheet } from './receipt-sheet';

/** 2-pt modules for a payload of ~400 bytes at ECC M (77 modules): a phone reads it from the page. */
const qrFit = 170;

/** One A4 page: supplier, payer, the month's meters, the balance, the total and the payment QR. */
export function receiptDocument(sheet: ReceiptSheet): TDocumentDefinitions {
  const facts = (rows: readonly (readonly [string, string])[], bold = false): Content => ({
    table: {
      widths: ['*', 'auto'],
      body: rows.map(([label, value]) => [
        { text: label, bold },
        { text: value, alignment: 'right', bold },
      ]),
    },
    layout: 'lightHorizontalLines',
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: sheet.title, creator: 'energobot' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      { text: sheet.title, fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
      { text: sheet.supplier.heading, bold: true },
      { text: sheet.supplier.name },
      { text: sheet.supplier.details, fontSize: 8 },
      { text: sheet.supplier.contacts, fontSize: 8, margin: [0, 0, 0, 8] },
      { text: `${sheet.payer.heading}: ${sheet.payer.name}`, bold: true },
      {
        table: { widths: ['auto', '*'], body: sheet.payer.facts.map(([label, value]) => [{ text: label, color: '#555555' }, { text: value }]) },
        layout: 'noBorders',
        margin: [0, 2, 0, 10],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            sheet.columns.map((column) => ({ text: column, bold: true })),
            ...sheet.rows.map((row) => row.map((cell, index) => ({ text: cell, alignment: index === 0 ? 'left' : 'right' }))),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      } as Content,
      {
        columns: [
          {
            width: qrFit + 10,
            stack: [
              { qr: sheet.qr, fit: qrFit, eccLevel: 'M' },
              { text: sheet.qrHint, fontSize: 7, margin: [0, 4, 0, 0] },
            ],
          },
          { width: '*', stack: [facts(sheet.totals), facts([sheet.total], true)] },
        ],
        columnGap: 20,
      },
    ],
  };
}
