import { expect } from '@open-wc/testing';
import { AbonaApiError } from '../api/api-error.js';
import { fetchJson } from '../api/fetch-json.js';
import { loadFailure } from './load-failure.js';

/*
 * The pricing store sends its one GET itself and leaves failures to loadFailure(), so the table's
 * errors must stay exactly those of the shared send path (fetchJson). Each answer below goes
 * through both: fetchJson with `window.fetch` answering it, loadFailure with the same answer read
 * as the store reads it.
 */
const url = new URL('/api/main/v1/pricing?currency=EUR', document.baseURI);
const json = (body: unknown, status: number) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const answers: Record<string, () => Response> = {
  'an error envelope with code and param': json({ error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'Unknown country ZZ.', param: 'country' } }, 400),
  'an envelope with a type only': json({ error: { type: 'api_error', message: 'Boom.' } }, 500),
  'a decline': json({ error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Declined.' } }, 402),
  'an error that is not JSON': () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
  'an error with an empty envelope': json({}, 404),
  'a 200 that is not JSON': () => new Response('<!doctype html>', { status: 200 }),
  'a 200 with JSON null': json(null, 200),
};

const fields = (error: unknown) => {
  expect(error).to.be.instanceOf(AbonaApiError);
  const { kind, code, message, status, param, declineCode } = error as AbonaApiError;
  return { kind, code, message, status, param, declineCode };
};

async function viaFetchJson(answer: (() => Response) | 'unreachable'): Promise<unknown> {
  const original = window.fetch;
  window.fetch = () => (answer === 'unreachable' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(answer()));
  try {
    return await fetchJson({ publishableKey: 'pk_test_x' }, url, { method: 'GET' }).then(() => undefined, (e: unknown) => e);
  } finally {
    window.fetch = original;
  }
}

describe('loadFailure', () => {
  for (const [name, answer] of Object.entries(answers)) {
    it(`explains ${name} as fetchJson does`, async () => {
      const response = answer();
      const body: unknown = await response.json().catch(() => undefined);
      expect(fields(loadFailure(url, response, body))).to.deep.equal(fields(await viaFetchJson(answer)));
    });
  }

  it('explains no answer at all as fetchJson does: a network error naming the origin', async () => {
    const expected = fields(await viaFetchJson('unreachable'));
    expect(fields(loadFailure(url, undefined, undefined))).to.deep.equal(expected);
    expect(expected).to.include({ kind: 'network', code: 'network_error', message: `Could not reach ${url.origin}.` });
  });

  it('turns JSON that fetchJson accepts but is not a pricing response into invalid_response', async () => {
    expect(await viaFetchJson(json({ object: 'list', data: [] }, 200))).to.equal(undefined);
    const error = fields(loadFailure(url, json({ object: 'list', data: [] }, 200)(), { object: 'list', data: [] }));
    expect(error).to.include({ kind: 'invalid_response', code: 'invalid_response', message: 'The pricing response does not match the contract.' });
  });
});
