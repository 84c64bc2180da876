import type { AppEnv } from '../http/env.js';

/** Who is calling a `/v1/portal/*` route: one customer, through one token. */
export interface PortalContext {
  customerId: string;
  livemode: boolean;
  tokenId: string;
  sessionId: string;
}

/**
 * Hono's environment for portal routes: `c.var.portal` is the only scope a portal route may
 * use; every read and write filters by its `customerId` and `livemode`. (`c.var.auth` is also
 * set, to the token, so the shared rate-limit and idempotency middleware key by it.)
 */
export interface PortalEnv {
  Variables: AppEnv['Variables'] & { portal: PortalContext };
}
