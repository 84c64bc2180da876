import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import type { PaymentGateway } from '../gateway/types.js';
import type { IdGenerator } from '../ids/index.js';
import { checkoutConfirmation } from '../resources/checkout-sessions/confirm.js';
import { checkoutSessionService } from '../resources/checkout-sessions/service.js';
import { invoiceService } from '../resources/invoices/service.js';
import { paymentMethodService } from '../resources/payment-methods/service.js';
import { subscriptionService } from '../resources/subscriptions/service.js';
import type { Repositories } from '../services.js';
import { createGateways } from './gateways.js';
import { billingService } from './service.js';

/**
 * The services of checkout, subscriptions, invoices, payment methods and billing, sharing one
 * set of gateways (the sandbox in test mode unless `gateway` is a test gateway).
 */
export function createBillingServices(deps: { db: Db; repos: Repositories; clock: Clock; ids: IdGenerator; gateway?: PaymentGateway | undefined }) {
  const { db, repos, clock, ids } = deps;
  const gateways = createGateways({ db, clock, ids, gateway: deps.gateway });
  const checkoutSessions = checkoutSessionService({ db, repos, clock, ids });
  const checkout = checkoutConfirmation({ db, repos, clock, ids, gateways, sessions: checkoutSessions });
  return {
    gateways,
    checkoutSessions,
    checkoutConfirmation: checkout,
    subscriptions: subscriptionService({ db, repos, gateways, clock, ids }),
    invoices: invoiceService({ db }),
    paymentMethods: paymentMethodService({ db, gateways, clock, ids }),
    billing: billingService({ db, gateways, clock, ids, checkout }),
  };
}
