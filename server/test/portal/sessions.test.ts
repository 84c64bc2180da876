import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, PortalSession, PortalToken } from '@abona/api';
import { portalSessions, portalTokens } from '../../src/db/schema.js';
import { randomIds } from '../../src/ids/index.js';
import { hashSecret, newPortalCode, newPortalToken } from '../../src/portal/secrets.js';
import { PK_TEST, SK_LIVE, SK_TEST, START_MS, setup, type Harness } from '../helpers.js';
import { createCustomer, portalToken } from './fixtures.js';

const MINUTE_MS = 60_000;

let h: Harness;
let customerId: string;
beforeEach(async () => {
  h = await setup();
  customerId = await createCustomer(h, { email: 'ana@example.ro' });
});

async function mint(body: Record<string, unknown> = {}, key = SK_TEST) {
  return PortalSession.parse(
    await h.json('POST', '/v1/portal_sessions', { key, body: { customer: customerId, ...body } }),
  );
}

async function exchange(code: string, headers: Record<string, string> = {}) {
  return h.call('POST', '/v1/portal/token', { key: null, body: { code }, headers });
}

async function errorOf(res: Response) {
  return ErrorEnvelope.parse(await res.json()).error;
}

describe('portal sessions', () => {
  it('are minted with a secret key: a one-time code, expiring within the hour, stored only as a hash', async () => {
    const session = await mint({
      return_url: 'https://shop.example.com/account',
      flow: 'cancel',
      locale: 'ro',
    });
    expect(session).toMatchObject({
      id: 'ps_000001',
      object: 'portal_session',
      customer: customerId,
      flow: 'cancel',
      return_url: 'https://shop.example.com/account',
      locale: 'ro',
      livemode: false,
    });
    expect(session.code).toMatch(/^psc_[A-Za-z0-9]{32}$/);
    const ttlMs = Date.parse(session.expires_at) - START_MS;
    expect(ttlMs).toBe(10 * MINUTE_MS); // the default code lifetime
    expect(ttlMs).toBeLessThanOrEqual(60 * MINUTE_MS);

    const rows = await h.db.select().from(portalSessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.codeHash).toBe(hashSecret(session.code));
    expect(JSON.stringify(rows)).not.toContain(session.code);
  });

  it('refuse a publishable key (403), an unknown or other-mode customer (400 customer), and bad params', async () => {
    const pk = await h.call('POST', '/v1/portal_sessions', { key: PK_TEST, body: { customer: customerId } });
    expect(pk.status).toBe(403);
    const live = await h.call('POST', '/v1/portal_sessions', {
      key: SK_LIVE,
      body: { customer: customerId },
    });
    expect(live.status).toBe(400);
    expect(await errorOf(live)).toMatchObject({ param: 'customer', code: 'resource_missing' });
    const flow = await h.call('POST', '/v1/portal_sessions', {
      body: { customer: customerId, flow: 'delete-everything' },
    });
    expect((await errorOf(flow)).param).toBe('flow');
    const url = await h.call('POST', '/v1/portal_sessions', {
      body: { customer: customerId, return_url: 'javascript:alert(1)' },
    });
    expect((await errorOf(url)).param).toBe('return_url');
  });

  it('codes and tokens carry enough randomness (≥128 and ≥256 bits)', () => {
    const code = newPortalCode(randomIds).slice('psc_'.length);
    const token = newPortalToken(randomIds).slice('ptok_'.length);
    // log2(62) ≈ 5.954 bits per base62 character
    expect(code.length * Math.log2(62)).toBeGreaterThanOrEqual(128); // 32 × 5.954 ≈ 190.5
    expect(token.length * Math.log2(62)).toBeGreaterThanOrEqual(256); // 48 × 5.954 ≈ 285.8
    expect(new Set(Array.from({ length: 50 }, () => newPortalCode(randomIds))).size).toBe(50);
  });
});

