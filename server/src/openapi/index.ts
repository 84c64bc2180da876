import type { Handler } from 'hono';
import { openApiDocument } from './document.js';
import { registeredRoutes } from './registry.js';
import { registerCoreRoutes } from './routes.js';

export { openApiDocument } from './document.js';
export { registerRoutes, registeredRoutes, type RouteAuth, type RouteSpec } from './registry.js';
export { registerCoreRoutes } from './routes.js';

/**
 * `GET /v1/openapi.json`, no key needed. The document is built on the first request (after every
 * route has registered) and rebuilt only when the registry grew.
 */
export function openApiHandler(): Handler {
  registerCoreRoutes();
  let cached: { count: number; body: string } | undefined;
  return (c) => {
    const routes = registeredRoutes();
    if (!cached || cached.count !== routes.length)
      cached = { count: routes.length, body: JSON.stringify(openApiDocument(routes)) };
    return c.body(cached.body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  };
}
