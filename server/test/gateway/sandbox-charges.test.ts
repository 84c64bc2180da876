import { describe, expect, it } from 'vitest';
import type { PaymentResult } from '../../src/gateway/index.js';
import { attachCard, freshKey, makeHarness } from './helpers.js';

type Expected =
  | { status: 'succeeded' }
  | { status: 'requires_action' }
  | { status: 'failed'; declineCode: string; hard: boolean };

/** Every test card, charged with the customer present (on) and absent (off). */
const cases: readonly { number: string; on: Expected; off: Expected }[] = [
  { number: '4242424242424242', on: { status: 'succeeded' }, off: { status: 'succeeded' } },
  { number: '5555555555554444', on: { status: 'succeeded' }, off: { status: 'succeeded' } },
  {
    number: '4000000000000002',
    on: { status: 'failed', declineCode: 'card_declined', hard: false },
    off: { status: 'failed', declineCode: 'card_declined', hard: false },
  },
  {
    number: '4000000000009995',
    on: { status: 'failed', declineCode: 'insufficient_funds', hard: false },
    off: { status: 'failed', declineCode: 'insufficient_funds', hard: false },
  },
  {
    number: '4000000000000069',
    on: { status: 'failed', declineCode: 'expired_card', hard: true },
    off: { status: 'failed', declineCode: 'expired_card', hard: true },
  },
  {
    number: '4000000000000127',
    on: { status: 'failed', declineCode: 'incorrect_cvc', hard: true },
    off: { status: 'failed', declineCode: 'incorrect_cvc', hard: true },
  },
  {
    number: '4000000000000119',
    on: { status: 'failed', declineCode: 'processing_error', hard: false },
    off: { status: 'failed', declineCode: 'processing_error', hard: false },
  },
  {
    number: '4000000000009987',
    on: { status: 'failed', declineCode: 'lost_card', hard: true },
    off: { status: 'failed', declineCode: 'lost_card', hard: true },
  },
  {
    number: '4000000000009979',
    on: { status: 'failed', declineCode: 'stolen_card', hard: true },
    off: { status: 'failed', declineCode: 'stolen_card', hard: true },
  },
  {
    number: '4000002500003155',
    on: { status: 'requires_action' },
    off: { status: 'failed', declineCode: 'authentication_required', hard: false },
  },
  {
    number: '4000000000000341',
    on: { status: 'failed', declineCode: 'card_declined', hard: false },
    off: { status: 'failed', declineCode: 'card_declined', hard: false },
  },
  {
    number: '4000000000003220',
    on: { status: 'requires_action' },
    off: { status: 'failed', declineCode: 'authentication_required', hard: false },
  },
];

function summarize(result: PaymentResult): Expected {
  if (result.status === 'failed') return { status: 'failed', declineCode: result.declineCode, hard: result.hard };
  return { status: result.status } as Expected;
}

describe('sandbox charges: every test card', () => {
  for (const { number, on, off } of cases) {
    for (const [offSession, expected] of [
      [false, on],
      [true, off],
    ] as const) {
      it(`${number} ${offSession ? 'off' : 'on'}-session → ${expected.status}`, async () => {
        const { gateway } = makeHarness();
        const pm = await attachCard(gateway, number);
        const result = await gateway.charge({
          amountMinor: 1999,
          currency: 'EUR',
          paymentMethodId: pm,
          customerRef: 'cus_a',
          offSession,
          idempotencyKey: freshKey(),
        });
        expect(summarize(result)).toEqual(expected);
        expect(result.amountMinor).toBe(1999);
        expect(result.currency).toBe('EUR');
        if (result.status === 'failed') expect(result.message.length).toBeGreaterThan(0);
        if (result.status === 'requires_action') {
          expect(result.actionId).toBe(result.paymentId);
          expect(result.nextAction).toEqual({ type: 'three_d_secure' });
          expect(result.clientSecret).toMatch(new RegExp(`^${result.paymentId}_secret_`));
        }
        expect(await gateway.retrievePayment(result.paymentId)).toEqual(result);
      });
    }
  }
});

