import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { CARD_OK, createSession, setupBilling } from './helpers.js';

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('RO', 'DE', 'US', 'EUR', 'DEMO20', 'tok_visa', 'tok_apple_pay', 'eu_vat', 'RO18547290', ''));
const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, fc.integer(), fc.constant(null));
/** Mostly `valid`, sometimes garbage: enough good bodies get past validation to exercise the engine. */
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: anything, weight: 1 });

describe('fuzzing checkout bodies never answers 5xx', () => {
  it('create, update, confirm and complete_action with structured and random bodies', async () => {
    const h = await setupBilling();
    const prices = [h.catalog.monthly, h.catalog.trial, h.catalog.yearly, h.catalog.setupFee, 'price_nope'];
    const lineItem = fc.record({ price: mostly(fc.constantFrom(...prices)), quantity: mostly(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 20_000 }) })) }, { requiredKeys: ['price'] });
    const details = fc.record(
      {
        name: mostly(fc.constantFrom('Ana', 'Bob')),
        business: mostly(fc.boolean()),
        business_name: mostly(fc.constant('Acme')),
        address: mostly(fc.record({ country: mostly(fc.constantFrom('RO', 'DE', 'FR', 'US', 'GB', 'CA', 'XX')), state: mostly(fc.constantFrom('CA', 'NY', 'QC')), postal_code: mostly(fc.constantFrom('10001', '400001')) }, { requiredKeys: ['country'] })),
        tax_id: mostly(fc.oneof(fc.record({ type: fc.constantFrom('eu_vat', 'gb_vat', 'us_ein', 'xx_nope'), value: fc.oneof(text, fc.constantFrom('DE136695976', 'RO18547290', 'GB123')) }), fc.constant(null))),
      },
      { requiredKeys: [] },
    );
    const createBody = fc.oneof(
      { weight: 6, arbitrary: fc.record(
        {
          line_items: mostly(fc.array(lineItem, { minLength: 1, maxLength: 3 })),
          email: mostly(fc.constant('a@b.co')),
          customer_details: mostly(details),
          promotion_code: mostly(fc.constantFrom('DEMO20', 'demo20', 'NOPE')),
          currency: mostly(fc.constantFrom('EUR', 'eur', 'EUR', 'usd', 'XXX')),
          success_url: mostly(fc.constant('https://shop.example.com/thanks')),
        },
        { requiredKeys: [] },
      ) },
      { weight: 1, arbitrary: anything },
    );
    const paymentMethod = fc.oneof(
      fc.constantFrom('tok_visa', 'tok_chargeDeclined', 'tok_threeDSecureRequired', 'tok_apple_pay', 'tok_nope'),
      fc.record({ card: fc.oneof(fc.constant(CARD_OK), fc.record({ number: text, exp_month: anything, exp_year: anything, cvc: text })) }),
      fc.record({ type: fc.constantFrom('bank_transfer', 'sepa_debit', 'card'), iban: fc.oneof(fc.constant('DE89370400440532013000'), text) }, { requiredKeys: ['type'] }),
      anything,
    );
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const seen = new Map<string, number>();
    const note = (what: string, status: number) => seen.set(`${what} ${status}`, (seen.get(`${what} ${status}`) ?? 0) + 1);

    await fc.assert(
      fc.asyncProperty(createBody, createBody, fc.record({ payment_method: paymentMethod }, { requiredKeys: [] }), anything, async (create, update, confirm, action) => {
        const created = await h.call('POST', '/v1/checkout_sessions', { key: PK_TEST, body: create });
        expect(created.status, await created.clone().text()).toBeLessThan(500);
        note('create', created.status);
        const target = created.status === 200 ? ((await created.json()) as { id: string }).id : session.id;
        const updated = await h.call('POST', `/v1/checkout_sessions/${target}`, { key: PK_TEST, body: update });
        expect(updated.status, await updated.clone().text()).toBeLessThan(500);
        const confirmed = await h.call('POST', `/v1/checkout_sessions/${target}/confirm`, { key: PK_TEST, body: confirm });
        expect(confirmed.status, await confirmed.clone().text()).toBeLessThan(500);
        note('confirm', confirmed.status);
        const completed = await h.call('POST', `/v1/checkout_sessions/${target}/complete_action`, { key: PK_TEST, body: action });
        expect(completed.status, await completed.clone().text()).toBeLessThan(500);
      }),
      {
        numRuns: 150,
        // One known-good journey always runs, so the checks below never depend on luck.
        examples: [[{ line_items: [{ price: h.catalog.monthly }], email: 'a@b.co' }, { promotion_code: 'DEMO20' }, { payment_method: 'tok_visa' }, null]],
      },
    );
    // The structured half of the bodies must reach the engine and the gateway, not only the validator.
    expect(seen.get('create 200') ?? 0).toBeGreaterThan(0);
    expect((seen.get('confirm 200') ?? 0) + (seen.get('confirm 402') ?? 0)).toBeGreaterThan(0);
    h.close();
  }, 120_000);
});

describe('fuzzing subscription, payment method and invoice requests never answers 5xx', () => {
  it('random bodies and queries', async () => {
    const h = await setupBilling();
    const customer = (await h.json<{ id: string }>('POST', '/v1/customers', { body: { email: 'f@example.com' } })).id;
    const id = fc.oneof(fc.constantFrom(customer, h.catalog.monthly, h.catalog.setupFee, 'pm_nope', 'coupon_nope'), text);
    const subscriptionBody = fc.oneof(
      fc.record(
        {
          customer: mostly(fc.constant(customer)),
          items: mostly(fc.array(fc.record({ price: id, quantity: mostly(fc.integer({ min: 0, max: 20 })) }), { maxLength: 3 })),
          trial_period_days: mostly(fc.integer({ min: -1, max: 800 })),
          promotion_code: mostly(fc.constantFrom('DEMO20', 'NOPE')),
          coupon: id,
          default_payment_method: id,
        },
        { requiredKeys: [] },
      ),
      anything,
    );
    const pmBody = fc.oneof(fc.record({ token: mostly(fc.constantFrom('tok_visa', 'tok_chargeDeclined', 'tok_nope')) }), fc.record({ card: mostly(fc.constant(CARD_OK)) }), anything);
    const query = fc.dictionary(fc.constantFrom('customer', 'status', 'subscription', 'limit', 'starting_after', 'ending_before', 'x'), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(subscriptionBody, pmBody, query, text, async (subscription, pm, q, pmId) => {
        const qs = new URLSearchParams(q).toString();
        for (const res of [
          await h.call('POST', '/v1/subscriptions', { body: subscription }),
          await h.call('POST', `/v1/customers/${customer}/payment_methods`, { body: pm }),
          await h.call('POST', '/v1/payment_methods/tokenize', { key: PK_TEST, body: pm }),
          await h.call('POST', `/v1/customers/${customer}/payment_methods/${encodeURIComponent(pmId) || 'x'}/default`),
          await h.call('GET', `/v1/subscriptions?${qs}`),
          await h.call('GET', `/v1/invoices?${qs}`),
        ]) {
          expect(res.status, await res.clone().text()).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
    h.close();
  }, 120_000);
});