describe('code exchange', () => {
  it('gives a 30-minute token, needs no API key, and works exactly once', async () => {
    const session = await mint({ flow: 'update-payment-method' });
    const first = await exchange(session.code);
    expect(first.status).toBe(200);
    const token = PortalToken.parse(await first.json());
    expect(token).toMatchObject({
      object: 'portal_token',
      customer: customerId,
      flow: 'update-payment-method',
      livemode: false,
    });
    expect(token.token).toMatch(/^ptok_[A-Za-z0-9]{48}$/);
    expect(Date.parse(token.expires_at) - START_MS).toBe(30 * MINUTE_MS);

    const again = await exchange(session.code);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'session_already_used', param: 'code' });

    const stored = await h.db.select().from(portalTokens);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashSecret(token.token));
    expect(JSON.stringify(stored)).not.toContain(token.token);
  });

  it('concurrent exchanges of one code yield one token', async () => {
    const session = await mint();
    const results = await Promise.all(Array.from({ length: 5 }, () => exchange(session.code)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await h.db.select().from(portalTokens)).toHaveLength(1);
  });

  it('an expired code fails, at the exact instant', async () => {
    const expired = await mint();
    const fresh = await mint();
    h.clock.advance(10 * MINUTE_MS - 1);
    expect((await exchange(fresh.code)).status).toBe(200); // 1 ms before expiry
    h.clock.advance(1);
    const late = await exchange(expired.code);
    expect(late.status).toBe(400);
    expect(await errorOf(late)).toMatchObject({ code: 'session_expired', param: 'code' });
  });

  it('an unknown code, or one of a deleted customer, fails with param code', async () => {
    const unknown = await exchange('psc_nope');
    expect(await errorOf(unknown)).toMatchObject({ code: 'portal_code_invalid', param: 'code' });
    const session = await mint();
    await h.json('DELETE', `/v1/customers/${customerId}`);
    expect((await errorOf(await exchange(session.code))).code).toBe('portal_code_invalid');
  });

  it('is rate-limited per code and per client address', async () => {
    const session = await mint();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await exchange(session.code, { 'x-forwarded-for': `10.0.0.${i}` })).status);
    // 5 per code per minute: one success, four replays refused, then 429
    expect(statuses).toEqual([200, 409, 409, 409, 409, 429]);

    const guesses: number[] = [];
    for (let i = 0; i < 31; i++)
      guesses.push((await exchange(`psc_guess${i}`, { 'x-forwarded-for': '203.0.113.7' })).status);
    expect(guesses.slice(0, 30).every((s) => s === 400)).toBe(true); // 30 per address per minute
    const limited = await exchange('psc_guess_more', { 'x-forwarded-for': '203.0.113.7' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await exchange('psc_other', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(400); // another address is not limited
    h.clock.advance(MINUTE_MS);
    expect((await exchange('psc_after', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(400); // the next window
  });
});

describe('portal token auth', () => {
  it('reads the customer; a missing, malformed, unknown or API-key bearer is a 401', async () => {
    const token = await portalToken(h, customerId);
    const me = await h.json<{ id: string; email: string }>('GET', '/v1/portal/customer', { key: token });
    expect(me).toMatchObject({ id: customerId, email: 'ana@example.ro' });
    for (const key of [null, 'ptok_unknown', SK_TEST, PK_TEST]) {
      const res = await h.call('GET', '/v1/portal/customer', { key });
      expect(res.status, String(key)).toBe(401);
    }
    const malformed = await h.call('GET', '/v1/portal/customer', {
      key: null,
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(401);
  });

  it('expires after 30 minutes', async () => {
    const token = await portalToken(h, customerId);
    h.clock.advance(30 * MINUTE_MS - 1);
    expect((await h.call('GET', '/v1/portal/customer', { key: token })).status).toBe(200);
    h.clock.advance(1);
    const res = await h.call('GET', '/v1/portal/customer', { key: token });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('portal_token_expired');
  });

  it('logout revokes the token, and only that token', async () => {
    const token = await portalToken(h, customerId);
    const other = await portalToken(h, customerId);
    expect(await h.json('POST', '/v1/portal/logout', { key: token })).toEqual({
      object: 'portal_token',
      revoked: true,
    });
    const after = await h.call('GET', '/v1/portal/customer', { key: token });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('portal_token_invalid');
    expect((await h.call('POST', '/v1/portal/logout', { key: token })).status).toBe(401);
    expect((await h.call('GET', '/v1/portal/customer', { key: other })).status).toBe(200);
  });

  it('a deleted customer’s tokens stop working', async () => {
    const token = await portalToken(h, customerId);
    await h.json('DELETE', `/v1/customers/${customerId}`);
    expect((await h.call('GET', '/v1/portal/customer', { key: token })).status).toBe(401);
  });

  it('unknown portal paths are 404 with a token, and the secret API refuses a portal token', async () => {
    const token = await portalToken(h, customerId);
    const res = await h.call('GET', '/v1/portal/nothing', { key: token });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('url_invalid');
    expect((await h.call('GET', `/v1/customers/${customerId}`, { key: token })).status).toBe(401);
  });

  it('portal POSTs honour Idempotency-Key, scoped to the token', async () => {
    const token = await portalToken(h, customerId);
    const headers = { 'idempotency-key': 'edit-1' };
    const first = await h.call('POST', '/v1/portal/customer', {
      key: token,
      body: { name: 'Ana Pop' },
      headers,
    });
    const replay = await h.call('POST', '/v1/portal/customer', {
      key: token,
      body: { name: 'Ana Pop' },
      headers,
    });
    expect(first.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(await first.text());
  });
});
