import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import type { ErrorEnvelope } from '@abona/api';
import { setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

interface Page {
  data: { id: string }[];
  has_more: boolean;
}

/** Creates n customers; every third shares the previous one's timestamp to test the id tie-break. */
async function seed(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 !== 2) h.clock.advance(1000);
    ids.push((await h.json<{ id: string }>('POST', '/v1/customers', { body: { name: `C${i}` } })).id);
  }
  return ids;
}

describe('cursor pagination', () => {
  it('pages newest first with starting_after and back with ending_before', async () => {
    const ids = await seed(7);
    const newestFirst = [...ids].reverse();
    const first = await h.json<Page>('GET', '/v1/customers?limit=3');
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.has_more).toBe(true);
    const second = await h.json<Page>(`GET`, `/v1/customers?limit=3&starting_after=${first.data[2]!.id}`);
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(3, 6));
    const third = await h.json<Page>(`GET`, `/v1/customers?limit=3&starting_after=${second.data[2]!.id}`);
    expect(third.data.map((c) => c.id)).toEqual(newestFirst.slice(6));
    expect(third.has_more).toBe(false);
    const back = await h.json<Page>(`GET`, `/v1/customers?limit=3&ending_before=${third.data[0]!.id}`);
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(3, 6));
    expect(back.has_more).toBe(true);
  });

  it('a cursor that does not exist, or both cursors, is a 400', async () => {
    const missing = await h.json<ErrorEnvelope>('GET', '/v1/customers?starting_after=cus_nope', {}, 400);
    expect(missing.error.param).toBe('starting_after');
    const both = await h.json<ErrorEnvelope>('GET', '/v1/customers?starting_after=a&ending_before=b', {}, 400);
    expect(both.error.param).toBe('ending_before');
  });

  it('walking all pages visits every object exactly once, for any page size', async () => {
    const ids = await seed(11);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), async (limit) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 20; guard++) {
          const page: Page = await h.json('GET', `/v1/customers?limit=${limit}${cursor ? `&starting_after=${cursor}` : ''}`);
          seen.push(...page.data.map((c) => c.id));
          if (!page.has_more) break;
          cursor = page.data.at(-1)!.id;
        }
        expect(seen).toEqual([...ids].reverse());
      }),
      { numRuns: 12 },
    );
  });
});
