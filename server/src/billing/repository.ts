/**
 * The SQL the billing service runs inside its transactions: counters, customer balance, the
 * gateway's customer references, customers created at checkout, and catalog counters. Every
 * function takes the executor (a transaction or the database) it must run on.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { inMode } from '../db/in-mode.js';
import { insertRows } from '../db/raw.js';
import {
  coupons,
  customerBalanceTransactions,
  customers,
  customerTaxIds,
  gatewayRecords,
  prices,
  promotionCodes,
  sequences,
  type CustomerRow,
  type CustomerTaxIdRow,
} from '../db/schema.js';

/** Increments the per-mode counter `name` and returns its new value (1 the first time). */
export async function nextSequenceValue(ex: Executor, livemode: boolean, name: string): Promise<number> {
  const [row] = await ex
    .insert(sequences)
    .values({ livemode, name, value: 1 })
    .onConflictDoUpdate({ target: [sequences.livemode, sequences.name], set: { value: sql`${sequences.value} + 1` } })
    .returning({ value: sequences.value });
  return row?.value ?? 1;
}

/**
 * Reserves `count` consecutive values of the per-mode counter `name` in one statement and returns
 * the first; as `count` calls of {@link nextSequenceValue} in the same transaction would.
 */
export async function reserveSequenceValues(ex: Executor, livemode: boolean, name: string, count: number): Promise<number> {
  const [row] = await ex
    .insert(sequences)
    .values({ livemode, name, value: count })
    .onConflictDoUpdate({ target: [sequences.livemode, sequences.name], set: { value: sql`${sequences.value} + ${count}` } })
    .returning({ value: sequences.value });
  return (row?.value ?? count) - count + 1;
}

/** The customer's credit (positive = the vendor owes it) in `currency`. */
export async function creditBalance(ex: Executor, livemode: boolean, customerId: string, currency: string): Promise<number> {
  const [row] = await ex
    .select({ sum: sql<number | null>`sum(${customerBalanceTransactions.amount})` })
    .from(customerBalanceTransactions)
    .where(
      and(
        eq(customerBalanceTransactions.livemode, livemode),
        eq(customerBalanceTransactions.customerId, customerId),
        eq(customerBalanceTransactions.currency, currency),
      ),
    );
  return Number(row?.sum ?? 0);
}

export type BalanceTransactionRow = typeof customerBalanceTransactions.$inferInsert;

/** Appends a balance movement; the same `dedupeKey` twice is stored once. */
export async function insertBalanceTransaction(ex: Executor, row: BalanceTransactionRow): Promise<void> {
  await ex.insert(customerBalanceTransactions).values(row).onConflictDoNothing();
}

/** Appends many balance movements (multi-row); a `dedupeKey` already stored is skipped. */
export async function insertBalanceTransactions(ex: Executor, rows: readonly BalanceTransactionRow[]): Promise<void> {
  await insertRows(ex, customerBalanceTransactions, rows, { onConflictDoNothing: true });
}

/**
 * The gateway's reference for one of our customers. Kept in `gateway_records` because the
 * `customers` table has no column for it (see the report); the key names gateway and mode.
 */
const CUSTOMER_REF_TABLE = 'abona_customer_refs';
const refKey = (gateway: string, livemode: boolean, customerId: string) => `${gateway}:${livemode ? 'live' : 'test'}:${customerId}`;

export async function findCustomerRef(ex: Executor, gateway: string, livemode: boolean, customerId: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ data: gatewayRecords.data })
    .from(gatewayRecords)
    .where(and(eq(gatewayRecords.tableName, CUSTOMER_REF_TABLE), eq(gatewayRecords.id, refKey(gateway, livemode, customerId))))
    .limit(1);
  return row ? (JSON.parse(row.data) as { ref: string }).ref : undefined;
}

export async function saveCustomerRef(ex: Executor, gateway: string, livemode: boolean, customerId: string, ref: string): Promise<void> {
  await ex
    .insert(gatewayRecords)
    .values({ tableName: CUSTOMER_REF_TABLE, id: refKey(gateway, livemode, customerId), data: JSON.stringify({ ref }) })
    .onConflictDoNothing();
}

export async function findCustomer(ex: Executor, livemode: boolean, id: string): Promise<CustomerRow | undefined> {
  const [row] = await ex
    .select()
    .from(customers)
    .where(and(eq(customers.livemode, livemode), eq(customers.id, id), isNull(customers.deletedAt)))
    .limit(1);
  return row;
}

/** The oldest live customer with this email (case-insensitive) in this mode. */
export async function findCustomerByEmail(ex: Executor, livemode: boolean, email: string): Promise<CustomerRow | undefined> {
  const [row] = await ex
    .select()
    .from(customers)
    .where(and(inMode(customers.livemode, livemode), isNull(customers.deletedAt), sql`lower(${customers.email}) = ${email.toLowerCase()}`))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(1);
  return row;
}

export async function customerTaxIdsOf(ex: Executor, customerId: string): Promise<CustomerTaxIdRow[]> {
  return ex.select().from(customerTaxIds).where(eq(customerTaxIds.customerId, customerId)).orderBy(asc(customerTaxIds.createdAt), asc(customerTaxIds.id));
}

export async function insertCustomer(ex: Executor, row: CustomerRow, taxIds: readonly CustomerTaxIdRow[]): Promise<void> {
  await ex.insert(customers).values(row);
  if (taxIds.length > 0) await ex.insert(customerTaxIds).values([...taxIds]).onConflictDoNothing();
}

export async function insertCustomerTaxId(ex: Executor, row: CustomerTaxIdRow): Promise<void> {
  await ex.insert(customerTaxIds).values(row).onConflictDoNothing();
}

export async function updateCustomer(ex: Executor, livemode: boolean, id: string, patch: Partial<CustomerRow>): Promise<void> {
  await ex.update(customers).set(patch).where(and(eq(customers.livemode, livemode), eq(customers.id, id)));
}

/** Freezes prices the first time something bills them (see the prices resource). */
export async function markPricesUsed(ex: Executor, livemode: boolean, priceIds: readonly string[], atMs: number): Promise<void> {
  if (priceIds.length === 0) return;
  await ex
    .update(prices)
    .set({ usedAt: atMs })
    .where(and(eq(prices.livemode, livemode), inArray(prices.id, [...priceIds]), isNull(prices.usedAt)));
}

/** Counts one redemption of a promotion code and of its coupon. */
export async function countRedemption(ex: Executor, livemode: boolean, couponId: string, promotionCodeId: string | null, atMs: number): Promise<void> {
  await ex
    .update(coupons)
    .set({ timesRedeemed: sql`${coupons.timesRedeemed} + 1`, updatedAt: atMs })
    .where(and(eq(coupons.livemode, livemode), eq(coupons.id, couponId)));
  if (promotionCodeId !== null) {
    await ex
      .update(promotionCodes)
      .set({ timesRedeemed: sql`${promotionCodes.timesRedeemed} + 1`, updatedAt: atMs })
      .where(and(eq(promotionCodes.livemode, livemode), eq(promotionCodes.id, promotionCodeId)));
  }
}
