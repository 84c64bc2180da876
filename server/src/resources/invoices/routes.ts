import { InvoiceListParams } from '@abona/api';
import { Hono } from 'hono';
import { readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { invoiceHtml } from './html.js';
import { toInvoice } from './serialize.js';
import type { InvoiceService } from './service.js';
import { registerInvoiceRoutes } from '../../billing/openapi.js';

/** `/v1/invoices` (secret key). */
export function invoiceRoutes(service: InvoiceService) {
  registerInvoiceRoutes();
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
    });
}
