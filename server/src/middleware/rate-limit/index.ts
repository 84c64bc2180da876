import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock/index.js';
import { RateLimited } from '../../errors/index.js';
import type { AppEnv } from '../../http/env.js';

export interface RateLimitOptions {
  clock: Clock;
  /** Requests allowed per window and bucket. */
  max: number;
  windowMs: number;
  /**
   * The bucket of a request. Default: the caller's key hash (or client address) plus the
   * method and route pattern, so each route of each key has its own budget.
   */
  keyOf?: (c: Context<AppEnv>) => string;
}

function defaultKeyOf(c: Context<AppEnv>): string {
  const caller = c.get('auth')?.keyHash ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'anonymous';
  return `${caller} ${c.req.method} ${c.req.routePath}`;
}

/**
 * A fixed-window limiter: at most `max` requests per bucket in each `windowMs` window, then 429
 * with `Retry-After`. Counts live in this process; behind several replicas each has its own.
 *
 * @example app.post('/v1/portal/token', rateLimit({ clock, max: 10, windowMs: 60_000 }), handler)
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { clock, max, windowMs } = options;
  if (!Number.isInteger(max) || max < 1) throw new Error('rateLimit: max must be a positive integer');
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error('rateLimit: windowMs must be a positive integer');
  const keyOf = options.keyOf ?? defaultKeyOf;
  const buckets = new Map<string, { windowStart: number; count: number }>();
  return async (c, next) => {
    const nowMs = clock.now();
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    const key = keyOf(c);
    const bucket = buckets.get(key);
    if (!bucket || bucket.windowStart !== windowStart) {
      // Forget finished windows now and then so the map cannot grow without bound.
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (b.windowStart !== windowStart) buckets.delete(k);
      buckets.set(key, { windowStart, count: 1 });
    } else if (bucket.count >= max) {
      throw new RateLimited(Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000)));
    } else {
      bucket.count += 1;
    }
    await next();
  };
}
