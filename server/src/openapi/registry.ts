import type * as z from 'zod/mini';

/** Who may call a route: no key, a publishable key (browser), or a secret key (vendor backend). */
export type RouteAuth = 'none' | 'publishable' | 'secret';

/**
 * One route of the API as the OpenAPI document describes it, with the very zod schemas the
 * route validates with and answers in. `path` is written as Hono mounts it (`/v1/prices/:id`).
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  path: string;
  summary: string;
  /** Grouping in the document (`Catalog`, `Billing`…). */
  tag: string;
  auth: RouteAuth;
  query?: z.core.$ZodType;
  body?: z.core.$ZodType;
  /** The 200 answer; absent for routes answering something else than JSON. */
  response?: z.core.$ZodType;
}

const registered: RouteSpec[] = [];

/**
 * Adds routes to the OpenAPI document. New resources register theirs with one line next to their
 * mounting, e.g. `registerRoutes(checkoutSpecs)`, or append to `routes.ts`. A test checks that
 * every route mounted on the app is described.
 */
export function registerRoutes(...specs: RouteSpec[]): void {
  for (const spec of specs) {
    const at = registered.findIndex((r) => r.method === spec.method && r.path === spec.path);
    if (at >= 0) registered[at] = spec;
    else registered.push(spec);
  }
}

/** Every registered route, in registration order. */
export function registeredRoutes(): readonly RouteSpec[] {
  return registered;
}
