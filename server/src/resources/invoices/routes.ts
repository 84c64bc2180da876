import { InvoiceListParams } from '@abona/api';
import { Hono } from 'hono';
import { readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { invoiceHtml } from './html.js';
import { toInvoice } from './serialize.js';
import type { InvoiceService } from './service.js';
import { registerInvoiceRoutes } from '../../billing/openapi.js';
import { registerRoutes } from '../../openapi/registry.js';
import { pdfHeaders } from './pdf.js';

/** `/v1/invoices` (secret key). */
export function invoiceRoutes(service: InvoiceService) {
  registerInvoiceRoutes();
  registerRoutes({ method: 'GET', path: '/v1/invoices/:id/pdf', summary: 'The invoice as a PDF file (a draft has none: 400)', tag: 'Billing', auth: 'secret' });
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const params = readQuery(c, InvoiceListParams);
      const { rows, hasMore } = await service.list(c.var.auth.livemode, params);
      return c.json({
        object: 'list' as const,
        data: rows.map((v) => toInvoice(v.invoice, v.lines)),
        has_more: hasMore,
        url: '/v1/invoices',
      });
    })
    .get('/:id', async (c) => {
      const { invoice, lines } = await service.retrieve(c.var.auth.livemode, c.req.param('id'));
      return c.json(toInvoice(invoice, lines));
    })
    .get('/:id/html', async (c) => {
      const { invoice, lines } = await service.retrieve(c.var.auth.livemode, c.req.param('id'));
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(invoiceHtml(invoice, lines));
    })
    .get('/:id/pdf', async (c) => {
      const pdf = await service.pdf(c.var.auth.livemode, c.req.param('id'));
      return c.body(pdf.bytes.slice().buffer as ArrayBuffer, 200, pdfHeaders(pdf));
    });
}
