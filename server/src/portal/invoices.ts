import { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { readBody } from '../http/body.js';
import { registerRoutes, type RouteSpec } from '../openapi/registry.js';
import { invoicePdf, pdfHeaders } from '../resources/invoices/pdf.js';
import type { PortalEnv } from './env.js';
import { PortalInvoiceCompletePaymentParams, PortalInvoicePayment, PortalInvoicePayParams } from '@abona/api';
import { portalPayService, type PortalPayDeps } from './pay.js';

const tag = 'Portal';
/** Portal routes take `Authorization: Bearer <portal token>`, which is neither API key kind. */
const auth = 'none' as const;

const specs: RouteSpec[] = [
  { method: 'GET', path: '/v1/portal/invoices/:id/pdf', summary: 'One of their invoices as a PDF file (attachment)', tag, auth },
  { method: 'POST', path: '/v1/portal/invoices/:id/pay', summary: 'Pay an open invoice now, on-session (402 when declined; 3-D Secure answers requires_action)', tag, auth, body: PortalInvoicePayParams, response: PortalInvoicePayment },
  { method: 'POST', path: '/v1/portal/invoices/:id/complete_payment', summary: 'Finish the 3-D Secure challenge of a "Pay now" (sandbox)', tag, auth, body: PortalInvoiceCompletePaymentParams, response: PortalInvoicePayment },
];

/**
 * The customer's invoice actions in the portal (a `PortalExtension`): download the PDF, pay an
 * open invoice, finish its 3-D Secure step. Another customer's invoice, or a draft, is a 404.
 */
export function portalInvoiceRoutes(deps: PortalPayDeps & { db: Db }): Hono<PortalEnv> {
  registerRoutes(...specs);
  const pay = portalPayService(deps);
  return new Hono<PortalEnv>()
    .get('/invoices/:id/pdf', async (c) => {
      const { invoice, lines } = await deps.portal.invoice(c.var.portal, c.req.param('id'));
      const pdf = await invoicePdf(deps.db, invoice, lines);
      return c.body(pdf.bytes.slice().buffer as ArrayBuffer, 200, pdfHeaders(pdf));
    })
    .post('/invoices/:id/pay', async (c) => {
      const params = await readBody(c, PortalInvoicePayParams);
      return c.json(await pay.pay(c.var.portal, c.req.param('id'), params));
    })
    .post('/invoices/:id/complete_payment', async (c) => {
      const params = await readBody(c, PortalInvoiceCompletePaymentParams);
      return c.json(await pay.completePayment(c.var.portal, c.req.param('id'), params));
    });
}
