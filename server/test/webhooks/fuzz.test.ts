import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { setup, type Harness } from '../helpers.js';
import { addEvent } from './events.js';

let h: Harness;
let endpointId: string;
let eventId: string;
beforeAll(async () => {
  h = await setup();
  endpointId = (await h.json<{ id: string }>('POST', '/v1/webhook_endpoints', { body: { url: 'https://shop.example.com/h', enabled_events: ['*'] } })).id;
  eventId = await addEvent(h);
});

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    '*',
    ['*'],
    [],
    ['invoice.paid', '*'],
    'https://shop.example.com/h',
    'http://localhost:1/x',
    'http://[::1]:9/x',
    'https://user:pw@x.example/',
    'javascript:alert(1)',
    'enabled',
    'disabled',
    null,
    -1,
    1e308,
    '__proto__',
  ),
);

function bodies(fields: string[]) {
  return fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), nasty, { maxKeys: 6 });
}

async function expectNo500(method: string, path: string, body: unknown) {
  const res = await h.call(method, path, { body });
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  if (res.status >= 400) {
    const envelope = (await res.json()) as { error: { type: string } };
    expect(envelope.error.type).toBe('invalid_request_error');
  }
}

describe('fuzzed webhook and event requests never cause a 500', () => {
  it('POST /v1/webhook_endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(['url', 'enabled_events', 'description']), (body) => expectNo500('POST', '/v1/webhook_endpoints', body)),
      { numRuns: 200 },
    );
  });

  it('POST /v1/webhook_endpoints/:id', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(['url', 'enabled_events', 'description', 'status']), (body) => expectNo500('POST', `/v1/webhook_endpoints/${endpointId}`, body)),
      { numRuns: 200 },
    );
  });

  it('POST /v1/events/:id/redeliver', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(['endpoint']), (body) => expectNo500('POST', `/v1/events/${eventId}/redeliver`, body)),
      { numRuns: 100 },
    );
  });

  it('list queries', async () => {
    const paths = ['/v1/events', '/v1/emails', '/v1/webhook_endpoints', `/v1/webhook_endpoints/${endpointId}/deliveries`];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom('type', 'limit', 'starting_after', 'ending_before', 'customer', 'template', 'status', 'x'), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('invoice.*', '*', '0', '101', 'receipt', 'failed'))),
        async (path, query) => {
          const res = await h.call('GET', `${path}?${new URLSearchParams(query).toString()}`);
          expect(res.status, await res.clone().text()).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
