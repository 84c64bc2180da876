import { describeError } from '@abona/api';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { InvalidRequest } from '../errors/index.js';

/** Validates `value` with `schema`; a failure is a 400 naming the first parameter at fault. */
export function validate<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const { param, message } = describeError(result.error);
    throw new InvalidRequest(message, param);
  }
  return result.data;
}

/**
 * The JSON body of a request, validated. An empty body counts as `{}` (so a POST with nothing
 * to say is allowed); a non-empty body must be `application/json` and parse.
 */
export async function readBody<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    const contentType = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
      throw new InvalidRequest('Content-Type must be application/json', undefined, 'invalid_content_type');
    }
    try {
      value = JSON.parse(text);
    } catch {
      throw new InvalidRequest('The request body is not valid JSON', undefined, 'invalid_json');
    }
  }
  return validate(schema, value);
}

export interface QueryShape {
  /** Parameters that may repeat (`lookup_keys=a&lookup_keys=b`, or `lookup_keys[]=…`). */
  arrays?: readonly string[];
  booleans?: readonly string[];
  integers?: readonly string[];
}

/**
 * The query string as an object for a list schema: repeated keys become arrays where the shape
 * says so, `"true"`/`"false"` booleans, digit strings integers. Anything else stays a string so
 * the schema reports it.
 */
export function readQuery<S extends z.core.$ZodType>(c: Context, schema: S, shape: QueryShape = {}): z.output<S> {
  const arrays = new Set(shape.arrays ?? []);
  const booleans = new Set(shape.booleans ?? ['active']);
  const integers = new Set(shape.integers ?? ['limit']);
  const raw = c.req.queries();
  const value: Record<string, unknown> = {};
  for (const [rawKey, values] of Object.entries(raw)) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    if (arrays.has(key)) {
      value[key] = [...((value[key] as string[] | undefined) ?? []), ...values];
      continue;
    }
    if (values.length > 1) throw new InvalidRequest(`Parameter ${key} may be given only once`, key);
    const text = values[0] ?? '';
    if (booleans.has(key) && (text === 'true' || text === 'false')) value[key] = text === 'true';
    else if (integers.has(key) && /^\d{1,15}$/.test(text)) value[key] = Number(text);
    else value[key] = text;
  }
  return validate(schema, value);
}
