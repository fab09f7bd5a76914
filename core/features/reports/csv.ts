/** A table for a spreadsheet: `;`-separated with a BOM and CRLF, as Excel in Russia expects. */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): Buffer {
  const cell = (value: string | number) => {
    const plain = String(value);
    return /[";\r\n]/.test(plain) ? `"${plain.replace(/"/g, '""')}"` : plain;
  };
  const lines = [header, ...rows].map((row) => row.map(cell).join(';'));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
