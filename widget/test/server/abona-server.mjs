/*
 * The real Abona server for browser tests and the benchmark: `createApp` from the built
 * `@abona/server` on in-memory libSQL, seeded with a catalog and the documented demo keys
 * (pk_test_abona_demo / sk_test_abona_demo). No mocked API: the widget talks to the routes,
 * auth, validation and price resolution that vendors run.
 */
import {
  apiKeyRepository,
  createApp,
  createDb,
  createServices,
  demoCatalogPath,
  demoKeys,
  randomIds,
  readCatalogFile,
  seedCatalog,
  seedDemo,
  silentLogger,
  systemClock,
} from '@abona/server';
import { readFile } from 'node:fs/promises';

/** Catalogs the tests can ask for: the server's own demo, and the widget's test catalogs. */
export const catalogNames = ['demo', 'main', 'models', 'empty'];

/** The server's demo catalog file, parsed (the benchmark takes its three plans). */
export async function demoCatalog() {
  return readCatalogFile(demoCatalogPath);
}

async function catalogFile(name) {
  if (name === 'empty') return { products: [] };
  return JSON.parse(await readFile(new URL(`./catalogs/${name}.json`, import.meta.url), 'utf8'));
}

/**
 * Starts one app on its own in-memory database, seeded in test mode with a named catalog or a
 * catalog file's contents.
 * @param {'demo' | 'main' | 'models' | 'empty' | object} catalog
 * @returns {Promise<{ fetch(request: Request): Promise<Response>, close(): void }>}
 */
export async function startAbonaServer(catalog) {
  const handle = await createDb(':memory:');
  const deps = { db: handle.db, clock: systemClock, ids: randomIds };
  const services = createServices(deps);
  if (catalog === 'demo') {
    await seedDemo({ ...deps, services });
  } else {
    const keys = apiKeyRepository(handle.db, randomIds);
    await keys.ensure(demoKeys.publishable, systemClock.now(), 'widget tests');
    await keys.ensure(demoKeys.secret, systemClock.now(), 'widget tests');
    await seedCatalog(services, false, typeof catalog === 'string' ? await catalogFile(catalog) : catalog);
  }
  // A test page fires far more requests per second than a visitor; the limiter has its own tests.
  const app = createApp({ ...deps, log: silentLogger, config: { rateLimit: { max: 1_000_000, windowMs: 1000 } } });
  return { fetch: (request) => app.fetch(request), close: () => handle.close() };
}

let exchanges = 0;

/** Copies a Node/Koa request into a fetch Request for the app, at `path` (e.g. `/v1/pricing?…`). */
async function toRequest(ctx, path) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const method = ctx.method;
  let body;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  // Every test page exchanges portal codes from one address, far more than the per-address
  // limit a visitor gets (30 a minute); the limiter has its own server tests.
  if (path.startsWith('/v1/portal/token') && !headers.has('x-forwarded-for')) headers.set('x-forwarded-for', `10.0.${(exchanges >> 8) & 255}.${exchanges++ & 255}`);
  return new Request(new URL(path, 'http://abona.test'), { method, headers, body });
}

const internalError = JSON.stringify({ error: { type: 'api_error', code: 'internal_error', message: 'Something went wrong.' } });

/**
 * A web-test-runner plugin and middleware mounting real servers under the dev server's own
 * origin (so there is no CORS question): `<mount>/<catalog>/v1/…` reaches the app seeded with
 * that catalog. Faults a healthy server never shows are injected in front of the real app:
 *   <mount>/slow/…           the main catalog after 400 ms
 *   <mount>/flaky/<id>/…     a 500 envelope on the first request for <id>, then the main catalog
 *   <mount>/broken/…         always a 500 envelope
 *
 * @example
 * const abona = abonaServer();
 * export default { plugins: [abona.plugin], middleware: [abona.middleware] };
 */
export function abonaServer({ mount = '/api' } = {}) {
  /** @type {Promise<Record<string, Awaited<ReturnType<typeof startAbonaServer>>>> | undefined} */
  let servers;
  const start = () =>
    (servers ??= Promise.all(catalogNames.map(async (name) => [name, await startAbonaServer(name)])).then(Object.fromEntries));
  const failedOnce = new Set();
  const pattern = new RegExp(`^${mount}/([a-z]+)(?:/([\\w-]+))?(/v1/.*)$`);

  async function middleware(ctx, next) {
    const match = pattern.exec(ctx.path);
    if (!match) return next();
    let [, scenario, id, path] = match;
    if (!catalogNames.includes(scenario) && !['slow', 'flaky', 'broken'].includes(scenario)) return next();
    // Only flaky/<id> takes an id; elsewhere the second segment belongs to the path.
    if (id !== undefined && scenario !== 'flaky') path = `/${id}${path}`;
    const search = ctx.querystring ? `?${ctx.querystring}` : '';
    if (scenario === 'broken' || (scenario === 'flaky' && !failedOnce.has(id))) {
      failedOnce.add(id);
      ctx.status = 500;
      ctx.type = 'application/json';
      ctx.body = internalError;
      return undefined;
    }
    if (scenario === 'slow') await new Promise((resolve) => setTimeout(resolve, 400));
    const app = (await start())[catalogNames.includes(scenario) ? scenario : 'main'];
    const response = await app.fetch(await toRequest(ctx, `${path}${search}`));
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
    return undefined;
  }

  const plugin = {
    name: 'abona-server',
    // Seed while the browser starts, so the first test does not wait for migrations.
    async serverStart() {
      await start();
    },
    async serverStop() {
      if (servers) for (const server of Object.values(await servers)) server.close();
    },
  };

  return { plugin, middleware };
}
