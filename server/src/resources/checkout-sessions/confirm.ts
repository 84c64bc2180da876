import type { CheckoutSessionCompleteActionParams, PaymentMethodInput } from '@abona/api';
import { checkPromotionForCustomer } from '../../billing/discounts.js';
import { asPaymentMethodError, CardDeclined } from '../../billing/errors.js';
import {
  createGatewayCustomer,
  gatewayCustomerRef,
  isSandbox,
  type Gateways,
} from '../../billing/gateways.js';
import { findCustomerByEmail } from '../../billing/repository.js';
import { Conflict, InvalidRequest } from '../../errors/index.js';
import { deriveIdempotencyKey } from '../../gateway/idempotency.js';
import type { PaymentGateway, PaymentMethod, PaymentResult, SetupResult } from '../../gateway/types.js';
import { invoiceRepository } from '../invoices/repository.js';
import { completeCheckout } from './complete.js';
import { checkoutSessionRepository, type CheckoutSessionRow } from './repository.js';
import { CONFIRM_LOCK_MS, type CheckoutDeps, type CheckoutSessionService } from './service.js';
import { stateOf, type ConfirmState, type SessionMethod, type SessionState } from './state.js';


type Outcome =
  | { kind: 'payment'; result: PaymentResult; idempotencyKey: string }
  | { kind: 'setup'; result: SetupResult; idempotencyKey: string };

function methodOf(method: PaymentMethod): SessionMethod {
  return {
    ref: method.id,
    type: method.type,
    brand: method.card?.brand ?? null,
    last4: method.card?.last4 ?? method.sepaDebit?.last4 ?? null,
    expMonth: method.card?.expMonth ?? null,
    expYear: method.card?.expYear ?? null,
    offSessionReady: method.offSessionReady,
  };
}

/**
 * Confirming a checkout: pay (or set the card up for a trial) at the gateway first, then write
 * everything in one transaction. A decline writes nothing but the session's own error; no
 * transaction is open while the gateway works.
 */
