/**
 * The SQL of online tax id checks: ids due for a check, the claim that makes one runner the
 * owner of a check, and the write of its outcome. Every query filters by `livemode`.
 */
import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { customerTaxIds, type CustomerTaxIdRow } from '../db/schema.js';

/** A claimed id: the row as the claim left it (`nextCheckAt` = the lease's end). */
export type ClaimedTaxId = CustomerTaxIdRow & { nextCheckAt: number };

export const taxIdCheckRepository = {
  /**
   * Up to `limit` `pending` ids of `types` whose `next_check_at` has come, oldest due first.
   * `next_check_at` null means "not scheduled" and is never due.
   */
  async due(ex: Executor, livemode: boolean, types: readonly string[], nowMs: number, limit: number): Promise<CustomerTaxIdRow[]> {
    if (types.length === 0 || limit <= 0) return [];
    return ex
      .select()
      .from(customerTaxIds)
      .where(
        and(
          eq(customerTaxIds.livemode, livemode),
          eq(customerTaxIds.verificationStatus, 'pending'),
          inArray(customerTaxIds.type, [...types]),
          isNotNull(customerTaxIds.nextCheckAt),
          lte(customerTaxIds.nextCheckAt, nowMs),
        ),
      )
      .orderBy(asc(customerTaxIds.nextCheckAt), asc(customerTaxIds.id))
      .limit(limit);
  },

  /**
   * The claim: moves `next_check_at` from the value the runner read to `leaseEndMs`, so of
   * several runners (processes) that read the same row exactly one gets it back and calls the
   * registry. A runner that dies mid-check leaves the id due again at `leaseEndMs`.
   */
  async claim(ex: Executor, row: CustomerTaxIdRow, leaseEndMs: number): Promise<ClaimedTaxId | undefined> {
    if (row.nextCheckAt === null) return undefined;
    const [claimed] = await ex
      .update(customerTaxIds)
      .set({ nextCheckAt: leaseEndMs })
      .where(
        and(
          eq(customerTaxIds.livemode, row.livemode),
          eq(customerTaxIds.id, row.id),
          eq(customerTaxIds.verificationStatus, 'pending'),
          eq(customerTaxIds.nextCheckAt, row.nextCheckAt),
        ),
      )
      .returning();
    return claimed ? { ...claimed, nextCheckAt: leaseEndMs } : undefined;
  },

  /**
   * Writes the outcome of a claimed check, only while the claim still holds (the id is still
   * pending with our lease): undefined when the id was replaced or deleted meanwhile, or the
   * lease ran out and another runner took it.
   */
  async settle(
    ex: Executor,
    claimed: ClaimedTaxId,
    outcome: { status: CustomerTaxIdRow['verificationStatus']; verifiedName: string | null; nextCheckAt: number | null },
  ): Promise<CustomerTaxIdRow | undefined> {
    const [row] = await ex
      .update(customerTaxIds)
      .set({ verificationStatus: outcome.status, verifiedName: outcome.verifiedName, nextCheckAt: outcome.nextCheckAt })
      .where(
        and(
          eq(customerTaxIds.livemode, claimed.livemode),
          eq(customerTaxIds.id, claimed.id),
          eq(customerTaxIds.verificationStatus, 'pending'),
          eq(customerTaxIds.nextCheckAt, claimed.nextCheckAt),
        ),
      )
      .returning();
    return row;
  },
};
