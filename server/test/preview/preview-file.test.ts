import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers.js';
import { demoHarness } from '../pricing/helpers.js';

// On a file database the server answers plain reads from a connection of its own and keeps small
// answers until any connection commits (db/results-until-change.ts). A preview must still see
// every change to a code or its coupon at once.
const dir = mkdtempSync(join(tmpdir(), 'abona-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ro = { address: { country: 'RO' } };
const withCode = (code: string) => ({ customer_details: ro, currency: 'EUR', items: [{ price: 'pro_monthly' }], promotion_code: code });

async function refusal(h: Harness, code: string) {
  const res = await h.call('POST', '/v1/invoices/preview', { body: withCode(code) });
  return { status: res.status, error: ((await res.json()) as { error: { code: string; param: string } }).error };
}

describe('POST /v1/invoices/preview on a file database', () => {
  it('sees a promotion code deactivated, and its coupon deleted, at once', async () => {
    const h = await demoHarness(`file:${join(dir, 'preview.db')}`);
    const coupon = await h.json<{ id: string }>('POST', '/v1/coupons', { body: { percent_off: 10, duration: 'once' } });
    const spring = await h.json<{ id: string }>('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, code: 'SPRING' } });
    await h.json('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, code: 'SUMMER' } });
    for (let i = 0; i < 2; i++) {
      // 10 % of 2900 = 290, asked twice: the second answer may come from the kept read.
      expect(await h.json('POST', '/v1/invoices/preview', { body: withCode('spring') })).toMatchObject({ subtotal: 2900, total_discount: 290 });
    }
    await h.json('POST', `/v1/promotion_codes/${spring.id}`, { body: { active: false } });
    expect(await refusal(h, 'SPRING')).toEqual({ status: 400, error: expect.objectContaining({ code: 'promotion_code_invalid', param: 'promotion_code' }) });

    expect(await h.json('POST', '/v1/invoices/preview', { body: withCode('SUMMER') })).toMatchObject({ total_discount: 290 });
    await h.json('DELETE', `/v1/coupons/${coupon.id}`);
    expect(await refusal(h, 'SUMMER')).toEqual({ status: 400, error: expect.objectContaining({ code: 'promotion_code_invalid', param: 'promotion_code' }) });
    h.close();
  });
});
