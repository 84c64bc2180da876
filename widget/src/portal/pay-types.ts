import type { AbonaApiError } from '../api/api-error.js';
import type { PortalInvoice } from './portal-types.js';

/** An invoice as the portal API sends it, with the subscription it bills (for the past-due banner). */
export type PayableInvoice = PortalInvoice & { subscription?: string | null; amount_paid?: number };

/** What `POST /v1/portal/invoices/:id/pay` and `…/complete_payment` answer. */
export interface InvoicePayment {
  object: 'invoice_payment';
  status: 'paid' | 'requires_action' | 'processing';
  invoice: PayableInvoice;
  next_action: { type: 'three_d_secure'; action_id: string; client_secret: string } | null;
}

/** The "Pay now" dialog: confirm (with the card chosen) or the 3-D Secure challenge. */
export interface PaymentStep {
  invoice: string;
  /** The chosen `pm_…`; undefined: the customer's default. */
  method: string | undefined;
  stage: 'confirm' | 'three-ds';
  actionId?: string;
  /** The last decline or failure, shown in the dialog in plain words. */
  error?: AbonaApiError;
}

/** Whether the customer can pay this invoice now. */
export const isPayable = (invoice: PortalInvoice): boolean => invoice.status === 'open' && invoice.amount_remaining > 0;
