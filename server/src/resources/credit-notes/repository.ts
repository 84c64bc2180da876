import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { listMode } from '../../db/in-mode.js';
import { creditNotes } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export type CreditNoteRow = typeof creditNotes.$inferSelect;

/** The SQL of credit notes (issued by the lifecycle; read here). Every query filters by mode. */
export const creditNoteRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<CreditNoteRow | undefined> {
    const [row] = await ex
      .select()
      .from(creditNotes)
      .where(and(eq(creditNotes.livemode, livemode), eq(creditNotes.id, id)));
    return row;
  },

  list(ex: Executor, livemode: boolean, filters: { customerId?: string | undefined; invoiceId?: string | undefined }, page: PageRequest): Promise<Page<CreditNoteRow>> {
    const conditions: (SQL | undefined)[] = [listMode(creditNotes.livemode, livemode, [filters.invoiceId])];
    if (filters.customerId !== undefined) conditions.push(eq(creditNotes.customerId, filters.customerId));
    if (filters.invoiceId !== undefined) conditions.push(eq(creditNotes.invoiceId, filters.invoiceId));
    return paginate({
      page,
      columns: { createdAt: creditNotes.createdAt, id: creditNotes.id },
      find: (id) => creditNoteRepository.find(ex, livemode, id),
      query: (keyset, order, limit) =>
        ex
          .select()
          .from(creditNotes)
          .where(and(...conditions, keyset))
          .orderBy(...order)
          .limit(limit),
    });
  },
};
