import { CoreError, InvalidInputError, InvariantError } from '@abona/core';
import type {
  SandboxIdempotencyRecord,
  SandboxPaymentRecord,
  SandboxSetupRecord,
  SandboxStoreTx,
  SandboxTables,
} from './store.js';
import type { PaymentResult, SetupResult } from './types.js';

/** JSON with object keys sorted, so equal requests give equal fingerprints. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/**
 * Looks up an idempotency key inside a transaction. Returns the id of the object the first call
 * created, or null for a new key; a key first used for another call or other parameters is
 * refused, as Stripe does.
 */
export async function replayedObjectId(
  tx: SandboxStoreTx,
  key: string,
  operation: SandboxIdempotencyRecord['operation'],
  fingerprint: string,
): Promise<string | null> {
  const existing = await tx.get('idempotency', key);
  if (existing === undefined) return null;
  if (existing.operation !== operation || existing.fingerprint !== fingerprint) {
    throw new InvalidInputError(
      'Keys for idempotent requests can only be used with the same parameters they were first used with.',
      'idempotencyKey',
      'idempotency_key_reused',
    );
  }
  return existing.objectId;
}

/** Reads a record that must exist, or throws `resource_missing` naming `param`. */
export async function mustGet<T extends 'payments' | 'paymentMethods' | 'setups'>(
  tx: SandboxStoreTx,
  table: T,
  id: string,
  param: string,
): Promise<SandboxTables[T]> {
  const record = await tx.get(table, id);
  if (record === undefined) throw new CoreError('resource_missing', `No such ${param}: '${id}'`, param);
  return record;
}

/** A field its status requires; a stored record without it is a bug, not something to paper over. */
function required<V>(value: V | null, what: string): V {
  if (value === null) throw new InvariantError(`${what} is missing`);
  return value;
}

/** The port's view of a stored payment. */
export function toPaymentResult(payment: SandboxPaymentRecord): PaymentResult {
  const base = { paymentId: payment.id, amountMinor: payment.amountMinor, currency: payment.currency };
  switch (payment.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded', amountRefundedMinor: payment.amountRefundedMinor };
    case 'requires_action':
      return {
        ...base,
        status: 'requires_action',
        actionId: payment.id,
        clientSecret: required(payment.clientSecret, `clientSecret of ${payment.id}`),
        nextAction: { type: 'three_d_secure' },
      };
    case 'processing':
      return { ...base, status: 'processing', settlesAtMs: required(payment.settlesAtMs, `settlesAtMs of ${payment.id}`) };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        declineCode: required(payment.declineCode, `declineCode of ${payment.id}`),
        message: required(payment.message, `message of ${payment.id}`),
        hard: payment.hard,
      };
  }
}

/** The port's view of a stored setup. */
export function toSetupResult(setup: SandboxSetupRecord): SetupResult {
  const base = { setupId: setup.id, paymentMethodId: setup.paymentMethodId };
  switch (setup.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded' };
    case 'requires_action':
      return {
        ...base,
        status: 'requires_action',
        actionId: setup.id,
        clientSecret: required(setup.clientSecret, `clientSecret of ${setup.id}`),
        nextAction: { type: 'three_d_secure' },
      };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        declineCode: required(setup.declineCode, `declineCode of ${setup.id}`),
        message: required(setup.message, `message of ${setup.id}`),
        hard: setup.hard,
      };
  }
}
