import { CreditNoteListParams, CreditNoteWire } from '@abona/api';
import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../errors/index.js';
import { readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { pageRequest } from '../../http/pagination.js';
import { registerRoutes } from '../../openapi/registry.js';
import { creditNoteRepository } from './repository.js';
import { toCreditNote } from './serialize.js';

/** `/v1/credit_notes` (secret key): the credit notes the lifecycle issued, read-only. */
export function creditNoteRoutes(db: Db) {
  registerRoutes(
    { method: 'GET', path: '/v1/credit_notes', summary: 'List credit notes, newest first (filter by customer or invoice)', tag: 'Billing', auth: 'secret', query: CreditNoteListParams },
    { method: 'GET', path: '/v1/credit_notes/:id', summary: 'Retrieve a credit note', tag: 'Billing', auth: 'secret', response: CreditNoteWire },
  );
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const params = readQuery(c, CreditNoteListParams);
      const page = await creditNoteRepository.list(db, c.var.auth.livemode, { customerId: params.customer, invoiceId: params.invoice }, pageRequest(params));
      return c.json({ object: 'list' as const, data: page.rows.map(toCreditNote), has_more: page.hasMore, url: '/v1/credit_notes' });
    })
    .get('/:id', async (c) => {
      const row = await creditNoteRepository.find(db, c.var.auth.livemode, c.req.param('id'));
      if (!row) throw new NotFound('credit_note', c.req.param('id'));
      return c.json(toCreditNote(row));
    });
}
