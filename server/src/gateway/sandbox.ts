import { randomUUID } from 'node:crypto';
import { CoreError, InvalidInputError } from '@abona/core';
import { sandboxBankTransferInstructions } from './bank-transfer.js';
import { declineInfo } from './declines.js';
import { decideCharge, decideSettlement, decideSetup } from './outcomes.js';
import { canonicalJson, mustGet, replayedObjectId, toPaymentResult, toSetupResult } from './records.js';
import { resolveStaticToken } from './static-tokens.js';
import {
  createMemorySandboxStore,
  type SandboxPaymentMethodRecord,
  type SandboxPaymentRecord,
  type SandboxSetupRecord,
  type SandboxStore,
  type SandboxStoreTx,
} from './store.js';
import { tokenizeTestCard, tokenizeTestSepaDebit, type TestCardInput, type TestSepaDebitInput } from './tokenize.js';
import type {
  ActionResult,
  AttachPaymentMethodInput,
  CardSummary,
  ChargeInput,
  CreateCustomerInput,
  DeclineCode,
  PaymentGateway,
  PaymentMethod,
  PaymentResult,
  Refund,
  RefundInput,
  SepaDebitSummary,
  SetupPaymentMethodInput,
  SetupResult,
} from './types.js';
import {
  requireCurrency,
  requireId,
  requireIdempotencyKey,
  requireInstant,
  requireMetadata,
  requirePositiveMinor,
} from './validate.js';

const DAY_MS = 86_400_000;

export interface SandboxGatewayOptions {
  /** Where state lives. Default: a fresh in-memory store. */
  readonly store?: SandboxStore;
  /** Where "now" comes from (the server's `Clock` fits). Default: the wall clock. */
  readonly clock?: { now(): number };
  /** Prefixed ids, `next('pay')` → `pay_…` (the server's `IdGenerator` fits). Default: random. */
  readonly ids?: { next(prefix: string): string };
  /** How long after the charge a processing payment settles. Default: SEPA 3 days, transfer 1 day. */
  readonly settlementDelayMs?: { readonly sepaDebit?: number; readonly bankTransfer?: number };
  /** Name on the demo receiving account. Default: `'Abona Sandbox'`. */
  readonly accountHolderName?: string;
}

/** A single-use token and the harmless summary of what it stands for. */
export interface SandboxToken {
  /** `tok_…`, to pass to `attachPaymentMethod`. */
  readonly token: string;
  readonly card: CardSummary | null;
  readonly sepaDebit: SepaDebitSummary | null;
}

/** One charge of {@link SandboxGateway.chargeMany}: its result, or what `charge` would have thrown. */
export type ChargeOutcome = { ok: true; result: PaymentResult } | { ok: false; error: unknown };

interface ChargeRequest {
  key: string;
  body: {
    amountMinor: number;
    currency: string;
    paymentMethodId: string;
    customerRef: string;
    offSession: boolean;
    description: string | null;
    metadata: Readonly<Record<string, string>>;
  };
}

/** The sandbox gateway: the port plus the test-mode tokenizer the widget's test forms post to. */
export interface SandboxGateway extends PaymentGateway {
  readonly name: 'sandbox';
  readonly livemode: false;
  createCustomer(input: CreateCustomerInput): Promise<{ readonly customerRef: string }>;
  /**
   * Many charges in one store transaction (one database transaction instead of one per charge),
   * each exactly as {@link PaymentGateway.charge} would make it (same keys, replays, declines),
   * in order. A refused request is that charge's outcome, not the batch's.
   */
  chargeMany(inputs: readonly ChargeInput[]): Promise<ChargeOutcome[]>;
  /** Test mode only: validates a test card and keeps brand, last 4 and expiry, never the number or CVC. */
  tokenizeCard(input: TestCardInput): Promise<SandboxToken>;
  /** Test mode only: validates a test IBAN and keeps country, bank code and last 4. */
  tokenizeSepaDebit(input: TestSepaDebitInput): Promise<SandboxToken>;
}

function randomId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

function publicMethod(record: SandboxPaymentMethodRecord): PaymentMethod {
  const { behavior: _behavior, ...method } = record;
  return method;
}

