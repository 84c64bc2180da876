// The showcase's server side, mounted by `npm start` next to the Abona API: the widget bundle at
// /widget/*, a strict Content-Security-Policy on the demo pages, and the small handler a vendor
// writes on its own backend to sign a customer into <abona-portal> with the secret key.
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixed, documented demo secret key (test mode only). A real vendor reads its own from the environment. */
const SECRET_KEY = 'sk_test_abona_demo';
const DEMO_CUSTOMER = { email: 'ana@example.ro', name: 'Ana Popescu', address: { country: 'RO', city: 'Cluj-Napoca' }, locale: 'ro' };

/** What the demo pages may load: only this origin, no inline script or style, no third party. */
export const demoCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const widgetDir = fileURLToPath(new URL('../../widget/dist/cdn', import.meta.url));
export const demoDir = fileURLToPath(new URL('../public', import.meta.url));

/** Calls the Abona API in-process with the secret key, as a vendor's backend would over HTTP. */
function apiCaller(app) {
  return async function api(method, path, body) {
    const response = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${SECRET_KEY}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await response.json();
    if (!response.ok) {
      const error = new Error(json.error?.message ?? `${method} ${path} failed with ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return json;
  };
}

/** The demo customer Ana, with a card and a Pro subscription, created once. */
async function demoCustomer(api) {
  const existing = await api('GET', `/v1/customers?email=${encodeURIComponent(DEMO_CUSTOMER.email)}&limit=1`);
  if (existing.data[0]) return existing.data[0].id;
  const customer = await api('POST', '/v1/customers', DEMO_CUSTOMER);
  const card = await api('POST', `/v1/customers/${customer.id}/payment_methods`, {
    card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' },
    set_default: true,
  });
  const prices = await api('GET', '/v1/prices?lookup_keys[]=pro_monthly');
  await api('POST', '/v1/subscriptions', {
    customer: customer.id,
    items: [{ price: prices.data[0].id, quantity: 1 }],
    default_payment_method: card.id,
  });
  return customer.id;
}

/**
 * Mounts the demo's routes on the Abona app.
 * @param {import('hono').Hono} app
 */
export function mountDemo(app) {
  const api = apiCaller(app);

  if (existsSync(widgetDir)) {
    app.use(
      '/widget/*',
      serveStatic({ root: widgetDir, rewriteRequestPath: (path) => path.replace(/^\/widget/, '') }),
    );
  }

  // The CSP header for every demo page and asset (the API's JSON answers don't need it).
  app.use('*', async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) c.res.headers.set('content-security-policy', demoCsp);
  });

  // A vendor's backend decides who the signed-in customer is; this demo trusts the page to say
  // which customer just checked out, and falls back to the demo customer. Test mode only.
  app.post('/demo/portal-session', async (c) => {
    try {
      let customer = c.req.query('customer');
      if (customer) {
        try {
          await api('GET', `/v1/customers/${encodeURIComponent(customer)}`);
        } catch {
          customer = undefined;
        }
      }
      customer ??= await demoCustomer(api);
      const returnUrl = new URL('/#portal', c.req.url).toString();
      const session = await api('POST', '/v1/portal_sessions', { customer, return_url: returnUrl });
      return c.json({ code: session.code, customer });
    } catch (error) {
      return c.json({ error: { message: String(error.message ?? error) } }, 500);
    }
  });
}
