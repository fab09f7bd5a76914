import type { SharedFile } from '../../../core/kernel/content/content';
import type { Locale } from '../../../core/kernel/locale';
import type { Receipt, SupplierDetails } from '../../../core/features/receipts/receipt';
import type { Localizer } from '../../../core/kernel/localizer';
import type { FileStore } from '../../../core/kernel/file-store';
import type { ReceiptArchive } from '../../../core/features/receipts/ports';
import type { IssuedPdf, SqlIssuedReceipts } from '../../../db/repositories/sql-issued-receipts';
import type { ReceiptRenderer } from './receipt-renderer';
import { receiptSheet } from './receipt-sheet';
import { RecentValues } from '../../../core/kernel/recent-values';

/** The file store keeps a file a day; a download link is handed out again for half of that. */
const linkReuseMs = 12 * 3600_000;

export const receiptFileName = (receipt: Receipt) => `receipt-${receipt.account}-${receipt.period}.pdf`;

/** Receipts issued as PDFs: rendered once per account, month and language, then always the same bytes. */
export class PdfReceiptArchive implements ReceiptArchive {
  /**
   * Download links handed out lately, by account, month and language: a broadcast to every chat
   * of an account stores the PDF once, not once a chat (each such chat may see that receipt).
   */
  private readonly links = new RecentValues<SharedFile>(20_000, linkReuseMs);

  constructor(
    private readonly issued: SqlIssuedReceipts,
    private readonly renderer: ReceiptRenderer,
    private readonly files: FileStore,
    private readonly localizer: Localizer,
    private readonly supplier: SupplierDetails,
  ) {}

  async issue(receipt: Receipt, locale: Locale): Promise<SharedFile> {
    const key = `${receipt.account}|${receipt.period}|${locale}`;
    const handed = this.links.get(key);
    if (handed) return handed;
    const pdf = await this.pdf(receipt, locale);
    const name = receiptFileName(receipt);
    const file: SharedFile = {
      id: await this.files.put({ name, mime: 'application/pdf', bytes: pdf.bytes }),
      name,
      mime: 'application/pdf',
      sha256: pdf.sha256,
    };
    this.links.set(key, file);
    return file;
  }

  /** The PDF as first issued; rendered (off the event loop) and kept the first time. */
  async pdf(receipt: Receipt, locale: Locale): Promise<IssuedPdf> {
    const kept = await this.issued.find(receipt.account, receipt.period, locale);
    if (kept) return kept;
    const bytes = await this.renderer.render(receiptSheet(receipt, this.supplier, this.localizer, locale));
    return this.issued.keep(receipt.account, receipt.period, locale, bytes);
  }
}
