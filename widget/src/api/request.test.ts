import { expect } from '@open-wc/testing';
import { demoKey, spyOnFetch } from '../../test/helpers.js';
import { AbonaApiError } from './api-error.js';
import { apiGet } from './request.js';

// /api/main is the real server (test/server/abona-server.mjs); /api/broken injects a 500 in front of it.
const target = { apiBase: '/api/main', publishableKey: demoKey, keyKind: 'publishable', keySource: 'attribute' } as const;

describe('apiGet', () => {
  it('sends the publishable key as a bearer token and encodes repeated query parameters', async () => {
    const spy = spyOnFetch();
    try {
      const body = await apiGet<{ object: string }>(target, '/v1/pricing', { currency: 'EUR', 'quantity[price_a]': 3, skip: undefined });
      expect(body.object).to.equal('pricing');
      expect(spy.calls[0]!.authorization).to.equal(`Bearer ${demoKey}`);
      expect(spy.calls[0]!.url.search).to.equal('?currency=EUR&quantity%5Bprice_a%5D=3');
    } finally {
      spy.restore();
    }
  });

  it('refuses a secret key without any request, naming the setting but not the key', async () => {
    const spy = spyOnFetch();
    try {
      const error = await apiGet({ ...target, publishableKey: 'sk_test_zzz', keyKind: 'secret' }, '/v1/pricing').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(AbonaApiError);
      expect(error).to.include({ kind: 'configuration', code: 'secret_key_in_browser', retryable: false });
      expect((error as Error).message).to.contain('the publishable-key attribute').and.not.contain('sk_test_zzz');
      expect(spy.calls).to.have.length(0);
    } finally {
      spy.restore();
    }
  });

  it('turns the error envelope into a typed error, retryable only when retrying can help', async () => {
    const unknownKey = await apiGet({ ...target, publishableKey: 'pk_test_not_issued' }, '/v1/pricing').catch((e: unknown) => e);
    expect(unknownKey).to.include({ kind: 'api', code: 'api_key_invalid', status: 401, param: undefined, retryable: false });
    const invalid = await apiGet(target, '/v1/pricing', { country: 'ZZ' }).catch((e: unknown) => e);
    expect(invalid).to.include({ kind: 'api', status: 400, param: 'country', retryable: false });
    const broken = await apiGet({ ...target, apiBase: '/api/broken' }, '/v1/pricing').catch((e: unknown) => e);
    expect(broken).to.include({ kind: 'api', code: 'internal_error', status: 500, retryable: true });
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await apiGet({ ...target, apiBase: 'http://127.0.0.1:1' }, '/v1/pricing').catch((e: unknown) => e);
    expect(error).to.include({ kind: 'network', code: 'network_error', retryable: true });
  });
});
