import type { Db } from '../db/client.js';
import { ApiError } from '../errors/index.js';
import { createDbSandboxStore } from '../gateway/db-store.js';
import { deriveIdempotencyKey } from '../gateway/idempotency.js';
import { createSandboxGateway, type SandboxGateway } from '../gateway/sandbox.js';
import type { PaymentGateway } from '../gateway/types.js';
import type { Clock } from '../clock/index.js';
import type { IdGenerator } from '../ids/index.js';
import { findCustomerRef, saveCustomerRef } from './repository.js';

/** The gateway of each mode: test mode always has one (the sandbox by default), live only when configured. */
export interface Gateways {
  test: PaymentGateway;
  live: PaymentGateway | undefined;
  /** The gateway of `livemode`, or a 400 when live payments are not configured. */
  of(livemode: boolean): PaymentGateway;
  /** Every configured gateway once (for settling). */
  all(): PaymentGateway[];
}

/**
 * Chooses gateways per mode from the one the app was given: a live gateway serves live mode and
 * test mode gets the sandbox; a test gateway (or none) serves test mode and live mode has none.
 * The sandbox keeps its state in the database (`gateway_records`).
 */
export function createGateways(deps: { db: Db; clock: Clock; ids: IdGenerator; gateway?: PaymentGateway | undefined }): Gateways {
  const given = deps.gateway;
  const sandbox = (): SandboxGateway => createSandboxGateway({ store: createDbSandboxStore(deps.db), clock: deps.clock, ids: deps.ids });
  const test = given && !given.livemode ? given : sandbox();
  const live = given?.livemode ? given : undefined;
  return {
    test,
    live,
    of(livemode) {
      if (!livemode) return test;
      if (!live) throw new ApiError(400, 'invalid_request_error', 'gateway_not_configured', 'No live payment gateway is configured on this server');
      return live;
    },
    all: () => (live ? [test, live] : [test]),
  };
}

/** True for the built-in sandbox, which can tokenize test cards. */
export function isSandbox(gateway: PaymentGateway): gateway is SandboxGateway {
  return gateway.name === 'sandbox' && 'tokenizeCard' in gateway;
}

/** The key every gateway-customer creation for one of our customers uses, so a retry finds the same one. */
export function customerRefKey(customerId: string): string {
  return deriveIdempotencyKey('customer', customerId);
}

/**
 * Asks the gateway for a customer standing for `customerId` (idempotent by our id), or uses our
 * id itself when the gateway has no customers. Does not store the answer: see {@link gatewayCustomerRef}.
 */
export async function createGatewayCustomer(gateway: PaymentGateway, customerId: string): Promise<string> {
  if (!gateway.createCustomer) return customerId;
  const { customerRef } = await gateway.createCustomer({ idempotencyKey: customerRefKey(customerId), metadata: { abona_customer_id: customerId } });
  return customerRef;
}

/**
 * The gateway's customer for one of ours, created on first use and remembered. Call it outside
 * any open transaction (it may talk to the gateway).
 */
export async function gatewayCustomerRef(db: Db, gateway: PaymentGateway, livemode: boolean, customerId: string): Promise<string> {
  const known = await findCustomerRef(db, gateway.name, livemode, customerId);
  if (known !== undefined) return known;
  const ref = await createGatewayCustomer(gateway, customerId);
  await saveCustomerRef(db, gateway.name, livemode, customerId, ref);
  return (await findCustomerRef(db, gateway.name, livemode, customerId)) ?? ref;
}