/**
 * Creates the built-in sandbox gateway: deterministic (outcomes depend only on the test card,
 * IBAN or token and on whether the customer is present), fully offline, with its state in
 * `store`. See {@link TEST_CARDS} for the cards, `tok_apple_pay` / `tok_google_pay` /
 * `tok_wallet_declined` for wallets, `tok_bank_transfer` for bank transfers.
 *
 * @example
 * const gateway = createSandboxGateway({ clock, ids });
 * const { token } = await gateway.tokenizeCard({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' });
 * const method = await gateway.attachPaymentMethod({ customerRef, paymentMethodToken: token });
 */
export function createSandboxGateway(options: SandboxGatewayOptions = {}): SandboxGateway {
  const store = options.store ?? createMemorySandboxStore();
  const clock = options.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const ids = options.ids ?? { next: randomId };
  const newId = (prefix: string) => ids.next(prefix);
  const sepaDelayMs = options.settlementDelayMs?.sepaDebit ?? 3 * DAY_MS;
  const transferDelayMs = options.settlementDelayMs?.bankTransfer ?? DAY_MS;
  const accountHolderName = options.accountHolderName ?? 'Abona Sandbox';
  for (const [param, delayMs] of [['settlementDelayMs.sepaDebit', sepaDelayMs], ['settlementDelayMs.bankTransfer', transferDelayMs]] as const) {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0) {
      throw new InvalidInputError(`${param} must be a non-negative integer of milliseconds, got ${delayMs}`, param);
    }
  }

  const clientSecret = (id: string) => `${id}_${newId('secret')}`;

  function failure(code: DeclineCode, message?: string) {
    const info = declineInfo(code);
    return { declineCode: code, message: message ?? info.message, hard: info.hard };
  }

  async function markOffSessionReady(tx: SandboxStoreTx, paymentMethodId: string): Promise<void> {
    const method = await mustGet(tx, 'paymentMethods', paymentMethodId, 'paymentMethodId');
    await tx.put('paymentMethods', method.id, { ...method, offSessionReady: true });
  }

  async function storeToken(
    type: 'card' | 'sepa_debit',
    card: CardSummary | null,
    sepaDebit: SepaDebitSummary | null,
    behavior: SandboxPaymentMethodRecord['behavior'],
  ): Promise<SandboxToken> {
    const id = newId('tok');
    const createdAtMs = now();
    await store.transaction((tx) =>
      tx.put('tokens', id, { id, type, card, sepaDebit, behavior, used: false, createdAtMs }),
    );
    return { token: id, card, sepaDebit };
  }

  /** A charge's parameters, validated (throws as `charge` does for a bad request). */
  function chargeRequest(input: ChargeInput): ChargeRequest {
    return {
      key: requireIdempotencyKey(input.idempotencyKey),
      body: {
        amountMinor: requirePositiveMinor(input.amountMinor, 'amountMinor'),
        currency: requireCurrency(input.currency),
        paymentMethodId: requireId(input.paymentMethodId, 'paymentMethodId'),
        customerRef: requireId(input.customerRef, 'customerRef'),
        offSession: input.offSession === true,
        description: input.description ?? null,
        metadata: requireMetadata(input.metadata),
      },
    };
  }

  /** One charge inside a store transaction: replayed by its key, or decided and recorded. Throws before any write. */
  async function chargeIn(tx: SandboxStoreTx, { key, body: request }: ChargeRequest): Promise<PaymentResult> {
    const fingerprint = canonicalJson(request);
    const replayed = await replayedObjectId(tx, key, 'charge', fingerprint);
    if (replayed !== null) return toPaymentResult(await mustGet(tx, 'payments', replayed, 'paymentId'));
    const method = await attachedMethod(tx, request.paymentMethodId, request.customerRef);
    if (method.type === 'sepa_debit' && request.currency !== 'EUR') {
      throw new InvalidInputError('SEPA Direct Debit only supports EUR', 'currency', 'currency_not_supported');
    }
    const decision = decideCharge(method, request.offSession);
    const id = newId('pay');
    const createdAtMs = now();
    const delayMs = method.type === 'sepa_debit' ? sepaDelayMs : transferDelayMs;
    const payment: SandboxPaymentRecord = {
      id,
      ...request,
      status: decision.status,
      declineCode: null,
      message: null,
      hard: false,
      clientSecret: decision.status === 'requires_action' ? clientSecret(id) : null,
      settlesAtMs: decision.status === 'processing' ? createdAtMs + delayMs : null,
      amountRefundedMinor: 0,
      createdAtMs,
      updatedAtMs: createdAtMs,
      ...(decision.status === 'failed' ? failure(decision.declineCode) : {}),
    };
    await tx.put('payments', id, payment);
    await tx.put('idempotency', key, { key, operation: 'charge', fingerprint, objectId: id, createdAtMs });
    return toPaymentResult(payment);
  }

  return {
    name: 'sandbox',
    livemode: false,

    async tokenizeCard(input) {
      const { card, behavior } = tokenizeTestCard(input, now());
      return storeToken('card', card, null, behavior);
    },

    async tokenizeSepaDebit(input) {
      const { sepaDebit, behavior } = tokenizeTestSepaDebit(input);
      return storeToken('sepa_debit', null, sepaDebit, behavior);
    },

    async createCustomer(input) {
      const key = requireIdempotencyKey(input.idempotencyKey);
      const record = {
        email: input.email ?? null,
        name: input.name ?? null,
        metadata: requireMetadata(input.metadata),
      };
      const fingerprint = canonicalJson(record);
      return store.transaction(async (tx) => {
        const replayed = await replayedObjectId(tx, key, 'customer', fingerprint);
        if (replayed !== null) return { customerRef: replayed };
        const id = newId('cus');
        const createdAtMs = now();
        await tx.put('customers', id, { id, ...record, createdAtMs });
        await tx.put('idempotency', key, { key, operation: 'customer', fingerprint, objectId: id, createdAtMs });
        return { customerRef: id };
      });
    },

    async attachPaymentMethod(input: AttachPaymentMethodInput) {
      const customerRef = requireId(input.customerRef, 'customerRef');
      const token = requireId(input.paymentMethodToken, 'paymentMethodToken');
      return store.transaction(async (tx) => {
        const createdAtMs = now();
        let resolved: Pick<SandboxPaymentMethodRecord, 'type' | 'card' | 'sepaDebit' | 'behavior'>;
        const known = resolveStaticToken(token, createdAtMs);
        if (known !== null) {
          resolved = { type: known.type, card: known.card, sepaDebit: null, behavior: known.behavior };
        } else {
          const stored = await tx.get('tokens', token);
          if (stored === undefined) {
            throw new CoreError('resource_missing', `No such token: '${token}'`, 'paymentMethodToken');
          }
          if (stored.used) {
            throw new InvalidInputError(
              `You cannot use a token more than once: '${token}'`,
              'paymentMethodToken',
              'token_already_used',
            );
          }
          await tx.put('tokens', token, { ...stored, used: true });
          resolved = { type: stored.type, card: stored.card, sepaDebit: stored.sepaDebit, behavior: stored.behavior };
        }
        const record: SandboxPaymentMethodRecord = {
          id: newId('pm'),
          customerRef,
          ...resolved,
          offSessionReady: false,
          createdAtMs,
        };
        await tx.put('paymentMethods', record.id, record);
        return publicMethod(record);
      });
    },

    async setupPaymentMethod(input: SetupPaymentMethodInput): Promise<SetupResult> {
      const key = requireIdempotencyKey(input.idempotencyKey);
      const customerRef = requireId(input.customerRef, 'customerRef');
      const paymentMethodId = requireId(input.paymentMethodId, 'paymentMethodId');
      const fingerprint = canonicalJson({ customerRef, paymentMethodId });
      return store.transaction(async (tx) => {
        const replayed = await replayedObjectId(tx, key, 'setup', fingerprint);
        if (replayed !== null) return toSetupResult(await mustGet(tx, 'setups', replayed, 'setupId'));
        const method = await attachedMethod(tx, paymentMethodId, customerRef);
        const decision = decideSetup(method);
        const id = newId('seti');
        const createdAtMs = now();
        const setup: SandboxSetupRecord = {
          id,
          customerRef,
          paymentMethodId,
          status: decision.status,
          declineCode: null,
          message: null,
          hard: false,
          clientSecret: decision.status === 'requires_action' ? clientSecret(id) : null,
          createdAtMs,
          ...(decision.status === 'failed' ? failure(decision.declineCode) : {}),
        };
        if (setup.status === 'succeeded') await tx.put('paymentMethods', method.id, { ...method, offSessionReady: true });
        await tx.put('setups', id, setup);
        await tx.put('idempotency', key, { key, operation: 'setup', fingerprint, objectId: id, createdAtMs });
        return toSetupResult(setup);
      });
    },

    async charge(input: ChargeInput): Promise<PaymentResult> {
      const request = chargeRequest(input);
      return store.transaction((tx) => chargeIn(tx, request));
    },

    async chargeMany(inputs: readonly ChargeInput[]): Promise<ChargeOutcome[]> {
      // Each charge exactly as `charge` would do it, in one store transaction: a charge that is
      // refused throws before writing anything, so the others of the batch stand.
      const requests = inputs.map((input): { request: ChargeRequest } | { error: unknown } => {
        try {
          return { request: chargeRequest(input) };
        } catch (error) {
          return { error };
        }
      });
      return store.transaction(async (tx) => {
        const outcomes: ChargeOutcome[] = [];
        for (const item of requests) {
          if ('error' in item) {
            outcomes.push({ ok: false, error: item.error });
            continue;
          }
          try {
            outcomes.push({ ok: true, result: await chargeIn(tx, item.request) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        return outcomes;
      });
    },

    async confirmAction(actionId: string, outcome: 'complete' | 'fail'): Promise<ActionResult> {
      requireId(actionId, 'actionId');
      if (outcome !== 'complete' && outcome !== 'fail') {
        throw new InvalidInputError(`outcome must be 'complete' or 'fail', got ${String(outcome)}`, 'outcome');
      }
      return store.transaction(async (tx) => {
        const updatedAtMs = now();
        const payment = await tx.get('payments', actionId);
        if (payment !== undefined) {
          // A finished challenge stays finished: confirming again reports the state, never re-charges.
          if (payment.status !== 'requires_action') return { object: 'payment', result: toPaymentResult(payment) };
          const next: SandboxPaymentRecord =
            outcome === 'complete'
              ? { ...payment, status: 'succeeded', clientSecret: null, updatedAtMs }
              : { ...payment, status: 'failed', clientSecret: null, updatedAtMs, ...failure('authentication_failed') };
          // Authenticating a payment also sets the card up for later renewals (setup_future_usage).
          if (outcome === 'complete') await markOffSessionReady(tx, payment.paymentMethodId);
          await tx.put('payments', next.id, next);
          return { object: 'payment', result: toPaymentResult(next) };
        }
        const setup = await mustGet(tx, 'setups', actionId, 'actionId');
        if (setup.status !== 'requires_action') return { object: 'setup', result: toSetupResult(setup) };
        const next: SandboxSetupRecord =
          outcome === 'complete'
            ? { ...setup, status: 'succeeded', clientSecret: null }
            : { ...setup, status: 'failed', clientSecret: null, ...failure('authentication_failed') };
        if (outcome === 'complete') await markOffSessionReady(tx, setup.paymentMethodId);
        await tx.put('setups', next.id, next);
        return { object: 'setup', result: toSetupResult(next) };
      });
    },

    async retrievePayment(paymentId: string): Promise<PaymentResult> {
      requireId(paymentId, 'paymentId');
      return store.transaction(async (tx) => toPaymentResult(await mustGet(tx, 'payments', paymentId, 'paymentId')));
    },

    async refund(input: RefundInput): Promise<Refund> {
      const key = requireIdempotencyKey(input.idempotencyKey);
      const paymentId = requireId(input.paymentId, 'paymentId');
      const requestedMinor =
        input.amountMinor === undefined ? null : requirePositiveMinor(input.amountMinor, 'amountMinor');
      const fingerprint = canonicalJson({ paymentId, amountMinor: requestedMinor });
      return store.transaction(async (tx) => {
        const replayed = await replayedObjectId(tx, key, 'refund', fingerprint);
        if (replayed !== null) {
          const refund = await tx.get('refunds', replayed);
          if (refund === undefined) throw new CoreError('resource_missing', `No such refund: '${replayed}'`, 'refundId');
          return refund;
        }
        const payment = await mustGet(tx, 'payments', paymentId, 'paymentId');
        const remainingMinor = payment.amountMinor - payment.amountRefundedMinor;
        if (payment.status !== 'succeeded' || remainingMinor === 0) {
          throw new InvalidInputError(
            payment.status === 'succeeded'
              ? `Payment ${paymentId} has already been refunded in full`
              : `Payment ${paymentId} is ${payment.status}; only succeeded payments can be refunded`,
            'paymentId',
            'payment_not_refundable',
          );
        }
        const amountMinor = requestedMinor ?? remainingMinor;
        if (amountMinor > remainingMinor) {
          throw new InvalidInputError(
            `Refund of ${amountMinor} is greater than the ${remainingMinor} still refundable on ${paymentId}`,
            'amountMinor',
            'refund_exceeds_captured',
          );
        }
        const createdAtMs = now();
        const refund: Refund = {
          id: newId('re'),
          paymentId,
          amountMinor,
          currency: payment.currency,
          status: 'succeeded',
          createdAtMs,
        };
        await tx.put('refunds', refund.id, refund);
        await tx.put('payments', paymentId, {
          ...payment,
          amountRefundedMinor: payment.amountRefundedMinor + amountMinor,
          updatedAtMs: createdAtMs,
        });
        await tx.put('idempotency', key, { key, operation: 'refund', fingerprint, objectId: refund.id, createdAtMs });
        return refund;
      });
    },

    async settle(atMs: number): Promise<PaymentResult[]> {
      requireInstant(atMs, 'atMs');
      return store.transaction(async (tx) => {
        const due = (await tx.list('payments'))
          .filter((p) => p.status === 'processing' && p.settlesAtMs !== null && p.settlesAtMs <= atMs)
          .sort((a, b) => (a.settlesAtMs ?? 0) - (b.settlesAtMs ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const settled: PaymentResult[] = [];
        for (const payment of due) {
          const method = await mustGet(tx, 'paymentMethods', payment.paymentMethodId, 'paymentMethodId');
          const decision = decideSettlement(method.behavior);
          const next: SandboxPaymentRecord =
            decision.status === 'succeeded'
              ? { ...payment, status: 'succeeded', updatedAtMs: atMs }
              : {
                  ...payment,
                  status: 'failed',
                  updatedAtMs: atMs,
                  ...failure(decision.declineCode, 'The debit was returned by the bank: insufficient funds.'),
                };
          await tx.put('payments', next.id, next);
          settled.push(toPaymentResult(next));
        }
        return settled;
      });
    },

    async bankTransferInstructions(currency: string, customerRef?: string) {
      return sandboxBankTransferInstructions(requireCurrency(currency), customerRef, accountHolderName);
    },
  };
}

/** True for a gateway that charges a batch in one transaction (the sandbox). */
export function chargesInBatches(gateway: PaymentGateway): gateway is PaymentGateway & Pick<SandboxGateway, 'chargeMany'> {
  return typeof (gateway as Partial<SandboxGateway>).chargeMany === 'function';
}

/** The method, checked to belong to `customerRef` (Stripe refuses to charge someone else's card). */
async function attachedMethod(
  tx: SandboxStoreTx,
  paymentMethodId: string,
  customerRef: string,
): Promise<SandboxPaymentMethodRecord> {
  const method = await mustGet(tx, 'paymentMethods', paymentMethodId, 'paymentMethodId');
  if (method.customerRef !== customerRef) {
    throw new InvalidInputError(
      `The payment method ${paymentMethodId} is not attached to customer ${customerRef}`,
      'paymentMethodId',
      'payment_method_not_attached',
    );
  }
  return method;
}
