import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inMode, listMode } from '../../db/in-mode.js';
import { creditNotes, invoiceLines, invoices } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type CreditNoteRow = typeof creditNotes.$inferSelect;

export interface InvoiceFilters {
  customerId?: string | undefined;
  subscriptionId?: string | undefined;
  status?: InvoiceRow['status'] | undefined;
}

/** Invoice rows of one mode and their lines. */
export const invoiceRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<InvoiceRow | undefined> {
    const [row] = await ex
      .select()
      .from(invoices)
      .where(and(eq(invoices.livemode, livemode), eq(invoices.id, id)))
      .limit(1);
    return row;
  },
  async findByDedupeKey(ex: Executor, livemode: boolean, dedupeKey: string): Promise<InvoiceRow | undefined> {
    const [row] = await ex
      .select()
      .from(invoices)
      .where(and(eq(invoices.livemode, livemode), eq(invoices.dedupeKey, dedupeKey)))
      .limit(1);
    return row;
  },
  async insert(ex: Executor, row: InvoiceRow, lines: readonly InvoiceLineRow[]): Promise<void> {
    await ex.insert(invoices).values(row);
    if (lines.length > 0) await ex.insert(invoiceLines).values([...lines]);
  },
  async update(
    ex: Executor,
    livemode: boolean,
    id: string,
    patch: Partial<InvoiceRow>,
  ): Promise<InvoiceRow | undefined> {
    const [row] = await ex
      .update(invoices)
      .set(patch)
      .where(and(eq(invoices.livemode, livemode), eq(invoices.id, id)))
      .returning();
    return row;
  },
  /** The credit notes issued against one invoice, oldest first. */
  creditNotesOf(ex: Executor, livemode: boolean, invoiceId: string): Promise<CreditNoteRow[]> {
    return ex
      .select()
      .from(creditNotes)
      .where(and(eq(creditNotes.livemode, livemode), eq(creditNotes.invoiceId, invoiceId)))
      .orderBy(asc(creditNotes.createdAt), asc(creditNotes.id));
  },
  /** Lines of these invoices by invoice id, in position order. */
  async linesOf(ex: Executor, invoiceIds: readonly string[]): Promise<Map<string, InvoiceLineRow[]>> {
    const grouped = new Map<string, InvoiceLineRow[]>();
    if (invoiceIds.length === 0) return grouped;
    const rows = await ex
      .select()
      .from(invoiceLines)
      .where(inArray(invoiceLines.invoiceId, [...invoiceIds]))
      .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
    for (const row of rows) grouped.set(row.invoiceId, [...(grouped.get(row.invoiceId) ?? []), row]);
    return grouped;
  },
  async countForCustomer(
    ex: Executor,
    livemode: boolean,
    customerId: string,
    status: InvoiceRow['status'],
  ): Promise<number> {
    const rows = await ex
      .select({ id: invoices.id })
      .from(invoices)
      .where(
        and(
          inMode(invoices.livemode, livemode),
          eq(invoices.customerId, customerId),
          eq(invoices.status, status),
        ),
      )
      .limit(1);
    return rows.length;
  },
  list(
    ex: Executor,
    livemode: boolean,
    filters: InvoiceFilters,
    page: PageRequest,
  ): Promise<Page<InvoiceRow>> {
    const conditions: (SQL | undefined)[] = [listMode(invoices.livemode, livemode, [filters.customerId, filters.subscriptionId])];
    if (filters.customerId !== undefined) conditions.push(eq(invoices.customerId, filters.customerId));
    if (filters.subscriptionId !== undefined)
      conditions.push(eq(invoices.subscriptionId, filters.subscriptionId));
    if (filters.status !== undefined) conditions.push(eq(invoices.status, filters.status));
    return paginate({
      page,
      columns: { createdAt: invoices.createdAt, id: invoices.id },
      find: (id) => invoiceRepository.find(ex, livemode, id),
      query: (keyset, order, limit) =>
        ex
          .select()
          .from(invoices)
          .where(and(...conditions, keyset))
          .orderBy(...order)
          .limit(limit),
    });
  },
};
