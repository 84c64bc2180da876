import { PricingQuery } from '@abona/api';
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { InvalidRequest } from '../../errors/index.js';
import { validate } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import type { PricingService } from './service.js';

/**
 * The query of `GET /v1/pricing` as an object: `business=true` a boolean, `quantity[price_1]=3`
 * into `quantity: { price_1: 3 }`. Anything malformed is left for the schema to name.
 */
export function pricingQueryOf(c: Context): unknown {
  const out: Record<string, unknown> = {};
  const quantity: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) throw new InvalidRequest(`Parameter ${key} may be given only once`, key);
    const text = values[0] ?? '';
    const seat = /^quantity\[(.+)\]$/.exec(key);
    if (seat?.[1] !== undefined) quantity[seat[1]] = /^\d{1,9}$/.test(text) ? Number(text) : text;
    else if (key === 'business') out[key] = text === 'true' ? true : text === 'false' ? false : text;
    else out[key] = text;
  }
  if (Object.keys(quantity).length > 0) out.quantity = quantity;
  return out;
}

/**
 * `GET /v1/pricing` (publishable key allowed). Answers are the same for the same key, query and
 * hints within a catalog version, so they carry an ETag and a short private max-age.
 */
export function pricingRoutes(service: PricingService) {
  // The service hands out the same object for a cached answer: serialize and hash it once.
  const encoded = new WeakMap<object, { body: string; etag: string }>();
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = validate(PricingQuery, pricingQueryOf(c));
    const pricing = await service.resolve(c.var.auth.livemode, query, {
      cfIpCountry: c.req.header('cf-ipcountry'),
      xCountry: c.req.header('x-country'),
      acceptLanguage: c.req.header('accept-language'),
    });
    let known = encoded.get(pricing);
    if (!known) {
      const text = JSON.stringify(pricing);
      known = { body: text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
      encoded.set(pricing, known);
    }
    const { body, etag } = known;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, max-age=30');
    c.header('Vary', 'Authorization, CF-IPCountry, X-Country, Accept-Language');
    const match = c.req.header('if-none-match');
    if (match !== undefined && match.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304);
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
}