describe('3-D Secure', () => {
  const charge = (pm: string, offSession: boolean) => ({
    amountMinor: 5000,
    currency: 'EUR',
    paymentMethodId: pm,
    customerRef: 'cus_a',
    offSession,
    idempotencyKey: freshKey(),
  });

  it('completing the challenge succeeds the payment and sets 3155 up for off-session renewals', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000002500003155');
    const first = await gateway.charge(charge(pm, false));
    expect(first.status).toBe('requires_action');
    if (first.status !== 'requires_action') return;
    const done = await gateway.confirmAction(first.actionId, 'complete');
    expect(done).toEqual({
      object: 'payment',
      result: { status: 'succeeded', paymentId: first.paymentId, amountMinor: 5000, currency: 'EUR', amountRefundedMinor: 0 },
    });
    expect((await gateway.charge(charge(pm, true))).status).toBe('succeeded');
    // One-time payments with the customer present still ask for authentication.
    expect((await gateway.charge(charge(pm, false))).status).toBe('requires_action');
  });

  it('failing the challenge fails the payment (soft) and does not set the card up', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000002500003155');
    const first = await gateway.charge(charge(pm, false));
    if (first.status !== 'requires_action') throw new Error('expected requires_action');
    const failed = await gateway.confirmAction(first.actionId, 'fail');
    expect(failed.object).toBe('payment');
    expect(failed.result).toMatchObject({ status: 'failed', declineCode: 'authentication_failed', hard: false });
    expect(await gateway.retrievePayment(first.paymentId)).toEqual(failed.result);
    expect(await gateway.charge(charge(pm, true))).toMatchObject({ status: 'failed', declineCode: 'authentication_required' });
  });

  it('a finished challenge cannot be flipped by a second confirmation', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000000000003220');
    const first = await gateway.charge(charge(pm, false));
    if (first.status !== 'requires_action') throw new Error('expected requires_action');
    await gateway.confirmAction(first.actionId, 'complete');
    expect((await gateway.confirmAction(first.actionId, 'fail')).result.status).toBe('succeeded');
  });

  it('3220 asks every time on-session and always fails off-session, even after a completed challenge', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000000000003220');
    const first = await gateway.charge(charge(pm, false));
    if (first.status !== 'requires_action') throw new Error('expected requires_action');
    await gateway.confirmAction(first.actionId, 'complete');
    expect((await gateway.charge(charge(pm, false))).status).toBe('requires_action');
    expect(await gateway.charge(charge(pm, true))).toMatchObject({ status: 'failed', declineCode: 'authentication_required' });
  });

  it('setting 3155 up through a setup challenge makes off-session charges succeed', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000002500003155');
    const setup = await gateway.setupPaymentMethod({ customerRef: 'cus_a', paymentMethodId: pm, idempotencyKey: freshKey() });
    if (setup.status !== 'requires_action') throw new Error('expected requires_action');
    expect(setup.nextAction).toEqual({ type: 'three_d_secure' });
    expect(await gateway.charge(charge(pm, true))).toMatchObject({ status: 'failed', declineCode: 'authentication_required' });
    const done = await gateway.confirmAction(setup.actionId, 'complete');
    expect(done).toEqual({ object: 'setup', result: { status: 'succeeded', setupId: setup.setupId, paymentMethodId: pm } });
    expect((await gateway.charge(charge(pm, true))).status).toBe('succeeded');
  });

  it('a failed setup challenge leaves the card not set up', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4000002500003155');
    const setup = await gateway.setupPaymentMethod({ customerRef: 'cus_a', paymentMethodId: pm, idempotencyKey: freshKey() });
    if (setup.status !== 'requires_action') throw new Error('expected requires_action');
    const failed = await gateway.confirmAction(setup.actionId, 'fail');
    expect(failed.result).toMatchObject({ status: 'failed', declineCode: 'authentication_failed' });
    expect((await gateway.charge(charge(pm, true))).status).toBe('failed');
  });

  it('confirming an unknown action is resource_missing', async () => {
    const { gateway } = makeHarness();
    await expect(gateway.confirmAction('pay_nope', 'complete')).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'actionId',
    });
  });
});

describe('setups', () => {
  it('succeed for plain cards and for 0341, fail for declining cards', async () => {
    const { gateway } = makeHarness();
    const setup = async (number: string) =>
      gateway.setupPaymentMethod({ customerRef: 'cus_a', paymentMethodId: await attachCard(gateway, number), idempotencyKey: freshKey() });
    expect((await setup('4242424242424242')).status).toBe('succeeded');
    // 0341 passes every check up front; only charges fail.
    expect((await setup('4000000000000341')).status).toBe('succeeded');
    expect(await setup('4000000000009995')).toMatchObject({ status: 'failed', declineCode: 'insufficient_funds', hard: false });
  });
});

