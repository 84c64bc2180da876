import { describe, expect, it } from 'vitest';
import { openApiDocument, registerRoutes, registeredRoutes } from '../../src/openapi/index.js';
import { setup } from '../helpers.js';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
        requestBody?: unknown;
        parameters?: { name: string; in: string }[];
      }
    >
  >;
};

/** `/v1/prices/:id` → `/v1/prices/{id}`; Hono mounts `'/'` under a prefix with or without a trailing slash. */
const toOpenApiPath = (path: string) =>
  (path.length > 1 ? path.replace(/\/$/, '') : path).replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a key', async () => {
    const h = await setup();
    const res = await h.call('GET', '/v1/openapi.json', { key: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    // Request and response schemas come from the zod schemas of @abona/api.
    const pricing = doc.paths['/v1/pricing']?.get;
    expect(pricing?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['country', 'currency', 'quantity']),
    );
    const pricingSchema = pricing?.responses['200']?.content?.['application/json']?.schema;
    expect(pricingSchema?.required).toEqual(expect.arrayContaining(['object', 'currency', 'products']));
    expect(doc.paths['/v1/invoices/preview']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/v1/prices/{id}']?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]),
    );
    h.close();
  });

  it('describes every route mounted on the app (add yours in server/src/openapi/routes.ts)', async () => {
    const h = await setup();
    await h.call('GET', '/v1/openapi.json', { key: null });
    const described = new Set(registeredRoutes().map((r) => `${r.method} ${toOpenApiPath(r.path)}`));
    const mounted = [
      ...new Set(
        h.app.routes
          .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
          .map((r) => `${r.method} ${toOpenApiPath(r.path)}`),
      ),
    ];
    const missing = mounted.filter((route) => !described.has(route));
    expect(missing, `routes without an OpenAPI description: ${missing.join(', ')}`).toEqual([]);
    const doc = openApiDocument(registeredRoutes()) as Doc;
    for (const route of mounted) {
      const [method = '', path = ''] = route.split(' ');
      expect(doc.paths[path]?.[method.toLowerCase()], route).toBeDefined();
    }
    h.close();
  });

  it('lets a new route register with one line', () => {
    registerRoutes({
      method: 'GET',
      path: '/v1/widgets/:id',
      summary: 'A widget',
      tag: 'Test',
      auth: 'secret',
    });
    const doc = openApiDocument(registeredRoutes()) as Doc;
    expect(doc.paths['/v1/widgets/{id}']?.get).toBeDefined();
  });
});
