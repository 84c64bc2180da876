import { PortalCustomerUpdateParams, PortalListParams, PortalTokenParams } from '@abona/api';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import { ApiError } from '../errors/index.js';
import { readBody, readQuery } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { toList } from '../http/pagination.js';
import type { IdGenerator } from '../ids/index.js';
import { idempotency } from '../middleware/idempotency/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { toEntitlementList } from '../resources/entitlements/serialize.js';
import { toPortalToken } from '../resources/portal-sessions/serialize.js';
import type { PortalSessionService } from '../resources/portal-sessions/service.js';
import { clientAddress, portalAuth } from './auth.js';
import type { PortalEnv } from './env.js';
import { hashSecret } from './secrets.js';
import {
  toPortalCustomer,
  toPortalInvoice,
  toPortalPaymentMethod,
  toPortalSubscription,
} from './serialize.js';
import type { PortalService } from './service.js';
import { registerRoutes } from '../openapi/registry.js';
import { portalSpecs } from './openapi.js';

/** Limits of `POST /v1/portal/token`: per client address, and per code (a replayed code). */
export interface ExchangeLimits {
  perAddress: { max: number; windowMs: number };
  perCode: { max: number; windowMs: number };
}
export const defaultExchangeLimits: ExchangeLimits = {
  perAddress: { max: 30, windowMs: 60_000 },
  perCode: { max: 5, windowMs: 60_000 },
};

export interface PortalRouteDeps {
  sessions: PortalSessionService;
  portal: PortalService;
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  /** The app's per-caller limit, applied per portal token. */
  rateLimit: { max: number; windowMs: number };
  idempotencyTtlMs: number;
  exchangeLimits?: ExchangeLimits;
}

/**
 * More portal routes, from other modules (plan changes, cancel, pause, usage, payment-method
 * changes). Each is a router on `PortalEnv` with full sub-paths (`/subscriptions/:id/cancel`);
 * it runs after token auth, so `c.var.portal` (customer + mode) is set, and it must scope
 * every read and write by it. A foreign object is a 404, never a 403.
 */
export type PortalExtension = Hono<PortalEnv>;

/** Reads the body's `code` once (Hono caches the body), for the per-code limiter. */
const codeKeys = new WeakMap<Request, string>();
function rememberCode(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      const body = JSON.parse(await c.req.text()) as unknown;
      const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
      if (typeof code === 'string') codeKeys.set(c.req.raw, hashSecret(code));
    } catch {
      // Not JSON: the schema check answers it.
    }
    await next();
  };
}

/**
 * `/v1/portal`: the customer portal's API, mounted before API-key auth (it has its own).
 *
 * `POST /token` needs no API key: the one-time code is the credential (≥128 bits, single use,
 * short-lived), and the browser holding it may not have any key. An `Authorization` header
 * there is ignored. Every other route needs `Authorization: Bearer <portal token>` and sees
 * only that token's customer.
 */
export function portalRoutes(
  deps: PortalRouteDeps,
  extensions: readonly PortalExtension[] = [],
): Hono<PortalEnv> {
  registerRoutes(...portalSpecs);
  const { sessions, portal, clock } = deps;
  const limits = deps.exchangeLimits ?? defaultExchangeLimits;
  const perAddress = rateLimit({
    clock,
    ...limits.perAddress,
    keyOf: (c) => `portal-token address ${clientAddress(c)}`,
  });
  const perCodeLimit = rateLimit({
    clock,
    ...limits.perCode,
    keyOf: (c) => `portal-token code ${codeKeys.get(c.req.raw) ?? ''}`,
  });
  const perCode: MiddlewareHandler<AppEnv> = async (c, next) =>
    codeKeys.has(c.req.raw) ? perCodeLimit(c, next) : next();

  const router = new Hono<PortalEnv>()
    .post('/token', perAddress, rememberCode(), perCode, async (c) => {
      const params = await readBody(c, PortalTokenParams);
      return c.json(toPortalToken(await sessions.exchange(params.code)));
    })
    .use('*', portalAuth(sessions))
    .use('*', rateLimit({ clock, ...deps.rateLimit }))
    .use('*', idempotency({ db: deps.db, clock, ids: deps.ids, ttlMs: deps.idempotencyTtlMs }))
    .post('/logout', async (c) => {
      await sessions.logout(c.var.portal.tokenId);
      return c.json({ object: 'portal_token' as const, revoked: true as const });
    })
    .get('/customer', async (c) => c.json(toPortalCustomer(await portal.customer(c.var.portal))))
    .post('/customer', async (c) => {
      const params = await readBody(c, PortalCustomerUpdateParams);
      return c.json(toPortalCustomer(await portal.updateCustomer(c.var.portal, params)));
    })
    .get('/subscriptions', async (c) => {
      const page = await portal.listSubscriptions(c.var.portal, readQuery(c, PortalListParams));
      return c.json(
        toList(page, '/v1/portal/subscriptions', (row) => toPortalSubscription(row, page.prices)),
      );
    })
    .get('/subscriptions/:id', async (c) => {
      const { row, prices } = await portal.subscription(c.var.portal, c.req.param('id'));
      return c.json(toPortalSubscription(row, prices));
    })
    .get('/invoices', async (c) => {
      const page = await portal.listInvoices(c.var.portal, readQuery(c, PortalListParams));
      return c.json(toList(page, '/v1/portal/invoices', (view) => toPortalInvoice(view.invoice, view.lines)));
    })
    .get('/invoices/:id', async (c) => {
      const view = await portal.invoice(c.var.portal, c.req.param('id'));
      return c.json(toPortalInvoice(view.invoice, view.lines));
    })
    .get('/payment_methods', async (c) => {
      const { rows, defaultId } = await portal.paymentMethods(c.var.portal);
      return c.json(
        toList({ rows, hasMore: false }, '/v1/portal/payment_methods', (row) =>
          toPortalPaymentMethod(row, defaultId),
        ),
      );
    })
    .get('/entitlements', async (c) =>
      c.json(toEntitlementList(await portal.entitlements(c.var.portal), '/v1/portal/entitlements')),
    )
    .get('/config', async (c) => c.json(await portal.config(c.var.portal)));

  for (const extension of extensions) router.route('/', extension);
  // Unknown portal paths end here, so they never fall through to API-key auth.
  router.all('*', (c) => {
    throw new ApiError(
      404,
      'invalid_request_error',
      'url_invalid',
      `Unrecognized request URL (${c.req.method}: ${c.req.path})`,
    );
  });
  return router;
}
