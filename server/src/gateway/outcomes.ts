import { behaviorDeclineCode, type SandboxBehavior } from './cards.js';
import type { DeclineCode, PaymentMethodType } from './types.js';

/** What the sandbox does with a charge, decided from the method alone (no randomness). */
export type ChargeDecision =
  | { readonly status: 'succeeded' }
  | { readonly status: 'requires_action' }
  | { readonly status: 'processing' }
  | { readonly status: 'failed'; readonly declineCode: DeclineCode };

export interface MethodFacts {
  readonly type: PaymentMethodType;
  readonly behavior: SandboxBehavior;
  readonly offSessionReady: boolean;
}

/**
 * The outcome of charging `method`. Debits and transfers always start `processing`; 3-D Secure
 * cards ask for a challenge when the customer is present and fail `authentication_required` when
 * not (unless 3155 was set up earlier); declining cards decline either way.
 */
export function decideCharge(method: MethodFacts, offSession: boolean): ChargeDecision {
  if (method.type === 'sepa_debit' || method.type === 'bank_transfer') return { status: 'processing' };
  switch (method.behavior) {
    case 'succeed':
      return { status: 'succeeded' };
    case 'authenticate_unless_setup':
      if (!offSession) return { status: 'requires_action' };
      return method.offSessionReady
        ? { status: 'succeeded' }
        : { status: 'failed', declineCode: 'authentication_required' };
    case 'authenticate_always':
      return offSession
        ? { status: 'failed', declineCode: 'authentication_required' }
        : { status: 'requires_action' };
    case 'settle_succeed':
    case 'settle_fail':
      return { status: 'processing' };
    default: {
      const declineCode = behaviorDeclineCode(method.behavior);
      return declineCode === null ? { status: 'succeeded' } : { status: 'failed', declineCode };
    }
  }
}

/** The outcome of setting `method` up for off-session use (a SetupIntent: no money moves). */
export function decideSetup(
  method: MethodFacts,
): { readonly status: 'succeeded' | 'requires_action' } | { readonly status: 'failed'; readonly declineCode: DeclineCode } {
  switch (method.behavior) {
    case 'authenticate_unless_setup':
      return method.offSessionReady ? { status: 'succeeded' } : { status: 'requires_action' };
    case 'authenticate_always':
      return { status: 'requires_action' };
    // 0341 is the card that passes every check up front and only fails when charged.
    case 'decline_after_attach':
      return { status: 'succeeded' };
    default: {
      const declineCode = behaviorDeclineCode(method.behavior);
      return declineCode === null ? { status: 'succeeded' } : { status: 'failed', declineCode };
    }
  }
}

/** How a processing payment ends when it settles. */
export function decideSettlement(
  behavior: SandboxBehavior,
): { readonly status: 'succeeded' } | { readonly status: 'failed'; readonly declineCode: DeclineCode } {
  return behavior === 'settle_fail' ? { status: 'failed', declineCode: 'insufficient_funds' } : { status: 'succeeded' };
}
