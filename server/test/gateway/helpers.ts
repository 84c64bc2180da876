import {
  createMemorySandboxStore,
  createSandboxGateway,
  type MemorySandboxStore,
  type SandboxGateway,
  type SandboxGatewayOptions,
} from '../../src/gateway/index.js';

/** 2026-11-26T00:00:00Z */
export const NOW_MS = Date.UTC(2026, 10, 26);
export const DAY_MS = 86_400_000;

/** A sequential id generator: `pay_1`, `pm_2`…, so tests are deterministic. */
export function sequentialIds(): { next(prefix: string): string } {
  let count = 0;
  return { next: (prefix) => `${prefix}_${(count += 1)}` };
}

export interface Harness {
  readonly gateway: SandboxGateway;
  readonly store: MemorySandboxStore;
  /** Moves the gateway's clock. */
  setNow(ms: number): void;
}

export function makeHarness(options: Partial<SandboxGatewayOptions> = {}): Harness {
  const store = createMemorySandboxStore();
  let nowMs = NOW_MS;
  const gateway = createSandboxGateway({ store, clock: { now: () => nowMs }, ids: sequentialIds(), ...options });
  return { gateway, store, setNow: (ms) => (nowMs = ms) };
}

/** Tokenizes a test card and attaches it to `customerRef`; returns the `pm_…` id. */
export async function attachCard(gateway: SandboxGateway, number: string, customerRef = 'cus_a'): Promise<string> {
  const { token } = await gateway.tokenizeCard({ number, exp_month: 12, exp_year: 2030, cvc: number.startsWith('3') && number.length === 15 ? '1234' : '123' });
  const method = await gateway.attachPaymentMethod({ customerRef, paymentMethodToken: token });
  return method.id;
}

let keySeq = 0;
/** A fresh idempotency key. */
export function freshKey(): string {
  return `test-key-${(keySeq += 1)}`;
}
