import { InvalidInputError, isCurrencyCode } from '@abona/core';

/** Stripe's limit on idempotency keys. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** A non-empty string, or `InvalidInputError` naming `param`. */
export function requireId(value: unknown, param: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidInputError(`${param} must be a non-empty string`, param);
  }
  return value;
}

export function requireIdempotencyKey(value: unknown): string {
  const key = requireId(value, 'idempotencyKey');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new InvalidInputError(`idempotencyKey must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'idempotencyKey');
  }
  return key;
}

/** A positive safe integer of minor units. */
export function requirePositiveMinor(value: unknown, param: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new InvalidInputError(`${param} must be a positive integer number of minor units, got ${String(value)}`, param);
  }
  return value;
}

/** An active ISO 4217 code in upper case. */
export function requireCurrency(value: unknown): string {
  if (typeof value !== 'string' || !isCurrencyCode(value)) {
    throw new InvalidInputError(`currency must be an upper-case ISO 4217 code, got ${String(value)}`, 'currency');
  }
  return value;
}

/** An epoch-ms instant. */
export function requireInstant(value: unknown, param: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidInputError(`${param} must be an integer epoch-ms instant, got ${String(value)}`, param);
  }
  return value;
}

/** Flat string-to-string metadata, copied. */
export function requireMetadata(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInputError('metadata must be an object of strings', 'metadata');
  }
  const copy: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner !== 'string') throw new InvalidInputError(`metadata.${key} must be a string`, 'metadata');
    copy[key] = inner;
  }
  return copy;
}
