import type { Clock } from './clock/index.js';
import type { Db } from './db/client.js';
import type { IdGenerator } from './ids/index.js';
import { createBillingServices } from './billing/services.js';
import type { PaymentGateway } from './gateway/types.js';
import { couponRepository } from './resources/coupons/repository.js';
import { couponService } from './resources/coupons/service.js';
import { customerRepository } from './resources/customers/repository.js';
import { customerService } from './resources/customers/service.js';
import { emailService } from './resources/emails/service.js';
import { webhookEndpointService } from './resources/webhook-endpoints/service.js';
import { eventService } from './webhooks/events-service.js';
import { invoicePreviewService } from './resources/invoice-preview/service.js';
import { pricingService } from './resources/pricing/service.js';
import { settingsService } from './resources/settings/service.js';
import { priceRepository } from './resources/prices/repository.js';
import { priceService } from './resources/prices/service.js';
import { productRepository } from './resources/products/repository.js';
import { productService } from './resources/products/service.js';
import { promotionCodeRepository } from './resources/promotion-codes/repository.js';
import { promotionCodeService } from './resources/promotion-codes/service.js';
import { entitlementService } from './resources/entitlements/service.js';
import { portalSessionService } from './resources/portal-sessions/service.js';
import { createClocks } from './resources/test-clocks/clocks.js';
import { testClockRepository } from './resources/test-clocks/repository.js';
import { testClockService } from './resources/test-clocks/service.js';
import { portalService } from './portal/service.js';
import { lifecycleService } from './lifecycle/service.js';
import { usageService } from './resources/usage/service.js';
import type { Mailer } from './mailer/types.js';

/** Every repository, built once per database. */
export function createRepositories(db: Db) {
  return {
    products: productRepository(db),
    prices: priceRepository(db),
    coupons: couponRepository(db),
    promotionCodes: promotionCodeRepository(db),
    customers: customerRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/**
 * Every service. Routes, the CLI and the seeder all go through these; none touches SQL.
 * New features (checkout, subscriptions, invoices) add their repository and service here.
 */
export function createServices(deps: { db: Db; clock: Clock; ids: IdGenerator; gateway?: PaymentGateway | undefined; mailer?: Mailer | undefined }) {
  const repos = createRepositories(deps.db);
  const { clock, ids } = deps;
  const entitlements = entitlementService({ db: deps.db });
  const billingServices = createBillingServices({ db: deps.db, repos, clock, ids, gateway: deps.gateway });
  const clocks = createClocks(deps.db, clock);
  // Renewals, plan changes, dunning, usage; its advancer runs inside test-clock advances.
  const lifecycle = lifecycleService({ db: deps.db, gateways: billingServices.gateways, ids, clocks, mailer: deps.mailer, settle: (atMs) => billingServices.billing.settlePending(atMs) });
  // Pricing caches catalog and seller per mode; settings changes drop its seller at once.
  const pricing = pricingService({ db: deps.db, clock });
  return {
    pricing,
    invoicePreview: invoicePreviewService({ db: deps.db, clock, repos, pricing }),
    settings: settingsService({ db: deps.db, clock, onChange: (livemode) => pricing.invalidate(livemode) }),
    repos,
    // Checkout, subscriptions, invoices, payment methods, billing (finalize, pay, settle) and the gateways.
    ...billingServices,
    // Recovery: a payment method added or chosen pays the open invoices of a customer in dunning.
    paymentMethods: lifecycle.withRecovery(billingServices.paymentMethods),
    lifecycle,
    usage: usageService({ db: deps.db, ids, clocks }),
    products: productService({ products: repos.products, prices: repos.prices, clock, ids }),
    prices: priceService({ prices: repos.prices, products: repos.products, clock, ids }),
    coupons: couponService({ coupons: repos.coupons, products: repos.products, clock, ids }),
    promotionCodes: promotionCodeService({ promotionCodes: repos.promotionCodes, coupons: repos.coupons, customers: repos.customers, clock, ids }),
    customers: customerService({ customers: repos.customers, clock, ids, testClocks: testClockRepository(deps.db) }),
    /** "Now" per customer: a test clock's frozen time, or the system clock. */
    clocks,
    // Lifecycle steps (renewals, trial ends, retries) plug into `advancers`, in the order they must run.
    testClocks: testClockService({ db: deps.db, clock, ids, advancers: [lifecycle.advancer] }),
    portalSessions: portalSessionService({ db: deps.db, clock, ids }),
    portal: portalService({ db: deps.db, clock, ids, entitlements }),
    entitlements,
    webhookEndpoints: webhookEndpointService({ db: deps.db, clock, ids }),
    events: eventService({ db: deps.db, clock, ids }),
    emails: emailService({ db: deps.db }),
  };
}
export type Services = ReturnType<typeof createServices>;
