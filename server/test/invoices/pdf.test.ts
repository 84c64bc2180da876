import { describe, expect, it } from 'vitest';
import { creditNotes } from '../../src/db/schema.js';
import { invoiceDocument, renderInvoicePdf } from '../../src/invoice-pdf/index.js';
import type { InvoiceLineRow, InvoiceRow } from '../../src/resources/invoices/repository.js';
import { setup, START_MS } from '../helpers.js';
import { createCustomer, insertInvoice, portalToken } from '../portal/fixtures.js';

const DAY_MS = 86_400_000;
const nbsp = '\u00a0';
/** 2026-11-26, the invoice's finalization; the service period runs a month from there. */
const ISSUED = Date.UTC(2026, 10, 26);

/** A Romanian B2B invoice: 2 seats of Pro at 9.00 € with 10 % off, TVA 21 % on top. */
function invoiceRow(overrides: Partial<InvoiceRow> = {}): InvoiceRow {
  return {
    id: 'in_1',
    livemode: false,
    createdAt: ISSUED,
    updatedAt: ISSUED,
    number: 'ABONA-0007',
    customerId: 'cus_1',
    subscriptionId: 'sub_1',
    status: 'open',
    billingReason: 'subscription_cycle',
    dedupeKey: null,
    currency: 'EUR',
    periodStart: ISSUED,
    periodEnd: Date.UTC(2026, 11, 26),
    // lines: 1800 + 500 = 2300; discount 10 % = 230; net 2070; TVA 21 % = 434.7 → 435 (half-up)
    subtotal: 2300,
    totalDiscount: 230,
    totalExcludingTax: 2070,
    tax: 435,
    total: 2505,
    creditApplied: 0,
    amountDue: 2505,
    amountPaid: 0,
    amountRemaining: 2505,
    taxBreakdown: [{ amount: 435, taxableAmount: 2070, ratePercent: '21', type: 'vat', label: 'TVA 21%', jurisdiction: 'RO', inclusive: false }],
    notes: [],
    reverseCharge: false,
    customerDetails: { name: 'Ștefan Țurcanu', email: 'stefan@exemplu.ro', businessName: 'Țesătoria Șincai SRL', business: true, address: { line1: 'Str. Mărășești 5', city: 'Brașov', postalCode: '500001', country: 'RO' }, taxId: { type: 'eu_vat', value: 'RO18547290', valid: true } },
    sellerDetails: { name: 'Abona Demo SRL', email: 'billing@abona.example', address: { line1: 'Strada Exemplu 1', city: 'Cluj-Napoca', postalCode: '400001', country: 'RO' }, tax_ids: [{ country: 'RO', value: 'RO11111111' }, { country: 'RO', type: 'oss', value: 'RO11111111' }] },
    finalizedAt: ISSUED,
    paidAt: null,
    voidedAt: null,
    dueAt: ISSUED + 14 * DAY_MS,
    attemptCount: 1,
    nextPaymentAttemptAt: null,
    metadata: {},
    version: 1,
    ...overrides,
  };
}

function line(position: number, description: string, amount: number, quantity = 1, period = true): InvoiceLineRow {
  return {
    id: `il_${position}`,
    livemode: false,
    createdAt: ISSUED,
    invoiceId: 'in_1',
    position,
    kind: 'subscription',
    description,
    amount,
    quantity,
    priceId: null,
    productId: null,
    periodStart: period ? ISSUED : null,
    periodEnd: period ? Date.UTC(2026, 11, 26) : null,
    taxBehavior: 'exclusive',
    discountAmount: 0,
    netAmount: amount,
    taxes: [],
    totalAmount: amount,
  };
}

const lines = [line(0, 'Pro × 2', 1800, 2), line(1, 'Setup (one time)', 500, 1, false)];