export function checkoutConfirmation(
  deps: CheckoutDeps & { gateways: Gateways; sessions: CheckoutSessionService },
) {
  const { db, clock, ids, gateways, sessions } = deps;

  /** A token for whatever the buyer gave: tokens as they are, test cards and IBANs through the sandbox (test mode only). */
  async function tokenFor(
    gateway: PaymentGateway,
    livemode: boolean,
    input: PaymentMethodInput,
  ): Promise<string> {
    if (typeof input === 'string') return input;
    if ('token' in input) return input.token;
    if ('card' in input || input.type === 'sepa_debit') {
      const param = 'card' in input ? 'payment_method[card]' : 'payment_method[iban]';
      if (livemode || !isSandbox(gateway)) {
        throw new InvalidRequest(
          'Card and account numbers are accepted in test mode only; send a gateway token',
          param,
          'test_mode_only',
        );
      }
      try {
        const token =
          'card' in input
            ? await gateway.tokenizeCard(input.card)
            : await gateway.tokenizeSepaDebit({ iban: input.iban });
        return token.token;
      } catch (error) {
        throw asPaymentMethodError(error, 'card' in input ? 'payment_method[card]' : 'payment_method');
      }
    }
    return 'tok_bank_transfer';
  }

  /** Takes the session for one confirmation (optimistic lock on the version that was read). */
  async function claim(
    row: CheckoutSessionRow,
    patch: Partial<CheckoutSessionRow>,
  ): Promise<CheckoutSessionRow> {
    const claimed = await db.transaction((tx) =>
      checkoutSessionRepository.update(tx, row.livemode, row.id, row.version, patch),
    );
    if (!claimed)
      throw new Conflict(
        'This checkout session is being confirmed by another request; retry shortly',
        'checkout_session_busy',
      );
    return claimed;
  }

  /** Writes the session's new confirmation state if `attempt` still owns it. */
  async function writeConfirm(
    livemode: boolean,
    id: string,
    attempt: number,
    patch: (state: SessionState, confirm: ConfirmState) => Partial<CheckoutSessionRow>,
  ): Promise<CheckoutSessionRow | undefined> {
    return db.transaction(async (tx) => {
      const row = await checkoutSessionRepository.find(tx, livemode, id);
      if (!row || row.status !== 'open') return row;
      const state = stateOf(row);
      if (!state.confirm || state.confirm.attempt !== attempt) return row;
      return checkoutSessionRepository.update(tx, livemode, id, row.version, {
        ...patch(state, state.confirm),
        updatedAt: clock.now(),
      });
    });
  }

  const unlock = (livemode: boolean, id: string, attempt: number) =>
    writeConfirm(livemode, id, attempt, (state, confirm) => ({
      quote: { ...state, confirm: { ...confirm, lockedAtMs: null } },
    }));

  /** Acts on what the gateway answered: complete, wait for 3-D Secure or settlement, or decline. */
  async function settle(
    row: CheckoutSessionRow,
    gateway: PaymentGateway,
    outcome: Outcome,
    method: SessionMethod,
  ): Promise<CheckoutSessionRow> {
    const { livemode, id } = row;
    const attempt = stateOf(row).confirm?.attempt ?? 0;
    const atMs = clock.now();
    const result = outcome.result;
    switch (result.status) {
      case 'succeeded': {
        const ready = { ...method, offSessionReady: true };
        await writeConfirm(livemode, id, attempt, (state, confirm) => ({
          quote: { ...state, confirm: { ...confirm, method: ready } },
        }));
        const payment =
          outcome.kind === 'payment' && outcome.result.status === 'succeeded'
            ? {
                ref: outcome.result.paymentId,
                amount: outcome.result.amountMinor,
                idempotencyKey: outcome.idempotencyKey,
              }
            : null;
        return db.transaction((tx) =>
          completeCheckout(tx, { livemode, sessionId: id, gatewayName: gateway.name, payment, atMs, ids }),
        );
      }
      case 'requires_action':
      case 'processing': {
        const customerRef = stateOf(row).confirm?.customerRef ?? undefined;
        const instructions =
          result.status === 'processing' && method.type === 'bank_transfer'
            ? await gateway.bankTransferInstructions(row.currency, customerRef)
            : null;
        const ref = 'paymentId' in result ? result.paymentId : result.setupId;
        const updated = await writeConfirm(livemode, id, attempt, (state, confirm) => ({
          paymentStatus: result.status,
          quote: {
            ...state,
            confirm: {
              ...confirm,
              lockedAtMs: null,
              method,
              lastError: null,
              pending: {
                kind: outcome.kind,
                ref,
                idempotencyKey: outcome.idempotencyKey,
                actionId: result.status === 'requires_action' ? result.actionId : null,
                clientSecret: result.status === 'requires_action' ? result.clientSecret : null,
                instructions,
              },
            },
          },
        }));
        return updated ?? row;
      }
      case 'failed': {
        await writeConfirm(livemode, id, attempt, (state, confirm) => ({
          paymentStatus: 'unpaid',
          quote: {
            ...state,
            confirm: {
              ...confirm,
              lockedAtMs: null,
              pending: null,
              lastError: { code: 'card_declined', declineCode: result.declineCode, message: result.message },
            },
          },
        }));
        throw new CardDeclined(result.message, result.declineCode);
      }
    }
  }

  /** The session if it needs no confirmation (complete, or a transfer under way); throws when it cannot be confirmed. */
  async function openForConfirm(
    livemode: boolean,
    id: string,
    atMs: number,
  ): Promise<CheckoutSessionRow | null> {
    const row = await sessions.retrieve(livemode, id);
    if (row.status === 'complete') return row;
    if (row.status === 'expired' || atMs >= row.expiresAt) {
      if (row.status === 'open')
        await db.transaction((tx) =>
          checkoutSessionRepository.update(tx, livemode, id, row.version, {
            status: 'expired',
            updatedAt: atMs,
          }),
        );
      throw new InvalidRequest('This checkout session has expired', undefined, 'checkout_session_expired');
    }
    if (row.paymentStatus === 'processing') return row;
    const lockedAtMs = stateOf(row).confirm?.lockedAtMs;
    if (lockedAtMs !== null && lockedAtMs !== undefined && atMs - lockedAtMs < CONFIRM_LOCK_MS) {
      throw new Conflict(
        'This checkout session is being confirmed by another request; retry shortly',
        'checkout_session_busy',
      );
    }
    return null;
  }

  return {
    /**
     * `POST /v1/checkout_sessions/:id/confirm`. A complete session is returned unchanged (never
     * charged twice); a declined payment is a 402 and leaves no customer, subscription, invoice
     * or payment method behind.
     */
    async confirm(livemode: boolean, id: string, input: PaymentMethodInput): Promise<CheckoutSessionRow> {
      const atMs = clock.now();
      const done = await openForConfirm(livemode, id, atMs);
      if (done) return done;
      const gateway = gateways.of(livemode);
      const row = await sessions.retrieve(livemode, id);
      const email = row.customerDetails.email;
      if (!email)
        throw new InvalidRequest(
          'An email address is needed to complete the checkout',
          'email',
          'parameter_missing',
        );

      // Re-price at confirmation time (periods start now); a promotion that lapsed is a 400.
      const priced = await sessions.price(
        livemode,
        {
          items: row.items,
          currency: row.currency,
          details: row.customerDetails,
          promotionCode: await sessions.promotionCodeText(livemode, row),
        },
        atMs,
      );
      const existing = await findCustomerByEmail(db, livemode, email);
      if (priced.applied) {
        const paidBefore = existing
          ? (await invoiceRepository.countForCustomer(db, livemode, existing.id, 'paid')) > 0
          : false;
        checkPromotionForCustomer(priced.applied, existing?.id ?? null, paidBefore);
      }
      const previous = stateOf(row).confirm;
      const customerId = existing?.id ?? previous?.customerId ?? ids.next('cus');
      const confirm: ConfirmState = {
        attempt: (previous?.attempt ?? 0) + 1,
        lockedAtMs: atMs,
        customerId,
        customerRef: null,
        method: null,
        pending: null,
        lastError: previous?.lastError ?? null,
      };
      const claimedRow = await claim(row, {
        ...sessions.pricedColumns(priced, atMs, confirm),
        paymentStatus: 'unpaid',
        updatedAt: atMs,
      });

      try {
        const customerRef = existing
          ? await gatewayCustomerRef(db, gateway, livemode, customerId)
          : await createGatewayCustomer(gateway, customerId);
        await writeConfirm(livemode, id, confirm.attempt, (state, c) => ({
          quote: { ...state, confirm: { ...c, customerRef } },
        }));
        const token = await tokenFor(gateway, livemode, input);
        let method: PaymentMethod;
        try {
          method = await gateway.attachPaymentMethod({ customerRef, paymentMethodToken: token });
        } catch (error) {
          throw asPaymentMethodError(error);
        }
        const amount = priced.quote.today.amountDue;
        let outcome: Outcome;
        if (amount > 0) {
          const idempotencyKey = deriveIdempotencyKey('checkout_payment', id, confirm.attempt);
          const result = await gateway.charge({
            amountMinor: amount,
            currency: priced.currency,
            paymentMethodId: method.id,
            customerRef,
            offSession: false,
            idempotencyKey,
            description: `Checkout ${id}`,
            metadata: { abona_checkout_session_id: id },
          });
          outcome = { kind: 'payment', result, idempotencyKey };
        } else {
          const idempotencyKey = deriveIdempotencyKey('checkout_setup', id, confirm.attempt);
          const result = await gateway.setupPaymentMethod({
            customerRef,
            paymentMethodId: method.id,
            idempotencyKey,
          });
          outcome = { kind: 'setup', result, idempotencyKey };
        }
        const current = (await checkoutSessionRepository.find(db, livemode, id)) ?? claimedRow;
        return await settle(current, gateway, outcome, methodOf(method));
      } catch (error) {
        await unlock(livemode, id, confirm.attempt);
        throw error;
      }
    },

    /** `POST /v1/checkout_sessions/:id/complete_action`: the 3-D Secure challenge finished. */
    async completeAction(
      livemode: boolean,
      id: string,
      params: CheckoutSessionCompleteActionParams,
    ): Promise<CheckoutSessionRow> {
      const atMs = clock.now();
      const done = await openForConfirm(livemode, id, atMs);
      if (done) return done;
      const row = await sessions.retrieve(livemode, id);
      const state = stateOf(row);
      const confirm = state.confirm;
      const pending = confirm?.pending;
      if (
        !confirm ||
        !pending ||
        row.paymentStatus !== 'requires_action' ||
        pending.actionId !== params.action_id ||
        !confirm.method
      ) {
        throw new InvalidRequest(
          `No 3-D Secure action '${params.action_id}' is waiting on this session`,
          'action_id',
          'action_invalid',
        );
      }
      const gateway = gateways.of(livemode);
      const claimed = await claim(row, {
        quote: { ...state, confirm: { ...confirm, lockedAtMs: atMs } },
        updatedAt: atMs,
      });
      try {
        const answer = await gateway.confirmAction(params.action_id, params.outcome ?? 'complete');
        const outcome: Outcome =
          answer.object === 'payment'
            ? { kind: 'payment', result: answer.result, idempotencyKey: pending.idempotencyKey }
            : { kind: 'setup', result: answer.result, idempotencyKey: pending.idempotencyKey };
        return await settle(claimed, gateway, outcome, confirm.method);
      } catch (error) {
        await unlock(livemode, id, confirm.attempt);
        throw error;
      }
    },

    /**
     * Settles bank transfers and debits due by `atMs` at every gateway, then finishes the
     * checkout sessions waiting for them: completed when the money arrived, back to unpaid with
     * the reason when it did not. Lifecycle jobs and test clocks call it.
     */
    async settleSessions(atMs: number): Promise<{ completed: string[]; failed: string[] }> {
      const completed: string[] = [];
      const failed: string[] = [];
      for (const row of await checkoutSessionRepository.processing(db)) {
        const pending = stateOf(row).confirm?.pending;
        const method = stateOf(row).confirm?.method;
        if (!pending || !method || pending.kind !== 'payment') continue;
        const gateway = gateways.of(row.livemode);
        const result = await gateway.retrievePayment(pending.ref);
        if (result.status === 'succeeded') {
          await db.transaction((tx) =>
            completeCheckout(tx, {
              livemode: row.livemode,
              sessionId: row.id,
              gatewayName: gateway.name,
              payment: {
                ref: result.paymentId,
                amount: result.amountMinor,
                idempotencyKey: pending.idempotencyKey,
              },
              atMs,
              ids,
            }),
          );
          completed.push(row.id);
        } else if (result.status === 'failed') {
          const attempt = stateOf(row).confirm?.attempt ?? 0;
          await writeConfirm(row.livemode, row.id, attempt, (state, confirm) => ({
            paymentStatus: 'unpaid',
            quote: {
              ...state,
              confirm: {
                ...confirm,
                pending: null,
                lastError: {
                  code: 'payment_failed',
                  declineCode: result.declineCode,
                  message: result.message,
                },
              },
            },
          }));
          failed.push(row.id);
        }
      }
      return { completed, failed };
    },
  };
}
export type CheckoutConfirmation = ReturnType<typeof checkoutConfirmation>;
