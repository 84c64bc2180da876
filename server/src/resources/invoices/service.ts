import type { InvoiceListParams } from '@abona/api';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../errors/index.js';
import { pageRequest } from '../../http/pagination.js';
import { invoicePdf, type InvoicePdf } from './pdf.js';
import { invoiceRepository, type InvoiceLineRow, type InvoiceRow } from './repository.js';

export interface InvoiceView {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
}

/** Reading invoices. Writing them is the billing service's job (`finalizeInvoice`, `payInvoice`). */
export function invoiceService(deps: { db: Db }) {
  const { db } = deps;
  async function retrieve(livemode: boolean, id: string): Promise<InvoiceView> {
    const invoice = await invoiceRepository.find(db, livemode, id);
    if (!invoice) throw new NotFound('invoice', id);
    return { invoice, lines: (await invoiceRepository.linesOf(db, [id])).get(id) ?? [] };
  }
  return {
    retrieve,
    /** The invoice as a PDF (400 `invoice_not_finalized` for a draft). */
    async pdf(livemode: boolean, id: string): Promise<InvoicePdf> {
      const { invoice, lines } = await retrieve(livemode, id);
      return invoicePdf(db, invoice, lines);
    },
    async list(
      livemode: boolean,
      params: InvoiceListParams,
    ): Promise<{ rows: InvoiceView[]; hasMore: boolean }> {
      const page = await invoiceRepository.list(
        db,
        livemode,
        { customerId: params.customer, subscriptionId: params.subscription, status: params.status },
        pageRequest(params),
      );
      const lines = await invoiceRepository.linesOf(
        db,
        page.rows.map((row) => row.id),
      );
      return {
        rows: page.rows.map((invoice) => ({ invoice, lines: lines.get(invoice.id) ?? [] })),
        hasMore: page.hasMore,
      };
    },
  };
}
export type InvoiceService = ReturnType<typeof invoiceService>;
