import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { verifierFromEnv, viesResult, viesVerifier } from '../../src/tax-ids/index.js';
import { startViesStandIn, type ViesStandIn } from './vies-standin.js';

let vies: ViesStandIn;
beforeAll(async () => {
  vies = await startViesStandIn({
    DE136695976: 'valid',
    DE111111125: 'invalid',
    FR40303265045: 'ms_unavailable',
    IT00743110157: 'service_unavailable',
    NL004495445B01: 'timeout',
    BE0403170701: 'garbage',
    ATU13585627: 'hang',
    EL094259216: 'valid',
  });
});
afterAll(() => vies.close());

const opts = { timeoutMs: 2000 };

describe('viesVerifier against a local VIES stand-in', () => {
  it('valid → verified with the registered name and address; the request is VIES-shaped', async () => {
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    expect(verifier.types).toEqual(['eu_vat']);
    const result = await verifier.verify('eu_vat', 'DE136695976', opts);
    expect(result).toEqual({ status: 'verified', name: 'MUSTER GMBH', address: 'MUSTERSTR. 1\n10115 BERLIN' });
    expect(vies.requests.at(-1)).toEqual({ countryCode: 'DE', vatNumber: '136695976' });
  });

  it('Greece is asked as EL, as the number is written', async () => {
    const result = await viesVerifier({ baseUrl: `${vies.baseUrl}/` }).verify('eu_vat', 'EL094259216', opts);
    expect(result.status).toBe('verified');
    expect(vies.requests.at(-1)).toEqual({ countryCode: 'EL', vatNumber: '094259216' });
  });

  it('valid: false → unverified', async () => {
    expect(await viesVerifier({ baseUrl: vies.baseUrl }).verify('eu_vat', 'DE111111125', opts)).toEqual({ status: 'unverified' });
  });

  it('MS_UNAVAILABLE (200 + userError), SERVICE_UNAVAILABLE and TIMEOUT (500 + errorWrappers), a non-JSON body → unavailable', async () => {
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    for (const id of ['FR40303265045', 'IT00743110157', 'NL004495445B01', 'BE0403170701']) {
      expect(await verifier.verify('eu_vat', id, opts), id).toEqual({ status: 'unavailable' });
    }
  });

  it('a VIES that never answers → unavailable at the caller’s deadline, the request aborted', async () => {
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const started = performance.now();
    const result = await verifier.verify('eu_vat', 'ATU13585627', { timeoutMs: 150 });
    const elapsedMs = performance.now() - started;
    expect(result).toEqual({ status: 'unavailable' });
    expect(elapsedMs).toBeGreaterThanOrEqual(140);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('its own timeoutMs caps a longer deadline asked by the caller', async () => {
    const started = performance.now();
    const result = await viesVerifier({ baseUrl: vies.baseUrl, timeoutMs: 100 }).verify('eu_vat', 'ATU13585627', { timeoutMs: 60_000 });
    expect(result.status).toBe('unavailable');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a fetch that ignores its abort signal still cannot hold the caller', async () => {
    const stuck = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    const started = performance.now();
    expect(await viesVerifier({ fetch: stuck }).verify('eu_vat', 'DE136695976', { timeoutMs: 80 })).toEqual({ status: 'unavailable' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a network error (nothing listens) and a wrong path (404) → unavailable, never a rejection', async () => {
    const closed = await startViesStandIn();
    const url = closed.baseUrl;
    await closed.close();
    expect(await viesVerifier({ baseUrl: url }).verify('eu_vat', 'DE136695976', opts)).toEqual({ status: 'unavailable' });
    expect(await viesVerifier({ baseUrl: `${vies.baseUrl}/nope` }).verify('eu_vat', 'DE136695976', opts)).toEqual({ status: 'unavailable' });
  });

  it('other types (and malformed EU numbers) are not checkable online: unavailable, nothing sent', async () => {
    const before = vies.requests.length;
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    expect(await verifier.verify('gb_vat', 'GB980780684', opts)).toEqual({ status: 'unavailable' });
    expect(await verifier.verify('eu_vat', '123', opts)).toEqual({ status: 'unavailable' });
    expect(vies.requests.length).toBe(before);
  });
});

describe('viesResult', () => {
  it('reads the documented shapes', () => {
    expect(viesResult(200, { valid: true, name: '---', address: '---' })).toEqual({ status: 'verified' });
    expect(viesResult(200, { valid: true, name: ' ACME SRL ', address: '' })).toEqual({ status: 'verified', name: 'ACME SRL' });
    expect(viesResult(200, { valid: false, userError: 'INVALID' })).toEqual({ status: 'unverified' });
    expect(viesResult(400, { actionSucceed: false, errorWrappers: [{ error: 'INVALID_INPUT' }] })).toEqual({ status: 'unverified' });
    for (const error of ['MS_UNAVAILABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE', 'MS_MAX_CONCURRENT_REQ', 'GLOBAL_MAX_CONCURRENT_REQ']) {
      expect(viesResult(200, { valid: false, userError: error })).toEqual({ status: 'unavailable' });
      expect(viesResult(500, { actionSucceed: false, errorWrappers: [{ error }] })).toEqual({ status: 'unavailable' });
    }
    // A 5xx is no answer about the number, whatever its body says.
    expect(viesResult(503, { valid: false })).toEqual({ status: 'unavailable' });
    expect(viesResult(200, { valid: 'yes' })).toEqual({ status: 'unavailable' });
  });

  it('never throws, and only `valid: true` on a 2xx without an error verifies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.oneof(fc.jsonValue(), fc.record({ valid: fc.jsonValue(), userError: fc.jsonValue(), name: fc.jsonValue() }, { requiredKeys: [] })), (status, body) => {
        const result = viesResult(status, body);
        if (result.status === 'verified') {
          expect(status >= 200 && status < 300).toBe(true);
          expect((body as { valid?: unknown }).valid).toBe(true);
        }
      }),
    );
  });
});

describe('verifierFromEnv', () => {
  it('is off by default (no internet in CI) and when off', () => {
    expect(verifierFromEnv({})).toBeUndefined();
    expect(verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'off' })).toBeUndefined();
    expect(verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: ' ' })).toBeUndefined();
  });

  it('vies → the VIES verifier, at ABONA_VIES_URL when given', async () => {
    expect(verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'VIES' })?.name).toBe('vies');
    const verifier = verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'vies', ABONA_VIES_URL: vies.baseUrl });
    expect(await verifier?.verify('eu_vat', 'DE136695976', opts)).toMatchObject({ status: 'verified' });
  });

  it('a bad value stops the start with a message naming the variable', () => {
    expect(() => verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'hmrc' })).toThrow(ConfigError);
    expect(() => verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'hmrc' })).toThrow(/ABONA_TAX_ID_VERIFICATION/);
    expect(() => verifierFromEnv({ ABONA_TAX_ID_VERIFICATION: 'vies', ABONA_VIES_URL: 'ftp://x' })).toThrow(/ABONA_VIES_URL/);
  });
});
