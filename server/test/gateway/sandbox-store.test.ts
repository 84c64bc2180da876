import { describe, expect, it } from 'vitest';
import { createMemorySandboxStore, createSandboxGateway, ibanValid } from '../../src/gateway/index.js';
import { NOW_MS, attachCard, freshKey, makeHarness, sequentialIds } from './helpers.js';

describe('card data never stored', () => {
  it('the store holds no card number, CVC or full IBAN, only summaries', async () => {
    const { gateway, store } = makeHarness();
    const number = '4000002500003155';
    const { token } = await gateway.tokenizeCard({ number, exp_month: 7, exp_year: 2031, cvc: '987' });
    const method = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token });
    const sepa = await gateway.tokenizeSepaDebit({ iban: 'DE89 3704 0044 0532 0130 00' });
    await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: sepa.token });
    await gateway.charge({ amountMinor: 100, currency: 'EUR', paymentMethodId: method.id, customerRef: 'cus_a', offSession: false, idempotencyKey: freshKey() });

    const dump = JSON.stringify(store.snapshot());
    expect(dump).not.toContain(number);
    expect(dump).not.toContain('987');
    expect(dump).not.toContain('DE89370400440532013000');
    // Not even a long run of the number's digits (first 6 + last 4 would be a BIN leak too).
    expect(dump).not.toContain(number.slice(0, 8));
    expect(store.snapshot().paymentMethods[method.id]?.card).toEqual({
      brand: 'visa',
      last4: '3155',
      expMonth: 7,
      expYear: 2031,
      funding: 'credit',
    });
    expect(method).not.toHaveProperty('behavior');
  });
});

describe('the store', () => {
  it('is plain JSON: the snapshot survives a JSON round trip unchanged', async () => {
    const { gateway, store } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242');
    const payment = await gateway.charge({ amountMinor: 100, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: true, idempotencyKey: freshKey() });
    await gateway.refund({ paymentId: payment.paymentId, amountMinor: 40, idempotencyKey: freshKey() });
    const snapshot = store.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('keeps state across gateway instances sharing it (a restarted server)', async () => {
    const store = createMemorySandboxStore();
    const ids = sequentialIds();
    const before = createSandboxGateway({ store, clock: { now: () => NOW_MS }, ids });
    const pm = await attachCard(before, '4242424242424242');
    const input = { amountMinor: 100, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: true, idempotencyKey: 'restart' };
    const first = await before.charge(input);
    const after = createSandboxGateway({ store, clock: { now: () => NOW_MS }, ids });
    expect(await after.charge(input)).toEqual(first);
    expect(Object.keys(store.snapshot().payments)).toHaveLength(1);
  });

  it('a transaction that throws writes nothing, and later transactions still run', async () => {
    const store = createMemorySandboxStore();
    await expect(
      store.transaction(async (tx) => {
        await tx.put('customers', 'cus_1', { id: 'cus_1', email: null, name: null, metadata: {}, createdAtMs: 0 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.snapshot().customers).toEqual({});
    await store.transaction((tx) => tx.put('customers', 'cus_2', { id: 'cus_2', email: null, name: null, metadata: {}, createdAtMs: 0 }));
    expect(Object.keys(store.snapshot().customers)).toEqual(['cus_2']);
  });

  it('reads its own writes inside a transaction and lists in id order', async () => {
    const store = createMemorySandboxStore();
    const customer = (id: string) => ({ id, email: null, name: null, metadata: {}, createdAtMs: 0 });
    await store.transaction((tx) => tx.put('customers', 'cus_b', customer('cus_b')));
    const seen = await store.transaction(async (tx) => {
      await tx.put('customers', 'cus_a', customer('cus_a'));
      return { one: await tx.get('customers', 'cus_a'), all: (await tx.list('customers')).map((c) => c.id) };
    });
    expect(seen).toEqual({ one: customer('cus_a'), all: ['cus_a', 'cus_b'] });
  });

  it('hands out copies: mutating a returned record does not change the store', async () => {
    const store = createMemorySandboxStore();
    await store.transaction((tx) => tx.put('customers', 'cus_1', { id: 'cus_1', email: 'a@x', name: null, metadata: {}, createdAtMs: 0 }));
    await store.transaction(async (tx) => {
      const record = await tx.get('customers', 'cus_1');
      (record as { email: string }).email = 'changed';
    });
    expect(store.snapshot().customers['cus_1']?.email).toBe('a@x');
  });

  it('sandbox receiving IBAN is well-formed', () => {
    expect(ibanValid('DE64370400440000123456')).toBe(true);
  });
});
