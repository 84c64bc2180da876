/**
 * The `PaymentGateway` port: everything the billing server asks of a payment processor.
 *
 * It is shaped so that a Stripe adapter maps onto it one call to one call:
 *
 * | port                        | Stripe                                                                   |
 * | --------------------------- | ------------------------------------------------------------------------ |
 * | `createCustomer`            | `customers.create({ email, name, metadata })` → `cus_…`                  |
 * | `attachPaymentMethod`       | `paymentMethods.attach(pm, { customer })` (a `tok_…` is first turned into a `pm_…` with `paymentMethods.create({ type: 'card', card: { token } })`) |
 * | `setupPaymentMethod`        | `setupIntents.create({ customer, payment_method, usage: 'off_session', confirm: true })` |
 * | `charge`                    | `paymentIntents.create({ amount, currency: lower, customer, payment_method, off_session, confirm: true, description, metadata }, { idempotencyKey })` |
 * | `PaymentResult.status`      | PaymentIntent `status`: `succeeded` · `requires_action` · `processing`; a `card_error` / `requires_payment_method` is `failed` with `last_payment_error.decline_code ?? code` |
 * | `actionId` / `clientSecret` | the PaymentIntent (or SetupIntent) `id` / `client_secret`; `nextAction.type: 'three_d_secure'` is `next_action.type: 'use_stripe_sdk'` |
 * | `confirmAction`             | the browser runs `stripe.handleNextAction({ clientSecret })`; the server then `paymentIntents.retrieve(id)`. `outcome` only drives the sandbox. |
 * | `retrievePayment`           | `paymentIntents.retrieve(id)`                                            |
 * | `refund`                    | `refunds.create({ payment_intent, amount }, { idempotencyKey })`         |
 * | `settle`                    | no call: Stripe reports settlement with `payment_intent.succeeded` / `payment_intent.payment_failed` webhooks, so the adapter returns `[]` |
 * | `bankTransferInstructions`  | `customer_balance` funding instructions (`next_action.display_bank_transfer_instructions`) |
 *
 * Declines are results, not exceptions: a charge that the issuer refuses resolves to
 * `{ status: 'failed' }`. Exceptions are for callers' mistakes (bad input, unknown ids, a reused
 * idempotency key) and carry a stable `code` (see {@link GatewayErrorCode}).
 */

/** How the customer pays. `bank_transfer` is Stripe's `customer_balance`. */
export type PaymentMethodType = 'card' | 'apple_pay' | 'google_pay' | 'sepa_debit' | 'bank_transfer';

/** Card networks the sandbox recognizes (Stripe's `card.brand` values). */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

/** Stripe's `card.funding`. */
export type CardFunding = 'credit' | 'debit' | 'prepaid' | 'unknown';

/** What may be kept about a card: never the full number, never the CVC. */
export interface CardSummary {
  readonly brand: CardBrand;
  readonly last4: string;
  /** 1–12. */
  readonly expMonth: number;
  /** Four digits. */
  readonly expYear: number;
  readonly funding: CardFunding;
}

/** What may be kept about a SEPA debit account (Stripe's `sepa_debit`): never the full IBAN. */
export interface SepaDebitSummary {
  /** ISO 3166-1 alpha-2 country of the IBAN. */
  readonly country: string;
  /** National bank code from the IBAN (the German BLZ, for instance). */
  readonly bankCode: string;
  readonly last4: string;
}

/** A payment method attached to a customer at the gateway (Stripe's `pm_…`). */
export interface PaymentMethod {
  /** `pm_…` */
  readonly id: string;
  readonly type: PaymentMethodType;
  /** The gateway's customer reference this method belongs to. */
  readonly customerRef: string;
  /** Cards and wallets (wallets are cards underneath, as in Stripe). */
  readonly card: CardSummary | null;
  readonly sepaDebit: SepaDebitSummary | null;
  /**
   * True once the customer has authenticated this method for later off-session use (a completed
   * 3-D Secure challenge on a payment or a setup). Off-session charges on cards that demand
   * authentication fail with `authentication_required` until then.
   */
  readonly offSessionReady: boolean;
  readonly createdAtMs: number;
}

/**
 * Why a payment failed: Stripe's `decline_code` (or error `code` where no decline code exists).
 * `authentication_failed` is the customer failing or abandoning a 3-D Secure challenge
 * (Stripe's `payment_intent_authentication_failure`).
 */
export type DeclineCode =
  | 'card_declined'
  | 'generic_decline'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'processing_error'
  | 'authentication_required'
  | 'authentication_failed'
  | 'do_not_honor'
  | 'lost_card'
  | 'stolen_card'
  | 'debit_not_authorized';

/** Fields every payment result carries. */
export interface PaymentResultBase {
  /** `pay_…` (the PaymentIntent id in Stripe). */
  readonly paymentId: string;
  /** Positive integer in the currency's minor unit. */
  readonly amountMinor: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
}

/** The money moved. */
export interface PaymentSucceeded extends PaymentResultBase {
  readonly status: 'succeeded';
  /** Sum of refunds so far, minor units; never above `amountMinor`. */
  readonly amountRefundedMinor: number;
}

/** The customer must authenticate (3-D Secure) in the browser, then the server confirms. */
export interface PaymentRequiresAction extends PaymentResultBase {
  readonly status: 'requires_action';
  readonly actionId: string;
  /** Handed to the browser to run the challenge; not a secret from the customer. */
  readonly clientSecret: string;
  readonly nextAction: { readonly type: 'three_d_secure' };
}

