import { InvoicePreviewParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toInvoicePreview } from './serialize.js';
import type { InvoicePreviewService } from './service.js';

/**
 * `POST /v1/invoices/preview` (secret key): mount it before any `/v1/invoices/:id` routes, so
 * `preview` is never read as an invoice id.
 */
export function invoicePreviewRoutes(service: InvoicePreviewService) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const params = await readBody(c, InvoicePreviewParams);
    return c.json(toInvoicePreview(await service.preview(c.var.auth.livemode, params), c.var.auth.livemode));
  });
}
