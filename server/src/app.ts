import { toIso } from '@abona/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { systemClock, type Clock } from './clock/index.js';
import { defaultConfig, type AppConfig } from './config/index.js';
import type { Db } from './db/client.js';
import { ApiError } from './errors/index.js';
import { createErrorHandler } from './errors/on-error.js';
import type { PaymentGateway } from './gateway/types.js';
import type { AppEnv } from './http/env.js';
import { jsonLogger, type Logger } from './http/log.js';
import { randomIds, type IdGenerator } from './ids/index.js';
import type { Mailer } from './mailer/types.js';
import { authenticate, type PublicRoute } from './middleware/auth/index.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { corsAllowlist } from './middleware/cors/index.js';
import { idempotency } from './middleware/idempotency/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { requestLogger } from './middleware/logger/index.js';
import { couponRoutes } from './resources/coupons/routes.js';
import { customerRoutes } from './resources/customers/routes.js';
import { entitlementRoutes } from './resources/entitlements/routes.js';
import { portalSessionRoutes } from './resources/portal-sessions/routes.js';
import { testClockRoutes } from './resources/test-clocks/routes.js';
import { portalRoutes } from './portal/routes.js';
import { checkoutSessionRoutes } from './resources/checkout-sessions/routes.js';
import { invoiceRoutes } from './resources/invoices/routes.js';
import { creditNoteRoutes } from './resources/credit-notes/routes.js';
import { customerPaymentMethodRoutes, tokenizeRoutes } from './resources/payment-methods/routes.js';
import { subscriptionRoutes } from './resources/subscriptions/routes.js';
import { subscriptionChangeRoutes } from './resources/subscriptions/changes.js';
import { subscriptionCancelRoutes } from './resources/subscriptions/cancel.js';
import { usageEventRoutes } from './resources/usage/routes.js';
import { portalLifecycleRoutes } from './portal/lifecycle.js';
import { portalPaymentMethodRoutes } from './portal/payment-methods.js';
import { portalInvoiceRoutes } from './portal/invoices.js';
import { emailRoutes } from './resources/emails/routes.js';
import { webhookEndpointRoutes } from './resources/webhook-endpoints/routes.js';
import { eventRoutes } from './webhooks/events-routes.js';
import { invoicePreviewRoutes } from './resources/invoice-preview/routes.js';
import { pricingRoutes } from './resources/pricing/routes.js';
import { settingsRoutes } from './resources/settings/routes.js';
import { openApiHandler } from './openapi/index.js';
import { priceRoutes } from './resources/prices/routes.js';
import { productRoutes } from './resources/products/routes.js';
import { promotionCodeRoutes } from './resources/promotion-codes/routes.js';
import { createServices, type Services } from './services.js';

// English messages for zod issues the server reports (the browser bundle stays locale-free).
z.config(z.locales.en());

export interface AppDeps {
  db: Db;
  clock?: Clock;
  ids?: IdGenerator;
  gateway?: PaymentGateway;
  mailer?: Mailer;
  config?: Partial<AppConfig>;
  log?: Logger;
  /** Services already built over the same database (the server shares them with its background work). */
  services?: Services;
}

/**
 * Routes a publishable key may call: the catalog and pricing for the pricing table, checkout and
 * test-mode card tokens. Everything else needs a secret key; portal routes authenticate with
 * customer tokens instead (ADR 0004).
 */
export const publicRoutes: readonly PublicRoute[] = [
  { method: 'GET', path: '/v1/products' },
  { method: 'GET', path: '/v1/products/:id' },
  { method: 'GET', path: '/v1/prices' },
  { method: 'GET', path: '/v1/prices/:id' },
  { method: 'POST', path: '/v1/checkout_sessions' },
  { method: 'GET', path: '/v1/checkout_sessions/:id' },
  { method: 'POST', path: '/v1/checkout_sessions/:id' },
  { method: 'POST', path: '/v1/checkout_sessions/:id/confirm' },
  { method: 'POST', path: '/v1/checkout_sessions/:id/complete_action' },
  { method: 'POST', path: '/v1/payment_methods/tokenize' },
  { method: 'GET', path: '/v1/pricing' },
];

