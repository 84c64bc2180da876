import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SandboxGateway } from '../../src/gateway/index.js';
import { attachCard, freshKey, makeHarness } from './helpers.js';

async function paid(gateway: SandboxGateway, amountMinor: number, number = '4242424242424242'): Promise<string> {
  const pm = await attachCard(gateway, number);
  const result = await gateway.charge({
    amountMinor,
    currency: 'EUR',
    paymentMethodId: pm,
    customerRef: 'cus_a',
    offSession: false,
    idempotencyKey: freshKey(),
  });
  return result.paymentId;
}

describe('refunds', () => {
  it('partial then the rest; a third refund is refused', async () => {
    const { gateway } = makeHarness();
    const paymentId = await paid(gateway, 10_000);
    const partial = await gateway.refund({ paymentId, amountMinor: 2_500, idempotencyKey: freshKey() });
    expect(partial).toMatchObject({ paymentId, amountMinor: 2_500, currency: 'EUR', status: 'succeeded' });
    expect(partial.id).toMatch(/^re_/);
    // 10000 − 2500 = 7500 left; omitting the amount refunds all of it.
    const rest = await gateway.refund({ paymentId, idempotencyKey: freshKey() });
    expect(rest.amountMinor).toBe(7_500);
    expect(await gateway.retrievePayment(paymentId)).toMatchObject({ status: 'succeeded', amountRefundedMinor: 10_000 });
    await expect(gateway.refund({ paymentId, amountMinor: 1, idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'payment_not_refundable',
    });
  });

  it('a full refund in one go', async () => {
    const { gateway } = makeHarness();
    const paymentId = await paid(gateway, 1_999);
    expect((await gateway.refund({ paymentId, amountMinor: 1_999, idempotencyKey: freshKey() })).amountMinor).toBe(1_999);
    expect(await gateway.retrievePayment(paymentId)).toMatchObject({ amountRefundedMinor: 1_999 });
  });

  it('refuses more than was captured and leaves the payment unchanged', async () => {
    const { gateway } = makeHarness();
    const paymentId = await paid(gateway, 1_000);
    await gateway.refund({ paymentId, amountMinor: 600, idempotencyKey: freshKey() });
    // 1000 − 600 = 400 refundable; 401 is one too many.
    await expect(gateway.refund({ paymentId, amountMinor: 401, idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'refund_exceeds_captured',
      param: 'amountMinor',
    });
    expect(await gateway.retrievePayment(paymentId)).toMatchObject({ amountRefundedMinor: 600 });
    await expect(gateway.refund({ paymentId, amountMinor: 0, idempotencyKey: freshKey() })).rejects.toMatchObject({
      param: 'amountMinor',
    });
  });

  it('refuses failed, unknown and processing payments', async () => {
    const { gateway } = makeHarness();
    const failed = await paid(gateway, 1_000, '4000000000000002');
    await expect(gateway.refund({ paymentId: failed, idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'payment_not_refundable',
    });
    await expect(gateway.refund({ paymentId: 'pay_nope', idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'paymentId',
    });
    const method = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_bank_transfer' });
    const processing = await gateway.charge({
      amountMinor: 500,
      currency: 'EUR',
      paymentMethodId: method.id,
      customerRef: 'cus_a',
      offSession: false,
      idempotencyKey: freshKey(),
    });
    await expect(gateway.refund({ paymentId: processing.paymentId, idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'payment_not_refundable',
    });
  });

  it('the same key replays the refund instead of refunding twice', async () => {
    const { gateway, store } = makeHarness();
    const paymentId = await paid(gateway, 1_000);
    const key = freshKey();
    const [a, b] = await Promise.all([
      gateway.refund({ paymentId, amountMinor: 300, idempotencyKey: key }),
      gateway.refund({ paymentId, amountMinor: 300, idempotencyKey: key }),
    ]);
    expect(b).toEqual(a);
    expect(Object.keys(store.snapshot().refunds)).toHaveLength(1);
    expect(await gateway.retrievePayment(paymentId)).toMatchObject({ amountRefundedMinor: 300 });
  });

  it('concurrent refunds never add up to more than the capture', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        async (capturedMinor, requests) => {
          const { gateway, store } = makeHarness();
          const paymentId = await paid(gateway, capturedMinor);
          const outcomes = await Promise.allSettled(
            requests.map((amountMinor) => gateway.refund({ paymentId, amountMinor, idempotencyKey: freshKey() })),
          );
          const refunded = Object.values(store.snapshot().refunds).reduce((sum, r) => sum + r.amountMinor, 0);
          expect(refunded).toBeLessThanOrEqual(capturedMinor);
          const payment = await gateway.retrievePayment(paymentId);
          expect(payment).toMatchObject({ amountRefundedMinor: refunded });
          // Requests run in order: each one succeeds exactly when it still fits.
          let left = capturedMinor;
          outcomes.forEach((outcome, i) => {
            const fits = requests[i]! <= left;
            expect(outcome.status).toBe(fits ? 'fulfilled' : 'rejected');
            if (fits) left -= requests[i]!;
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
