import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveIdempotencyKey } from '../../src/gateway/index.js';
import { attachCard, makeHarness } from './helpers.js';

describe('idempotent charges', () => {
  it('50 concurrent charges with one key create one payment and return the same result', async () => {
    const { gateway, store } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242');
    const key = deriveIdempotencyKey('invoice.charge', 'in_1', 1);
    const input = { amountMinor: 2500, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: true, idempotencyKey: key };
    const results = await Promise.all(Array.from({ length: 50 }, () => gateway.charge(input)));
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(Object.keys(store.snapshot().payments)).toHaveLength(1);
  });

  it('replays a requires_action charge without a second payment, and reports its state after the challenge', async () => {
    const { gateway, store } = makeHarness();
    const pm = await attachCard(gateway, '4000002500003155');
    const input = { amountMinor: 700, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: false, idempotencyKey: 'k-3ds' };
    const first = await gateway.charge(input);
    expect(await gateway.charge(input)).toEqual(first);
    await gateway.confirmAction(first.paymentId, 'complete');
    expect(await gateway.charge(input)).toMatchObject({ paymentId: first.paymentId, status: 'succeeded' });
    expect(Object.keys(store.snapshot().payments)).toHaveLength(1);
  });

  it('refuses the same key with other parameters or for another operation', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242');
    const input = { amountMinor: 100, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: false, idempotencyKey: 'k1' };
    const first = await gateway.charge(input);
    await expect(gateway.charge({ ...input, amountMinor: 101 })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
      param: 'idempotencyKey',
    });
    await expect(gateway.charge({ ...input, metadata: { a: 'b' } })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    await expect(gateway.refund({ paymentId: first.paymentId, idempotencyKey: 'k1' })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('metadata key order does not change the fingerprint', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242');
    const input = { amountMinor: 100, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: false, idempotencyKey: 'k2' };
    const first = await gateway.charge({ ...input, metadata: { a: '1', b: '2' } });
    expect(await gateway.charge({ ...input, metadata: { b: '2', a: '1' } })).toEqual(first);
  });

  it('any interleaving of concurrent charges makes exactly one payment per distinct key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), async (keyIndexes) => {
        const { gateway, store } = makeHarness();
        const pm = await attachCard(gateway, '4242424242424242');
        const results = await Promise.all(
          keyIndexes.map((k) =>
            gateway.charge({
              amountMinor: 100 + k,
              currency: 'EUR',
              paymentMethodId: pm,
              customerRef: 'cus_a',
              offSession: true,
              idempotencyKey: `key-${k}`,
            }),
          ),
        );
        const distinct = new Set(keyIndexes).size;
        expect(Object.keys(store.snapshot().payments)).toHaveLength(distinct);
        // Calls with the same key got the same payment; different keys got different payments.
        keyIndexes.forEach((k, i) =>
          keyIndexes.forEach((k2, j) => expect(results[i]?.paymentId === results[j]?.paymentId).toBe(k === k2)),
        );
      }),
      { numRuns: 50 },
    );
  });
});
