import { ErrorEnvelope } from '@abona/api';
import * as z from 'zod/mini';
import type { RouteSpec } from './registry.js';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, as the client sends it (`io: input`) or receives it. */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** `/v1/prices/:id` → `/v1/prices/{id}`, and the names of its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function queryParameters(schema: z.core.$ZodType): JsonSchema[] {
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    // `quantity[price_1]=3`: objects travel as deep objects, Stripe style.
    ...(property.type === 'object' ? { style: 'deepObject', explode: true } : {}),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function operation(spec: RouteSpec, pathParams: string[]): JsonSchema {
  const parameters = [
    ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(spec.query ? queryParameters(spec.query) : []),
  ];
  const op: JsonSchema = {
    operationId: `${spec.method.toLowerCase()}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
    summary: spec.summary,
    tags: [spec.tag],
    security:
      spec.auth === 'none'
        ? []
        : spec.auth === 'publishable'
          ? [{ secretKey: [] }, { publishableKey: [] }]
          : [{ secretKey: [] }],
    responses: {
      '200': spec.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } },
          }
        : { description: 'OK' },
      default: errorResponse,
    },
  };
  if (parameters.length > 0) op.parameters = parameters;
  if (spec.body) {
    op.requestBody = {
      required: false,
      content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
    };
    op.parameters = [
      ...((op.parameters as unknown[] | undefined) ?? []),
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } },
    ];
  }
  return op;
}

/** The OpenAPI 3.1 document of `routes`, generated from the zod schemas the routes validate with. */
export function openApiDocument(
  routes: readonly RouteSpec[],
  info: { version: string; serverUrl?: string } = { version: '0.1.0' },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const { path, params } = openApiPath(spec.path);
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operation(spec, params);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Abona API',
      version: info.version,
      description:
        'Subscription billing: catalog, pricing, checkout, subscriptions, invoices. Stripe-shaped JSON over HTTP; amounts are integer minor units.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorEnvelope, 'output') },
      securitySchemes: {
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: '`sk_test_…` / `sk_live_…`: the vendor backend, every route.',
        },
        publishableKey: {
          type: 'http',
          scheme: 'bearer',
          description: '`pk_test_…` / `pk_live_…`: the browser, public catalog and checkout routes.',
        },
      },
    },
    security: [{ secretKey: [] }],
  };
}
