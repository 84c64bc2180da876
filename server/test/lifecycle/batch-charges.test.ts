import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { createDbSandboxStore } from '../../src/gateway/db-store.js';
import { TEST_CARDS, createSandboxGateway, type ChargeInput, type PaymentResult, type SandboxGateway } from '../../src/gateway/index.js';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { attachCard, makeHarness, sequentialIds } from '../gateway/helpers.js';
import { countRows, customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe, type Json } from './helpers.js';

/** Every test card once on customer `cus_a`, then a charge of someone else's card, then a bad amount. */
async function chargesFor(gateway: SandboxGateway): Promise<ChargeInput[]> {
  const inputs: ChargeInput[] = [];
  for (const number of Object.keys(TEST_CARDS)) {
    const paymentMethodId = await attachCard(gateway, number);
    inputs.push({ idempotencyKey: `k-${number}`, amountMinor: 3509, currency: 'EUR', paymentMethodId, customerRef: 'cus_a', offSession: true });
  }
  const other = await attachCard(gateway, '4242424242424242', 'cus_b');
  inputs.push({ idempotencyKey: 'k-not-mine', amountMinor: 100, currency: 'EUR', paymentMethodId: other, customerRef: 'cus_a', offSession: true });
  inputs.push({ idempotencyKey: 'k-zero', amountMinor: 0, currency: 'EUR', paymentMethodId: other, customerRef: 'cus_b', offSession: true });
  return inputs;
}

/** `charge` one at a time: each result, or the error's code. */
async function oneByOne(gateway: SandboxGateway, inputs: readonly ChargeInput[]): Promise<(PaymentResult | string)[]> {
  const out: (PaymentResult | string)[] = [];
  for (const input of inputs) out.push(await gateway.charge(input).catch((error: { code?: string }) => `error:${error.code}`));
  return out;
}

async function inOneBatch(gateway: SandboxGateway, inputs: readonly ChargeInput[]): Promise<(PaymentResult | string)[]> {
  return (await gateway.chargeMany(inputs)).map((o) => (o.ok ? o.result : `error:${(o.error as { code?: string }).code}`));
}

describe('the sandbox charges a batch in one transaction', () => {
  it('each charge of a batch is what charging it alone gives: every test card off-session (0341 declines), refused requests, replays', async () => {
    const alone = makeHarness();
    const batched = makeHarness();
    const expected = await oneByOne(alone.gateway, await chargesFor(alone.gateway));
    const inputs = await chargesFor(batched.gateway);
    const got = await inOneBatch(batched.gateway, inputs);
    expect(got).toEqual(expected);
    expect(got[Object.keys(TEST_CARDS).indexOf('4000000000000341')]).toMatchObject({ status: 'failed', declineCode: 'card_declined' });
    expect(got.slice(-2)).toEqual(['error:payment_method_not_attached', expect.stringMatching(/^error:/)]);
    expect(batched.store.snapshot()).toEqual(alone.store.snapshot());
    // The same keys again: the first answers, nothing new stored.
    const before = batched.store.snapshot();
    expect(await inOneBatch(batched.gateway, inputs)).toEqual(got);
    expect(batched.store.snapshot()).toEqual(before);
  });

  it('on the database store: one transaction for the batch, the same records as one by one', async () => {
    const stores = await Promise.all([createDb(), createDb()]);
    const [alone, batched] = stores.map((handle) => createSandboxGateway({ store: createDbSandboxStore(handle.db), clock: { now: () => NOW_MS }, ids: sequentialIds() })) as [SandboxGateway, SandboxGateway];
    const expected = await oneByOne(alone, await chargesFor(alone));
    expect(await inOneBatch(batched, await chargesFor(batched))).toEqual(expected);
    const records = async (i: number) => (await stores[i]?.db.all(sql`select table_name, id, data from gateway_records order by table_name, id`)) as unknown[];
    expect(await records(1)).toEqual(await records(0));
    for (const handle of stores) handle.close();
  });
});

/** Makes the customer's card behave like another test card from now on (at the gateway). */
async function cardBehaves(h: Awaited<ReturnType<typeof setupLifecycle>>, customer: string, behavior: string, customerRef?: string): Promise<void> {
  const set = customerRef ? sql`json_set(data, '$.behavior', ${behavior}, '$.customerRef', ${customerRef})` : sql`json_set(data, '$.behavior', ${behavior})`;
  await h.db.run(sql`update gateway_records set data = ${set} where table_name = 'paymentMethods' and id = (select gateway_ref from payment_methods where customer_id = ${customer})`);
}

describe('a batch of renewals with declines', () => {
  it('charged in one gateway transaction: the paid are paid, each decline goes to dunning, a refused charge fails only its own invoice', async () => {
    const h = await setupLifecycle();
    const behaviors = ['succeed', 'decline_after_attach', 'decline_insufficient_funds', 'decline_expired_card', 'refused', 'succeed'];
    const subs: { id: string; customer: string; behavior: string }[] = [];
    for (const [i, behavior] of behaviors.entries()) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      subs.push({ id: (await subscribe(h, customer, h.catalog.monthly)).id as string, customer, behavior });
    }
    for (const sub of subs) {
      if (sub.behavior === 'refused') await cardBehaves(h, sub.customer, 'succeed', 'cus_somebody_else');
      else if (sub.behavior !== 'succeed') await cardBehaves(h, sub.customer, sub.behavior);
    }
    const nowMs = NOW_MS + 31 * DAY_MS;
    const report = await h.services.lifecycle.runDue({ nowMs, batchSize: 50 });
    expect(report).toMatchObject({ processed: 6, batches: 1, paid: 2, failed: 4, errors: [], replayedBatches: 0 });

    for (const sub of subs) {
      const renewal = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_cycle');
      const status = (await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).status;
      if (sub.behavior === 'succeed') {
        expect(renewal).toMatchObject({ status: 'paid', attempt_count: 1 });
        expect(status).toBe('active');
      } else {
        // Dunning: the invoice stays open, the subscription is past due, the customer is told.
        expect(renewal).toMatchObject({ status: 'open' });
        expect(status).toBe('past_due');
        expect(await countRows(h, 'emails', `template = 'payment_failed' and customer_id = '${sub.customer}'`)).toBe(1);
      }
    }
    const failedPayments = (await h.db.all(sql`select customer_id as c, decline_code as d, hard_decline as hard from payments where status = 'failed' order by created_at`)) as { c: string; d: string; hard: number | null }[];
    const declineOf = (behavior: string) => failedPayments.find((p) => p.c === subs.find((s) => s.behavior === behavior)?.customer);
    expect(declineOf('decline_after_attach')).toMatchObject({ d: 'card_declined' });
    expect(declineOf('decline_insufficient_funds')).toMatchObject({ d: 'insufficient_funds' });
    expect(declineOf('decline_expired_card')).toMatchObject({ d: 'expired_card', hard: 1 });
    expect(declineOf('refused')).toMatchObject({ d: 'processing_error' });
    // A rerun at the same instant bills and charges nothing more.
    expect(await h.services.lifecycle.runDue({ nowMs, batchSize: 50 })).toMatchObject({ processed: 0, charged: 0 });
    expect(await countRows(h, 'invoices', "billing_reason = 'subscription_cycle'")).toBe(6);
    await expectLedgerBalanced(h);
    h.close();
  });
});
