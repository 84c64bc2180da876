export { invoiceDocument, type CreditNoteSummary, type DocumentRow, type DocumentSection, type InvoiceDocument } from './model.js';
export { renderInvoicePdf, type RenderOptions } from './render.js';
