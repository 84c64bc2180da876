import { describe, expect, it } from 'vitest';
import type { SandboxGateway } from '../../src/gateway/index.js';
import { DAY_MS, NOW_MS, freshKey, makeHarness } from './helpers.js';

async function sepa(gateway: SandboxGateway, iban: string): Promise<string> {
  const { token } = await gateway.tokenizeSepaDebit({ iban });
  return (await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token })).id;
}

async function charge(gateway: SandboxGateway, paymentMethodId: string, amountMinor = 4_900, offSession = true) {
  return gateway.charge({ amountMinor, currency: 'EUR', paymentMethodId, customerRef: 'cus_a', offSession, idempotencyKey: freshKey() });
}

describe('SEPA Direct Debit', () => {
  it('DE89…3000 is processing until settle, then succeeds', async () => {
    const { gateway } = makeHarness();
    const pm = await sepa(gateway, 'DE89370400440532013000');
    const result = await charge(gateway, pm);
    // Default SEPA delay is 3 days: settles at NOW + 3 × 86 400 000 ms.
    expect(result).toMatchObject({ status: 'processing', settlesAtMs: NOW_MS + 3 * DAY_MS });
    expect(await gateway.settle(NOW_MS + 3 * DAY_MS - 1)).toEqual([]);
    expect((await gateway.retrievePayment(result.paymentId)).status).toBe('processing');
    const settled = await gateway.settle(NOW_MS + 3 * DAY_MS);
    expect(settled).toEqual([
      { status: 'succeeded', paymentId: result.paymentId, amountMinor: 4_900, currency: 'EUR', amountRefundedMinor: 0 },
    ]);
    expect(await gateway.retrievePayment(result.paymentId)).toEqual(settled[0]);
    // Settling again changes nothing.
    expect(await gateway.settle(NOW_MS + 30 * DAY_MS)).toEqual([]);
  });

  it('DE62…3001 is processing until settle, then fails', async () => {
    const { gateway } = makeHarness();
    const pm = await sepa(gateway, 'DE62370400440532013001');
    const result = await charge(gateway, pm, 1_000, false);
    expect(result.status).toBe('processing');
    const [settled] = await gateway.settle(NOW_MS + 10 * DAY_MS);
    expect(settled).toMatchObject({ status: 'failed', paymentId: result.paymentId, declineCode: 'insufficient_funds', hard: false });
    await expect(gateway.refund({ paymentId: result.paymentId, idempotencyKey: freshKey() })).rejects.toMatchObject({
      code: 'payment_not_refundable',
    });
  });

  it('attaches as sepa_debit with only country, bank code and last 4', async () => {
    const { gateway } = makeHarness();
    const { token } = await gateway.tokenizeSepaDebit({ iban: 'DE89370400440532013000' });
    const method = await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token });
    expect(method).toMatchObject({ type: 'sepa_debit', card: null, sepaDebit: { country: 'DE', bankCode: '37040044', last4: '3000' } });
  });

  it('only debits EUR', async () => {
    const { gateway } = makeHarness();
    const pm = await sepa(gateway, 'DE89370400440532013000');
    await expect(
      gateway.charge({ amountMinor: 100, currency: 'USD', paymentMethodId: pm, customerRef: 'cus_a', offSession: true, idempotencyKey: freshKey() }),
    ).rejects.toMatchObject({ code: 'currency_not_supported', param: 'currency' });
  });
});

describe('bank transfers', () => {
  it('are processing until settle, then succeed; settle returns due payments oldest first', async () => {
    const { gateway, setNow } = makeHarness({ settlementDelayMs: { bankTransfer: 2 * DAY_MS, sepaDebit: DAY_MS } });
    const transfer = (await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_bank_transfer' })).id;
    const debit = await sepa(gateway, 'DE62370400440532013001');
    const first = await charge(gateway, transfer, 100); // settles at NOW + 2 days
    setNow(NOW_MS + 5 * 3_600_000);
    const second = await charge(gateway, debit, 200); // settles at NOW + 5 h + 1 day
    expect(first).toMatchObject({ status: 'processing', settlesAtMs: NOW_MS + 2 * DAY_MS });
    expect(second).toMatchObject({ status: 'processing', settlesAtMs: NOW_MS + 5 * 3_600_000 + DAY_MS });

    const early = await gateway.settle(NOW_MS + DAY_MS + 5 * 3_600_000);
    expect(early.map((r) => [r.paymentId, r.status])).toEqual([[second.paymentId, 'failed']]);
    expect((await gateway.retrievePayment(first.paymentId)).status).toBe('processing');

    const late = await gateway.settle(NOW_MS + 2 * DAY_MS);
    expect(late.map((r) => [r.paymentId, r.status])).toEqual([[first.paymentId, 'succeeded']]);
  });

  it('settles several due payments in settlement order', async () => {
    const { gateway, setNow } = makeHarness();
    const transfer = (await gateway.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: 'tok_bank_transfer' })).id;
    setNow(NOW_MS + 2_000);
    const later = await charge(gateway, transfer, 100);
    setNow(NOW_MS + 1_000);
    const earlier = await charge(gateway, transfer, 200);
    const settled = await gateway.settle(NOW_MS + 10 * DAY_MS);
    expect(settled.map((r) => r.paymentId)).toEqual([earlier.paymentId, later.paymentId]);
  });

  it('refuses a bad instant and bad configuration', async () => {
    const { gateway } = makeHarness();
    await expect(gateway.settle(1.5)).rejects.toMatchObject({ param: 'atMs' });
    expect(() => makeHarness({ settlementDelayMs: { sepaDebit: -1 } })).toThrow(/sepaDebit/);
  });

  it('gives IBAN instructions for EUR, sort code for GBP, ABA for USD, with a stable per-customer reference', async () => {
    const { gateway } = makeHarness();
    const eur = await gateway.bankTransferInstructions('EUR', 'cus_a');
    expect(eur).toMatchObject({ currency: 'EUR', iban: 'DE64370400440000123456', bic: 'SNDBDEFFXXX', sortCode: null });
    expect(eur.reference).toMatch(/^AB[0-9A-F]{10}$/);
    expect((await gateway.bankTransferInstructions('EUR', 'cus_a')).reference).toBe(eur.reference);
    expect((await gateway.bankTransferInstructions('EUR', 'cus_b')).reference).not.toBe(eur.reference);
    expect(await gateway.bankTransferInstructions('GBP', 'cus_a')).toMatchObject({ sortCode: '10-88-00', accountNumber: '00012345', iban: null });
    expect(await gateway.bankTransferInstructions('USD')).toMatchObject({ routingNumber: '110000000', reference: 'ABONASANDBOX' });
    await expect(gateway.bankTransferInstructions('eur')).rejects.toMatchObject({ param: 'currency' });
  });
});
