export type {
  ActionResult,
  AttachPaymentMethodInput,
  BankTransferInstructions,
  CardBrand,
  CardFunding,
  CardSummary,
  ChargeInput,
  CreateCustomerInput,
  DeclineCode,
  GatewayErrorCode,
  PaymentFailed,
  PaymentGateway,
  PaymentMethod,
  PaymentMethodType,
  PaymentProcessing,
  PaymentRequiresAction,
  PaymentResult,
  PaymentResultBase,
  PaymentSucceeded,
  Refund,
  RefundInput,
  SepaDebitSummary,
  SetupPaymentMethodInput,
  SetupResult,
} from './types.js';
export { deriveIdempotencyKey } from './idempotency.js';
export { STATIC_CARD_TOKENS, TEST_CARDS, detectBrand, luhnValid, type SandboxBehavior, type TestCard } from './cards.js';
export { TEST_IBANS, ibanValid } from './iban.js';
export { tokenizeTestCard, tokenizeTestSepaDebit, type TestCardInput, type TestSepaDebitInput } from './tokenize.js';
export {
  createMemorySandboxStore,
  type MemorySandboxStore,
  type SandboxCustomerRecord,
  type SandboxIdempotencyRecord,
  type SandboxPaymentMethodRecord,
  type SandboxPaymentRecord,
  type SandboxPaymentStatus,
  type SandboxRefundRecord,
  type SandboxSetupRecord,
  type SandboxStore,
  type SandboxStoreTx,
  type SandboxTable,
  type SandboxTables,
  type SandboxTokenRecord,
} from './store.js';
export {
  createSandboxGateway,
  type SandboxGateway,
  type SandboxGatewayOptions,
  type SandboxToken,
} from './sandbox.js';