/** Accepted, settles later (SEPA debits, bank transfers): see `settle`. */
export interface PaymentProcessing extends PaymentResultBase {
  readonly status: 'processing';
  /** When the sandbox will settle it (`settle(atMs)` with `atMs >= settlesAtMs`). */
  readonly settlesAtMs: number;
}

/** Declined or not authenticated. `hard` declines must not be retried with the same method. */
export interface PaymentFailed extends PaymentResultBase {
  readonly status: 'failed';
  readonly declineCode: DeclineCode;
  /** Human-readable, safe to show the customer. */
  readonly message: string;
  /** Lost, stolen, expired, wrong data: retrying the same method cannot succeed. */
  readonly hard: boolean;
}

/** What a charge (or a later look at it) tells the caller. */
export type PaymentResult = PaymentSucceeded | PaymentRequiresAction | PaymentProcessing | PaymentFailed;

/** Outcome of a setup (Stripe SetupIntent): no money moves. */
export type SetupResult =
  | { readonly status: 'succeeded'; readonly setupId: string; readonly paymentMethodId: string }
  | {
      readonly status: 'requires_action';
      readonly setupId: string;
      readonly paymentMethodId: string;
      readonly actionId: string;
      readonly clientSecret: string;
      readonly nextAction: { readonly type: 'three_d_secure' };
    }
  | {
      readonly status: 'failed';
      readonly setupId: string;
      readonly paymentMethodId: string;
      readonly declineCode: DeclineCode;
      readonly message: string;
      readonly hard: boolean;
    };

/** What `confirmAction` finished: a payment or a setup. */
export type ActionResult =
  | { readonly object: 'payment'; readonly result: PaymentResult }
  | { readonly object: 'setup'; readonly result: SetupResult };

export interface CreateCustomerInput {
  readonly email?: string;
  readonly name?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
}

export interface AttachPaymentMethodInput {
  readonly customerRef: string;
  /** A `tok_…` from the browser (Stripe.js, or the sandbox's test-mode tokenizer) or a wallet token. */
  readonly paymentMethodToken: string;
}

export interface SetupPaymentMethodInput {
  readonly customerRef: string;
  readonly paymentMethodId: string;
  readonly idempotencyKey: string;
}

export interface ChargeInput {
  /** Positive integer in the currency's minor unit. */
  readonly amountMinor: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  readonly paymentMethodId: string;
  readonly customerRef: string;
  /** True when the customer is not present (renewals, dunning retries): no challenge possible. */
  readonly offSession: boolean;
  /** From {@link deriveIdempotencyKey}: the same key never charges twice. */
  readonly idempotencyKey: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface RefundInput {
  readonly paymentId: string;
  /** Positive integer, minor units; omitted = everything not yet refunded. */
  readonly amountMinor?: number;
  readonly idempotencyKey: string;
}

/** A refund (Stripe's `re_…`). */
export interface Refund {
  /** `re_…` */
  readonly id: string;
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: 'succeeded';
  readonly createdAtMs: number;
}

/** Where and how a customer sends a bank transfer. */
export interface BankTransferInstructions {
  readonly currency: string;
  readonly accountHolderName: string;
  readonly bankName: string;
  /** EUR, and the fallback for every other currency. */
  readonly iban: string | null;
  readonly bic: string | null;
  /** GBP. */
  readonly sortCode: string | null;
  /** GBP and USD. */
  readonly accountNumber: string | null;
  /** USD (ABA). */
  readonly routingNumber: string | null;
  /** Must appear on the transfer so it can be matched to the customer. */
  readonly reference: string;
}

/**
 * The payment gateway port. Every method is async because real gateways are remote; every
 * mutating call takes an idempotency key (derived from our own operation ids) so retries and
 * concurrent duplicates are safe.
 */
export interface PaymentGateway {
  /** `'sandbox'` or `'stripe'`. */
  readonly name: string;
  /** False for the sandbox and for Stripe test keys. */
  readonly livemode: boolean;
  createCustomer?(input: CreateCustomerInput): Promise<{ readonly customerRef: string }>;
  attachPaymentMethod(input: AttachPaymentMethodInput): Promise<PaymentMethod>;
  /** Authenticates a method for later off-session charges without moving money. */
  setupPaymentMethod(input: SetupPaymentMethodInput): Promise<SetupResult>;
  charge(input: ChargeInput): Promise<PaymentResult>;
  /** Finishes a 3-D Secure challenge; `outcome` only matters to the sandbox. */
  confirmAction(actionId: string, outcome: 'complete' | 'fail'): Promise<ActionResult>;
  retrievePayment(paymentId: string): Promise<PaymentResult>;
  /** Partial or full; never more than was captured, in total. */
  refund(input: RefundInput): Promise<Refund>;
  /** Settles every processing payment due at or before `atMs`; returns what changed, oldest first. */
  settle(atMs: number): Promise<PaymentResult[]>;
  bankTransferInstructions(currency: string, customerRef?: string): Promise<BankTransferInstructions>;
}

/**
 * Stable codes of the errors gateways throw (as `CoreError` / `InvalidInputError` from
 * `@abona/core`, with `param` when one input is at fault).
 */
export type GatewayErrorCode =
  | 'invalid_input'
  | 'invalid_number'
  | 'invalid_expiry'
  | 'invalid_cvc'
  | 'invalid_iban'
  | 'test_mode_live_card'
  | 'resource_missing'
  | 'token_already_used'
  | 'payment_method_not_attached'
  | 'idempotency_key_reused'
  | 'payment_not_refundable'
  | 'refund_exceeds_captured'
  | 'currency_not_supported';