/**
 * The Abona HTTP app. Runtime-neutral (no Node server, no static files: see `serve.ts`), so
 * tests call `app.request()` against an in-memory database.
 *
 * Order matters: request id + log line → CORS (preflights answered without a key) → body limit
 * → auth (mode and key kind) → rate limit → idempotency → routes; errors of every layer go
 * through the one `onError`.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const config: AppConfig = { ...defaultConfig, ...deps.config };
  const log = deps.log ?? jsonLogger;
  const services = deps.services ?? createServices({ db: deps.db, clock, ids, gateway: deps.gateway, mailer: deps.mailer });

  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(log));
  app.notFound((c) => {
    throw new ApiError(404, 'invalid_request_error', 'url_invalid', `Unrecognized request URL (${c.req.method}: ${c.req.path})`);
  });
  app.use('*', requestLogger({ log, clock, ids }));
  app.use('*', corsAllowlist(config.allowedOrigins));

  app.get('/health', (c) => c.json({ status: 'ok', time: toIso(clock.now()) }));
  // Before auth: the API description is public.
  app.get('/v1/openapi.json', openApiHandler());

  app.use('/v1/*', requestBodyLimit(config.maxBodyBytes));
  // The portal has its own auth (a one-time code, then a customer-scoped token), so it is
  // mounted before API-key auth; its handlers answer before the middleware below runs.
  app.route(
    '/v1/portal',
    portalRoutes(
      {
        sessions: services.portalSessions,
        portal: services.portal,
        db: deps.db,
        clock,
        ids,
        rateLimit: config.rateLimit,
        idempotencyTtlMs: config.idempotencyTtlMs,
      },
      [
        portalLifecycleRoutes(deps.db, services.lifecycle, services.usage),
        portalPaymentMethodRoutes(services.paymentMethods),
        portalInvoiceRoutes({ db: deps.db, billing: services.billing, lifecycle: services.lifecycle, clocks: services.clocks, portal: services.portal }),
      ],
    ),
  );
  app.use('/v1/*', authenticate({ db: deps.db, publicRoutes }));
  app.use('/v1/*', rateLimit({ clock, max: config.rateLimit.max, windowMs: config.rateLimit.windowMs }));
  app.use('/v1/*', idempotency({ db: deps.db, clock, ids, ttlMs: config.idempotencyTtlMs }));

  // Catalog writes through the API drop the pricing table's cached catalog of that mode.
  for (const path of ['/v1/products/*', '/v1/prices/*']) {
    app.use(path, async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.res.status < 400) services.pricing.invalidate(c.var.auth.livemode);
    });
  }
  app.route('/v1/products', productRoutes(services.products));
  app.route('/v1/prices', priceRoutes(services.prices));
  app.route('/v1/coupons', couponRoutes(services.coupons, clock));
  app.route('/v1/promotion_codes', promotionCodeRoutes(services.promotionCodes, clock));
  app.route('/v1/customers', customerRoutes(services.customers));
  app.route('/v1/customers', entitlementRoutes(services.entitlements));
  app.route('/v1/portal_sessions', portalSessionRoutes(services.portalSessions));
  app.route('/v1/test_helpers/test_clocks', testClockRoutes(services.testClocks));
  app.route('/v1/customers', customerPaymentMethodRoutes(services.paymentMethods));
  app.route('/v1/payment_methods', tokenizeRoutes(services.paymentMethods));
  app.route('/v1/checkout_sessions', checkoutSessionRoutes(services.checkoutSessions, services.checkoutConfirmation, clock));
  app.route('/v1/subscriptions', subscriptionRoutes(services.subscriptions));
  app.route('/v1/subscriptions', subscriptionCancelRoutes(deps.db, services.lifecycle));
  app.route('/v1/subscriptions', subscriptionChangeRoutes(deps.db, services.lifecycle, services.usage));
  app.route('/v1/usage_events', usageEventRoutes(services.usage));
  app.route('/v1/invoices', invoiceRoutes(services.invoices));
  app.route('/v1/credit_notes', creditNoteRoutes(deps.db));
  app.route('/v1/webhook_endpoints', webhookEndpointRoutes(services.webhookEndpoints));
  app.route('/v1/events', eventRoutes(services.events));
  app.route('/v1/emails', emailRoutes(services.emails));
  app.route('/v1/pricing', pricingRoutes(services.pricing));
  // Before any `/v1/invoices/:id` route, so `preview` is not taken for an id.
  app.route('/v1/invoices/preview', invoicePreviewRoutes(services.invoicePreview));
  app.route('/v1/settings', settingsRoutes(services.settings));

  return app;
}
