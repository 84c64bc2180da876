import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the listed origins only: an allowed origin is echoed back, any other gets no
 * `Access-Control-Allow-Origin` (so its browser blocks the call). `*` in the list allows any,
 * which is safe here because auth is a bearer key, never a cookie.
 * Preflights are answered before auth, so they need no key.
 *
 * @example app.use('*', corsAllowlist(['https://shop.example.com']))
 */
export function corsAllowlist(origins: readonly string[]): MiddlewareHandler {
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`corsAllowlist: "${origin}" is not an origin`);
  }
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (any ? '*' : allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['Request-Id', 'Idempotent-Replayed', 'Retry-After'],
    maxAge: 600,
  });
}
