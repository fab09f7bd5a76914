import type { SharedFile } from '../../core/content/content';
import type { Locale } from '../../core/domain/locale';
import type { Receipt, SupplierDetails } from '../../core/domain/receipt';
import type { Localizer } from '../../core/localizer';
import type { FileStore, ReceiptArchive } from '../../core/ports';
import type { IssuedPdf, SqlIssuedReceipts } from '../../db/repositories/sql-issued-receipts';
import type { ReceiptRenderer } from './receipt-renderer';
import { receiptSheet } from './receipt-sheet';

/** Receipts issued as PDFs: rendered once per account, month and language, then always the same bytes. */
export class PdfReceiptArchive implements ReceiptArchive {
  constructor(
    private readonly issued: SqlIssuedReceipts,
    private readonly renderer: ReceiptRenderer,
    private readonly files: FileStore,
    private readonly localizer: Localizer,
    private readonly supplier: SupplierDetails,
  ) {}

  async issue(receipt: Receipt, locale: Locale): Promise<SharedFile> {
    const pdf = await this.pdf(receipt, locale);
    const name = `receipt-${receipt.account}-${receipt.period}.pdf`;
    const id = await this.files.put({ name, mime: 'application/pdf', bytes: pdf.bytes });
    return { id, name, mime: 'application/pdf', sha256: pdf.sha256 };
  }

  /** The PDF as first issued; rendered (off the event loop) and kept the first time. */
  async pdf(receipt: Receipt, locale: Locale): Promise<IssuedPdf> {
    const kept = await this.issued.find(receipt.account, receipt.period, locale);
    if (kept) return kept;
    const bytes = await this.renderer.render(receiptSheet(receipt, this.supplier, this.localizer, locale));
    return this.issued.keep(receipt.account, receipt.period, locale, bytes);
  }
}
