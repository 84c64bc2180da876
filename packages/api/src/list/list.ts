import * as z from 'zod/mini';

/** The largest page a list endpoint returns. */
export const MAX_PAGE_SIZE = 100;

/** Every list's page: `limit` (1–100, default 10) and one cursor, as Stripe does. */
export const ListParams = z.strictObject({
  limit: z.optional(z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE))),
  starting_after: z.optional(z.string().check(z.minLength(1))),
  ending_before: z.optional(z.string().check(z.minLength(1))),
});
export type ListParams = z.infer<typeof ListParams>;

/** A page of objects: `{ object: 'list', data, has_more, url }`. */
export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** The schema of a page of `item`. */
export function listOf<T extends z.core.$ZodType>(item: T) {
  return z.strictObject({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });
}

/** A deleted object's answer: `{ id, object, deleted: true }`. */
export function deletedOf<O extends string>(object: O) {
  return z.strictObject({ id: z.string(), object: z.literal(object), deleted: z.literal(true) });
}
export interface Deleted<O extends string> {
  id: string;
  object: O;
  deleted: true;
}
