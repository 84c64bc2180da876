export { buildInvoice } from './build.js';
export { assertInvoiceInvariants } from './invariants.js';
export { describePeriod, linesForItems, usageLine, type LineItem, type LineOptions } from './lines.js';
export { summarizeTaxes } from './tax-breakdown.js';
export type { Invoice, InvoiceInput, InvoiceLine, InvoiceLineDraft, InvoiceLineKind } from './types.js';
