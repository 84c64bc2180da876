import { formatMoney, toIso } from '@abona/core';
import type { InvoiceLineRow, InvoiceRow } from './repository.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (ch) => escapes[ch] ?? ch);

function addressLines(address: Record<string, unknown> | undefined): string {
  if (!address) return '';
  const parts = [
    address.line1,
    address.line2,
    [address.postalCode ?? address.postal_code, address.city].filter(Boolean).join(' '),
    address.state,
    address.country,
  ];
  return parts
    .filter((p) => typeof p === 'string' && p !== '')
    .map((p) => `<div>${esc(p)}</div>`)
    .join('');
}

/**
 * A printable invoice (self-contained HTML, no scripts): seller and customer with tax ids,
 * lines with their periods, the tax breakdown, totals, and the reverse-charge note.
 */
export function invoiceHtml(invoice: InvoiceRow, lines: readonly InvoiceLineRow[]): string {
  const money = (minor: number) => esc(formatMoney(minor, invoice.currency, 'en'));
  const day = (ms: number | null) => (ms === null ? '' : esc(toIso(ms).slice(0, 10)));
  const seller = invoice.sellerDetails as {
    name?: string;
    email?: string;
    address?: Record<string, unknown>;
    tax_ids?: { value?: string; country?: string }[];
  };
  const customer = invoice.customerDetails;
  const sellerIds = [...new Set((seller.tax_ids ?? []).map((t) => t.value).filter(Boolean))];
  const rows = lines
    .map(
      (line) =>
        `<tr><td>${esc(line.description)}</td><td class="n">${line.quantity}</td><td class="n">${money(line.amount)}</td><td class="n">${line.discountAmount ? `−${money(line.discountAmount)}` : ''}</td><td>${esc(line.taxes.map((t) => t.label).join(', '))}</td><td class="n">${money(line.totalAmount)}</td></tr>`,
    )
    .join('');
  const taxes = invoice.taxBreakdown
    .map(
      (t) =>
        `<tr><td colspan="5">${esc(t.label)} on ${money(t.taxableAmount)}</td><td class="n">${money(t.amount)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invoice ${esc(invoice.number)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}table{width:100%;border-collapse:collapse;margin-top:1.5rem}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}.parties{display:flex;justify-content:space-between;gap:2rem}.total td{font-weight:600}.note{margin-top:1rem;font-style:italic}</style></head>
<body>
<h1>Invoice ${esc(invoice.number)}</h1>
<p>Status: ${esc(invoice.status)} · Issued ${day(invoice.finalizedAt ?? invoice.createdAt)}${invoice.paidAt !== null ? ` · Paid ${day(invoice.paidAt)}` : ''}${invoice.periodStart !== null ? ` · Period ${day(invoice.periodStart)} – ${day(invoice.periodEnd)}` : ''}</p>
<div class="parties">
<section><h2>From</h2><div>${esc(seller.name)}</div>${addressLines(seller.address)}${sellerIds.map((id) => `<div>VAT: ${esc(id)}</div>`).join('')}${seller.email ? `<div>${esc(seller.email)}</div>` : ''}</section>
<section><h2>Bill to</h2><div>${esc(customer.businessName ?? customer.name ?? customer.email ?? '')}</div>${addressLines(customer.address as Record<string, unknown>)}${customer.taxId ? `<div>Tax id: ${esc(customer.taxId.value)}</div>` : ''}${customer.email ? `<div>${esc(customer.email)}</div>` : ''}</section>
</div>
<table><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Amount</th><th class="n">Discount</th><th>Tax</th><th class="n">Total</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot>
<tr><td colspan="5">Subtotal</td><td class="n">${money(invoice.subtotal)}</td></tr>
${invoice.totalDiscount ? `<tr><td colspan="5">Discount</td><td class="n">−${money(invoice.totalDiscount)}</td></tr>` : ''}
<tr><td colspan="5">Total excluding tax</td><td class="n">${money(invoice.totalExcludingTax)}</td></tr>
${taxes}
<tr class="total"><td colspan="5">Total</td><td class="n">${money(invoice.total)}</td></tr>
${invoice.creditApplied ? `<tr><td colspan="5">Credit applied</td><td class="n">−${money(invoice.creditApplied)}</td></tr>` : ''}
<tr class="total"><td colspan="5">Amount ${invoice.status === 'paid' ? 'paid' : 'due'}</td><td class="n">${money(invoice.status === 'paid' ? invoice.amountPaid : invoice.amountRemaining)}</td></tr>
</tfoot></table>
${invoice.reverseCharge ? '<p class="note">Reverse charge: the customer accounts for the VAT (Article 196, Council Directive 2006/112/EC).</p>' : ''}
${invoice.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}
</body></html>`;
}
