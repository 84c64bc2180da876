import type { Executor } from '../../db/client.js';
import { invoiceDocument, renderInvoicePdf } from '../../invoice-pdf/index.js';
import { InvalidRequest } from '../../errors/index.js';
import { invoiceRepository, type InvoiceLineRow, type InvoiceRow } from './repository.js';

/** A PDF file of an invoice: its bytes and the name a browser saves it under. */
export interface InvoicePdf {
  bytes: Uint8Array;
  filename: string;
}

/**
 * Renders a finalized invoice (with its credit notes) as a PDF. The creation date is the
 * invoice's finalization, so the same invoice always downloads as the same bytes.
 *
 * @throws InvalidRequest `id` (`invoice_not_finalized`) for a draft: it has no number yet.
 */
export async function invoicePdf(ex: Executor, invoice: InvoiceRow, lines: readonly InvoiceLineRow[]): Promise<InvoicePdf> {
  if (invoice.status === 'draft' || invoice.number === null) {
    throw new InvalidRequest(`Invoice ${invoice.id} is a draft: it gets a number, and a PDF, when it is finalized`, 'id', 'invoice_not_finalized');
  }
  const notes = await invoiceRepository.creditNotesOf(ex, invoice.livemode, invoice.id);
  const document = invoiceDocument(invoice, lines, {
    creditNotes: notes.map((n) => ({ number: n.number, createdAtMs: n.createdAt, total: n.total, reason: n.memo ?? n.reason })),
  });
  const bytes = await renderInvoicePdf(document, { createdAt: new Date(invoice.finalizedAt ?? invoice.createdAt) });
  return { bytes, filename: `${invoice.number.replace(/[^\w.-]/g, '_')}.pdf` };
}

/** The headers of a PDF download (`attachment`, so browsers save it rather than navigate). */
export function pdfHeaders(pdf: InvoicePdf): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${pdf.filename}"`,
    'content-length': String(pdf.bytes.byteLength),
    'cache-control': 'private, no-store',
  };
}
