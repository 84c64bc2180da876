import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client.js';
import { apiKeys } from '../../db/schema.js';
import { Forbidden, Unauthorized } from '../../errors/index.js';
import type { AppEnv } from '../../http/env.js';
import { keyCacheFor } from '../../keys/cache.js';
import { hashKey, parseKey } from '../../keys/index.js';

/** A route a publishable key may call: `{ method: 'GET', path: '/v1/prices/:id' }`. */
export interface PublicRoute {
  method: string;
  path: string;
}

export interface AuthOptions {
  db: Db;
  /** Everything else needs a secret key. */
  publicRoutes: readonly PublicRoute[];
}

/** `/v1/prices/:id` matches `/v1/prices/price_1`; segments must line up one for one. */
export function matchesRoute(pattern: string, path: string): boolean {
  return compileRoute(pattern)(splitPath(path));
}

function splitPath(path: string): string[] {
  return path.replace(/\/+$/, '').split('/');
}

/** The pattern split once, so a request only splits its own path. */
function compileRoute(pattern: string): (got: readonly string[]) => boolean {
  const want = pattern.split('/');
  return (got) => want.length === got.length && want.every((segment, i) => (segment.startsWith(':') ? (got[i] ?? '') !== '' : segment === got[i]));
}

/**
 * Bearer-key authentication. Keys are looked up by their SHA-256; a missing or unknown key is a
 * 401, a publishable key outside the public routes a 403. Sets `c.var.auth` (mode and kind) for
 * everything downstream, so every query can filter by `livemode`.
 *
 * Active keys are cached per database for a few seconds ({@link keyCacheFor}): the lookup was
 * the most expensive part of a keyed read. Revoking through the key repository drops the entry.
 *
 * Default-deny: a new route is secret until it is listed as public.
 *
 * @example app.use('/v1/*', authenticate({ db, publicRoutes: [{ method: 'GET', path: '/v1/prices' }] }))
 */
export function authenticate(options: AuthOptions): MiddlewareHandler<AppEnv> {
  const { db } = options;
  const publicRoutes = options.publicRoutes.map((route) => ({ method: route.method, matches: compileRoute(route.path) }));
  const cache = keyCacheFor(db);
  const lookup = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare();
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new Unauthorized('No API key provided: send "Authorization: Bearer <key>"', 'api_key_missing');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const key = match?.[1];
    const parsed = key === undefined ? undefined : parseKey(key);
    if (key === undefined || !parsed) throw new Unauthorized();
    const keyHash = hashKey(key);
    let row = cache.get(keyHash);
    if (!row) {
      [row] = await lookup.all({ keyHash });
      if (row) cache.set(keyHash, row);
    }
    // The stored kind and mode are the truth; a prefix that disagrees means a forged key.
    if (!row || row.kind !== parsed.kind || row.livemode !== parsed.livemode) throw new Unauthorized();
    if (row.kind === 'publishable') {
      const method = c.req.method;
      const path = splitPath(c.req.path);
      const allowed = publicRoutes.some((route) => route.method === method && route.matches(path));
      if (!allowed) {
        throw new Forbidden('This request needs a secret key; publishable keys may only read the catalog and run checkout', 'secret_key_required');
      }
    }
    c.set('auth', { keyId: row.id, keyHash, kind: row.kind, livemode: row.livemode });
    await next();
  };
}
