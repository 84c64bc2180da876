import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SandboxBehavior } from '../../src/gateway/index.js';
import { decideCharge, decideSettlement, decideSetup } from '../../src/gateway/outcomes.js';
import { declineInfo } from '../../src/gateway/declines.js';

const behaviors: readonly SandboxBehavior[] = [
  'succeed',
  'authenticate_unless_setup',
  'authenticate_always',
  'decline_after_attach',
  'decline_card_declined',
  'decline_insufficient_funds',
  'decline_expired_card',
  'decline_incorrect_cvc',
  'decline_processing_error',
  'decline_lost_card',
  'decline_stolen_card',
  'settle_succeed',
  'settle_fail',
];
const method = fc.record({
  type: fc.constantFrom('card', 'apple_pay', 'google_pay', 'sepa_debit', 'bank_transfer' as const),
  behavior: fc.constantFrom(...behaviors),
  offSessionReady: fc.boolean(),
});

describe('sandbox outcomes', () => {
  it('never asks for a challenge when the customer is absent', () => {
    fc.assert(
      fc.property(method, (m) => {
        expect(decideCharge(m, true).status).not.toBe('requires_action');
      }),
    );
  });

  it('debits, transfers and test IBANs start processing; nothing else does', () => {
    fc.assert(
      fc.property(method, fc.boolean(), (m, offSession) => {
        const processing = decideCharge(m, offSession).status === 'processing';
        const isDebit = m.type === 'sepa_debit' || m.type === 'bank_transfer';
        expect(processing).toBe(isDebit || m.behavior.startsWith('settle_'));
      }),
    );
  });

  it('is a function of its inputs (same inputs, same outcome)', () => {
    fc.assert(
      fc.property(method, fc.boolean(), (m, offSession) => {
        expect(decideCharge({ ...m }, offSession)).toEqual(decideCharge(m, offSession));
        expect(decideSetup({ ...m })).toEqual(decideSetup(m));
      }),
    );
  });

  it('settles DE62… as a failure and everything else as a success', () => {
    expect(decideSettlement('settle_fail')).toEqual({ status: 'failed', declineCode: 'insufficient_funds' });
    expect(decideSettlement('settle_succeed')).toEqual({ status: 'succeeded' });
  });

  it('classifies lost, stolen, expired and wrong-data declines as hard', () => {
    for (const code of ['lost_card', 'stolen_card', 'expired_card', 'incorrect_cvc'] as const) expect(declineInfo(code).hard).toBe(true);
    for (const code of ['card_declined', 'insufficient_funds', 'processing_error', 'authentication_required'] as const) {
      expect(declineInfo(code).hard).toBe(false);
    }
  });
});
