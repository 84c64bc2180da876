import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

/** Columns every business table starts with: text id, the mode it lives in, creation instant. */
export const base = {
  id: text('id').primaryKey(),
  livemode: integer('livemode', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at').notNull(),
};

export const metadata = () =>
  text('metadata', { mode: 'json' }).$type<Record<string, string>>().notNull().default(sql`'{}'`);

/** Optimistic concurrency: writers update `WHERE version = read version`, a lost race is a 409. */
export const version = () => integer('version').notNull().default(1);
