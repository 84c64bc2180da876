import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { customers, events, testClocks } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export type TestClockRow = typeof testClocks.$inferSelect;
export type EventRow = typeof events.$inferSelect;

/**
 * Test clock rows (test mode only: every query pins `livemode = false`). Built on an executor,
 * so a service can build it on the transaction it is in.
 */
export function testClockRepository(db: Executor) {
  const scope = and(eq(testClocks.livemode, false), isNull(testClocks.deletedAt));
  const find = async (id: string): Promise<TestClockRow | undefined> => {
    const [row] = await db
      .select()
      .from(testClocks)
      .where(and(scope, eq(testClocks.id, id)))
      .limit(1);
    return row;
  };
  return {
    find,
    async insert(row: TestClockRow): Promise<void> {
      await db.insert(testClocks).values(row);
    },
    list(page: PageRequest): Promise<Page<TestClockRow>> {
      return paginate({
        page,
        columns: { createdAt: testClocks.createdAt, id: testClocks.id },
        find,
        query: (keyset, order, limit) =>
          db
            .select()
            .from(testClocks)
            .where(and(scope, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
    /**
     * Marks the clock `advancing` if it is `ready` (or stuck advancing since before
     * `staleBeforeMs`, from a crashed advance). The conditional update is the lock: of two
     * concurrent advances, one gets the row back and the other nothing.
     */
    async claimAdvance(id: string, nowMs: number, staleBeforeMs: number): Promise<TestClockRow | undefined> {
      const claimable = or(eq(testClocks.status, 'ready'), lte(testClocks.updatedAt, staleBeforeMs));
      const [row] = await db
        .update(testClocks)
        .set({ status: 'advancing', updatedAt: nowMs })
        .where(and(scope, eq(testClocks.id, id), claimable))
        .returning();
      return row;
    },
    /** Moves an advancing clock's frozen time to `toMs` (never back): the instant being processed. */
    async moveTo(id: string, toMs: number, nowMs: number): Promise<boolean> {
      const moved = await db
        .update(testClocks)
        .set({ frozenTime: toMs, updatedAt: nowMs })
        .where(
          and(
            scope,
            eq(testClocks.id, id),
            eq(testClocks.status, 'advancing'),
            lte(testClocks.frozenTime, toMs),
          ),
        )
        .returning({ id: testClocks.id });
      return moved.length === 1;
    },
    /** Ends an advance: `ready`, at `frozenMs` when given (else where the steps left it). */
    async markReady(id: string, nowMs: number, frozenMs?: number): Promise<TestClockRow | undefined> {
      const [row] = await db
        .update(testClocks)
        .set({
          status: 'ready',
          updatedAt: nowMs,
          ...(frozenMs === undefined ? {} : { frozenTime: frozenMs }),
        })
        .where(and(scope, eq(testClocks.id, id)))
        .returning();
      return row;
    },
    /** Soft-deletes the clock and, as Stripe does, the customers living by it. */
    async remove(id: string, nowMs: number): Promise<void> {
      await db
        .update(testClocks)
        .set({ deletedAt: nowMs, updatedAt: nowMs })
        .where(and(scope, eq(testClocks.id, id)));
      await db
        .update(customers)
        .set({ deletedAt: nowMs, updatedAt: nowMs })
        .where(
          and(eq(customers.livemode, false), eq(customers.testClockId, id), isNull(customers.deletedAt)),
        );
    },
    /** The test clock of a customer (any mode; only test-mode customers have one). */
    async clockOfCustomer(customerId: string): Promise<TestClockRow | undefined> {
      const [row] = await db
        .select({ clock: testClocks })
        .from(customers)
        .innerJoin(testClocks, eq(testClocks.id, customers.testClockId))
        .where(eq(customers.id, customerId))
        .limit(1);
      return row?.clock;
    },
    /** A clock by id, deleted or not: objects attached to it keep its time. */
    async frozenTimeOf(id: string): Promise<number | undefined> {
      const [row] = await db
        .select({ frozenTime: testClocks.frozenTime })
        .from(testClocks)
        .where(eq(testClocks.id, id))
        .limit(1);
      return row?.frozenTime;
    },
    /** Appends an outbox event; the dedupe key makes a replay a no-op. */
    async recordEvent(event: EventRow): Promise<void> {
      await db.insert(events).values(event).onConflictDoNothing();
    },
  };
}
export type TestClockRepository = ReturnType<typeof testClockRepository>;
