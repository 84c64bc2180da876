import {
  CheckoutSession,
  CheckoutSessionCompleteActionParams,
  CheckoutSessionConfirmParams,
  CheckoutSessionCreateParams,
  CheckoutSessionUpdateParams,
  deletedOf,
  InvoiceListParams,
  InvoiceWire,
  listOf,
  PaymentMethodAttachParams,
  PaymentMethodWire,
  SubscriptionCreateParams,
  SubscriptionListParams,
  SubscriptionWire,
  TokenizeParams,
  TokenWire,
} from '@abona/api';
import { registerRoutes, type RouteSpec } from '../openapi/registry.js';

const checkout: RouteSpec[] = [
  { method: 'POST', path: '/v1/checkout_sessions', summary: 'Start a checkout, priced by the engine', tag: 'Checkout', auth: 'publishable', body: CheckoutSessionCreateParams, response: CheckoutSession },
  { method: 'GET', path: '/v1/checkout_sessions/:id', summary: 'Retrieve a checkout session', tag: 'Checkout', auth: 'publishable', response: CheckoutSession },
  { method: 'POST', path: '/v1/checkout_sessions/:id', summary: 'Change items, buyer details or promotion code; totals are recomputed', tag: 'Checkout', auth: 'publishable', body: CheckoutSessionUpdateParams, response: CheckoutSession },
  { method: 'POST', path: '/v1/checkout_sessions/:id/confirm', summary: 'Pay and create the customer, subscription and first invoice (402 when declined)', tag: 'Checkout', auth: 'publishable', body: CheckoutSessionConfirmParams, response: CheckoutSession },
  { method: 'POST', path: '/v1/checkout_sessions/:id/complete_action', summary: 'Finish a 3-D Secure challenge (sandbox)', tag: 'Checkout', auth: 'publishable', body: CheckoutSessionCompleteActionParams, response: CheckoutSession },
];

const paymentMethods: RouteSpec[] = [
  { method: 'POST', path: '/v1/payment_methods/tokenize', summary: 'Tokenize a test card or IBAN (test mode)', tag: 'Payment methods', auth: 'publishable', body: TokenizeParams, response: TokenWire },
  { method: 'POST', path: '/v1/customers/:id/payment_methods', summary: "Attach a payment method to a customer", tag: 'Payment methods', auth: 'secret', body: PaymentMethodAttachParams, response: PaymentMethodWire },
  { method: 'GET', path: '/v1/customers/:id/payment_methods', summary: "List a customer's payment methods", tag: 'Payment methods', auth: 'secret', response: listOf(PaymentMethodWire) },
  { method: 'POST', path: '/v1/customers/:id/payment_methods/:pm/default', summary: 'Make a payment method the default', tag: 'Payment methods', auth: 'secret', response: PaymentMethodWire },
  { method: 'DELETE', path: '/v1/customers/:id/payment_methods/:pm', summary: 'Detach a payment method', tag: 'Payment methods', auth: 'secret', response: deletedOf('payment_method') },
];

const subscriptions: RouteSpec[] = [
  { method: 'POST', path: '/v1/subscriptions', summary: 'Create a subscription, charged off-session', tag: 'Billing', auth: 'secret', body: SubscriptionCreateParams, response: SubscriptionWire },
  { method: 'GET', path: '/v1/subscriptions', summary: 'List subscriptions', tag: 'Billing', auth: 'secret', query: SubscriptionListParams, response: listOf(SubscriptionWire) },
  { method: 'GET', path: '/v1/subscriptions/:id', summary: 'Retrieve a subscription', tag: 'Billing', auth: 'secret', response: SubscriptionWire },
];

const invoices: RouteSpec[] = [
  { method: 'GET', path: '/v1/invoices', summary: 'List invoices', tag: 'Billing', auth: 'secret', query: InvoiceListParams, response: listOf(InvoiceWire) },
  { method: 'GET', path: '/v1/invoices/:id', summary: 'Retrieve an invoice with its lines', tag: 'Billing', auth: 'secret', response: InvoiceWire },
  { method: 'GET', path: '/v1/invoices/:id/html', summary: 'A printable HTML invoice', tag: 'Billing', auth: 'secret' },
];

/** OpenAPI descriptions of the billing routes, registered by each route factory. */
export const registerCheckoutRoutes = () => registerRoutes(...checkout);
export const registerPaymentMethodRoutes = () => registerRoutes(...paymentMethods);
export const registerSubscriptionRoutes = () => registerRoutes(...subscriptions);
export const registerInvoiceRoutes = () => registerRoutes(...invoices);