describe('invoiceDocument (the PDF as text)', () => {
  it('gives every section as literal rows, money by Intl in the invoice currency', () => {
    const doc = invoiceDocument(invoiceRow(), lines, { creditNotes: [{ number: 'CN-0001', createdAtMs: ISSUED + DAY_MS, total: 500, reason: 'Setup waived' }] });
    expect(doc.title).toBe('Invoice ABONA-0007');
    expect(doc.sections.map((s) => [s.kind, s.title, s.columns ?? null, s.rows.map((r) => (r.strong ? ['*', ...r.cells] : r.cells))])).toEqual([
      ['seller', 'From', null, [['*', 'Abona Demo SRL'], ['Strada Exemplu 1'], ['400001 Cluj-Napoca'], ['RO'], ['VAT ID: RO11111111'], ['billing@abona.example']]],
      ['customer', 'Bill to', null, [['*', 'Țesătoria Șincai SRL'], ['stefan@exemplu.ro'], ['Str. Mărășești 5'], ['500001 Brașov'], ['RO'], ['Tax ID: RO18547290']]],
      ['facts', 'Details', null, [['Invoice number', 'ABONA-0007'], ['Date of issue', '26 Nov 2026'], ['Date due', '10 Dec 2026'], ['Service period', '26 Nov 2026 – 26 Dec 2026']]],
      ['lines', 'Items', ['Description', 'Period', 'Qty', 'Amount'], [['Pro × 2', '26 Nov 2026 – 26 Dec 2026', '2', '€18.00'], ['Setup (one time)', '', '1', '€5.00']]],
      ['totals', 'Summary', null, [
        ['Subtotal', '€23.00'],
        ['Discount', '-€2.30'],
        ['Total excluding tax', '€20.70'],
        ['TVA 21% (21% of €20.70)', '€4.35'],
        ['*', 'Total', '€25.05'],
        ['Amount paid', '€0.00'],
        ['*', 'Amount remaining', '€25.05'],
      ]],
      ['credit_notes', 'Credit notes', ['Number', 'Date', 'Reason', 'Amount'], [['CN-0001', '27 Nov 2026', 'Setup waived', '-€5.00']]],
    ]);
  });

  it('formats in the locale asked for, and prints the reverse charge and paid date', () => {
    const doc = invoiceDocument(invoiceRow({ status: 'paid', paidAt: ISSUED, amountPaid: 2505, amountRemaining: 0, reverseCharge: true }), lines, { locale: 'ro' });
    const totals = doc.sections.find((s) => s.kind === 'totals')!;
    expect(totals.rows.at(-2)?.cells).toEqual(['Amount paid', `25,05${nbsp}€`]);
    expect(doc.sections.find((s) => s.kind === 'facts')!.rows.at(-1)?.cells[0]).toBe('Paid on');
    expect(doc.sections.at(-1)).toEqual({ kind: 'notes', title: 'Notes', rows: [{ cells: ['Reverse charge: the customer accounts for the VAT (Article 196, Council Directive 2006/112/EC).'] }] });
  });

  it('refuses a draft and lines that do not add up to the subtotal', () => {
    expect(() => invoiceDocument(invoiceRow({ status: 'draft', number: null }), lines)).toThrow(/draft/);
    expect(() => invoiceDocument(invoiceRow(), [line(0, 'Pro', 1000)])).toThrow(/sum to 1000, subtotal is 2300/);
  });
});

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const pageCount = (bytes: Uint8Array) => (ascii(bytes).match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('renderInvoicePdf', () => {
  const createdAt = new Date(ISSUED);

  it('writes a valid PDF with DejaVu embedded, on one page', async () => {
    const bytes = await renderInvoicePdf(invoiceDocument(invoiceRow(), lines), { createdAt });
    const text = ascii(bytes);
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/startxref\s+\d+\s+%%EOF\s*$/);
    expect(text).toContain('DejaVuSans');
    expect(text).not.toContain('Helvetica');
    expect(pageCount(bytes)).toBe(1);
  });

  it('is deterministic for a fixed creation date', async () => {
    const doc = invoiceDocument(invoiceRow(), lines);
    const a = await renderInvoicePdf(doc, { createdAt });
    const b = await renderInvoicePdf(doc, { createdAt });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await renderInvoicePdf(doc, { createdAt: new Date(ISSUED + 1000) });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  }, 30_000);

  it('breaks long invoices over pages', async () => {
    const many = Array.from({ length: 60 }, (_, i) => line(i, `Usage, day ${i + 1}`, 100));
    const bytes = await renderInvoicePdf(invoiceDocument(invoiceRow({ subtotal: 6000, totalDiscount: 0, totalExcludingTax: 6000 }), many), { createdAt });
    expect(pageCount(bytes)).toBeGreaterThanOrEqual(2);
  }, 30_000);
});

describe('GET /v1/invoices/:id/pdf and /v1/portal/invoices/:id/pdf', () => {
  it('answers an attachment named after the number; drafts 400, unknown 404; portal sees only its own', async () => {
    const h = await setup();
    const ana = await createCustomer(h);
    const bob = await createCustomer(h, { name: 'Bob' });
    await insertInvoice(h, { id: 'in_ana', customerId: ana });
    await insertInvoice(h, { id: 'in_draft', customerId: ana, status: 'draft' });
    await insertInvoice(h, { id: 'in_bob', customerId: bob });
    await h.db.insert(creditNotes).values({ id: 'cn_1', livemode: false, createdAt: START_MS, number: 'CN-1', invoiceId: 'in_ana', customerId: ana, currency: 'EUR', reason: null, subtotal: 100, tax: 19, total: 119, refundAmount: 119, creditAmount: 0, lines: [], taxBreakdown: [], memo: 'Goodwill' });

    const res = await h.call('GET', '/v1/invoices/in_ana/pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ABONA-in_ana.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(ascii(bytes.slice(0, 5))).toBe('%PDF-');
    // The same invoice downloads as the same bytes.
    expect(Buffer.from(await (await h.call('GET', '/v1/invoices/in_ana/pdf')).arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const draft = await h.call('GET', '/v1/invoices/in_draft/pdf');
    expect(draft.status).toBe(400);
    expect(await draft.json()).toMatchObject({ error: { code: 'invoice_not_finalized', param: 'id' } });
    expect((await h.call('GET', '/v1/invoices/in_nope/pdf')).status).toBe(404);

    const token = await portalToken(h, ana);
    const own = await h.call('GET', '/v1/portal/invoices/in_ana/pdf', { key: token });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect((await h.call('GET', '/v1/portal/invoices/in_bob/pdf', { key: token })).status).toBe(404);
    expect((await h.call('GET', '/v1/portal/invoices/in_draft/pdf', { key: token })).status).toBe(404);
    expect((await h.call('GET', '/v1/portal/invoices/in_ana/pdf', { key: null })).status).toBe(401);
    h.close();
  }, 30_000);
});
