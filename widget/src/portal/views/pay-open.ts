import type { PayableInvoice } from '../pay-types.js';
import type { ViewContext } from './context.js';

type PayView = typeof import('./pay.js');
let loading: Promise<PayView> | undefined;

/** The "Pay now" dialog's chunk, loaded once on first use. */
export function payView(): Promise<PayView> {
  loading ??= import('./pay.js');
  return loading;
}

/** Opens the "Pay now" confirm step, with the customer's default method chosen. */
export function openPayment(ctx: ViewContext, invoice: PayableInvoice): void {
  const methods = ctx.overview.paymentMethods;
  const chosen = methods.find((pm) => pm.id === ctx.overview.customer.default_payment_method) ?? methods.find((pm) => pm.default) ?? methods[0];
  // The dialog renders once its chunk is in (portal-app re-renders when it arrives).
  void payView().then(() => ctx.store.patch({ payment: { invoice: invoice.id, method: chosen?.id, stage: 'confirm' }, actionError: undefined }));
}

/** Downloads the invoice's PDF (see `pay.ts`). */
export function downloadPdf(ctx: ViewContext, invoice: PayableInvoice): void {
  void payView().then((view) => view.downloadPdf(ctx, invoice));
}