describe('wallets and static tokens', () => {
  it('Apple Pay and Google Pay tokens attach as wallet methods that charge', async () => {
    const { gateway } = makeHarness();
    for (const [token, type, last4] of [
      ['tok_apple_pay', 'apple_pay', '4242'],
      ['tok_google_pay', 'google_pay', '4444'],
    ] as const) {
      const method = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token });
      expect(method).toMatchObject({ type, customerRef: 'cus_a', sepaDebit: null });
      expect(method.card?.last4).toBe(last4);
      // The sandbox clock says 2026, so static tokens expire 12/2029.
      expect(method.card).toMatchObject({ expMonth: 12, expYear: 2029 });
      for (const offSession of [false, true]) {
        const result = await gateway.charge({
          amountMinor: 100,
          currency: 'USD',
          paymentMethodId: method.id,
          customerRef: 'cus_a',
          offSession,
          idempotencyKey: freshKey(),
        });
        expect(result.status).toBe('succeeded');
      }
    }
  });

  it('tok_wallet_declined attaches and then declines', async () => {
    const { gateway } = makeHarness();
    const method = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_wallet_declined' });
    const result = await gateway.charge({
      amountMinor: 100,
      currency: 'USD',
      paymentMethodId: method.id,
      customerRef: 'cus_a',
      offSession: false,
      idempotencyKey: freshKey(),
    });
    expect(result).toMatchObject({ status: 'failed', declineCode: 'card_declined', hard: false });
  });

  it("Stripe's static card tokens stand for their test cards and can be reused", async () => {
    const { gateway } = makeHarness();
    const visa1 = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_visa' });
    const visa2 = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_visa' });
    expect(visa1.id).not.toBe(visa2.id);
    expect(visa1).toMatchObject({ type: 'card', card: { brand: 'visa', last4: '4242' } });
    const declined = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_chargeDeclinedInsufficientFunds' });
    const result = await gateway.charge({
      amountMinor: 100,
      currency: 'EUR',
      paymentMethodId: declined.id,
      customerRef: 'cus_a',
      offSession: true,
      idempotencyKey: freshKey(),
    });
    expect(result).toMatchObject({ status: 'failed', declineCode: 'insufficient_funds' });
  });
});

describe('attach and charge errors', () => {
  it('tokens are single use; unknown tokens are resource_missing', async () => {
    const { gateway } = makeHarness();
    const { token } = await gateway.tokenizeCard({ number: '4242424242424242', exp_month: 1, exp_year: 2031, cvc: '999' });
    await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token });
    await expect(gateway.attachPaymentMethod({ customerRef: 'cus_b', paymentMethodToken: token })).rejects.toMatchObject({
      code: 'token_already_used',
    });
    await expect(gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_unknown' })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'paymentMethodToken',
    });
  });

  it("refuses to charge another customer's method, or unknown ones", async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242', 'cus_a');
    const base = { amountMinor: 100, currency: 'EUR', offSession: false, idempotencyKey: freshKey() };
    await expect(gateway.charge({ ...base, paymentMethodId: pm, customerRef: 'cus_b' })).rejects.toMatchObject({
      code: 'payment_method_not_attached',
      param: 'paymentMethodId',
    });
    await expect(gateway.charge({ ...base, paymentMethodId: 'pm_nope', customerRef: 'cus_a' })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'paymentMethodId',
    });
  });

  it('validates amount and currency', async () => {
    const { gateway } = makeHarness();
    const pm = await attachCard(gateway, '4242424242424242');
    const base = { amountMinor: 100, currency: 'EUR', paymentMethodId: pm, customerRef: 'cus_a', offSession: false };
    for (const amountMinor of [0, -5, 1.5, Number.NaN]) {
      await expect(gateway.charge({ ...base, amountMinor, idempotencyKey: freshKey() })).rejects.toMatchObject({
        code: 'invalid_input',
        param: 'amountMinor',
      });
    }
    for (const currency of ['eur', 'XXX', '']) {
      await expect(gateway.charge({ ...base, currency, idempotencyKey: freshKey() })).rejects.toMatchObject({ param: 'currency' });
    }
    await expect(gateway.charge({ ...base, idempotencyKey: '' })).rejects.toMatchObject({ param: 'idempotencyKey' });
  });

  it('createCustomer returns a stable reference per idempotency key', async () => {
    const { gateway } = makeHarness();
    const key = freshKey();
    const a = await gateway.createCustomer({ email: 'a@example.com', idempotencyKey: key });
    const b = await gateway.createCustomer({ email: 'a@example.com', idempotencyKey: key });
    expect(a.customerRef).toMatch(/^cus_/);
    expect(b).toEqual(a);
    await expect(gateway.createCustomer({ email: 'b@example.com', idempotencyKey: key })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });
});
