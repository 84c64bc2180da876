import { describe, expect, it } from 'vitest';
import { PK_TEST, type Harness } from '../helpers.js';
import { card, demoHarness, type PricingBody } from './helpers.js';

const get = (h: Harness, query = '', headers: Record<string, string> = {}) =>
  h.json<PricingBody>('GET', `/v1/pricing${query}`, { key: PK_TEST, headers });

describe('GET /v1/pricing', () => {
  it('shows a Romanian visitor EUR prices with TVA 21% added', async () => {
    const h = await demoHarness();
    const body = await get(h, '?country=RO&currency=EUR');
    expect(body.object).toBe('pricing');
    expect(body.country).toBe('RO');
    expect(body.currency).toBe('EUR');
    expect(body.available_currencies).toEqual(['EUR', 'USD', 'RON']);
    expect(body.intervals).toEqual(['month', 'year']);
    const pro = card(body, 'Pro');
    const monthly = pro.price('month');
    // 2900 net; 21 % of 2900 = 609; 2900 + 609 = 3509.
    expect(monthly).toMatchObject({
      net_amount: 2900,
      tax_amount: 609,
      gross_amount: 3509,
      display_amount: 2900,
      tax_note: 'excl',
      tax_label: 'TVA 21%',
      model: 'flat',
      trial_days: 14,
    });
    // 29000 / 12 = 2416.67 → 2417 a month.
    expect(pro.price('year').monthly_display_amount).toBe(2417);
    expect(pro.product).toMatchObject({ highlight: true, badge: 'Most popular', cta: { type: 'checkout' } });
    expect(card(body, 'Enterprise').product.cta).toEqual({
      type: 'contact',
      url: 'mailto:sales@abona.example',
      label: 'Contact sales',
    });
    // Feature union in first-seen order. The add-on and the usage-only product are marked
    // `abona_pricing_table: false`, so the default table shows plans only.
    expect(body.features.map((f) => f.key)).toEqual(['projects', 'seats', 'api_calls', 'sso', 'support']);
    expect(body.products.map((p) => p.name)).toEqual(['Basic', 'Pro', 'Enterprise', 'Team']);
    h.close();
  });

  it('shows products left off the default table when they are asked for by name', async () => {
    const h = await demoHarness();
    const body = await get(h, '?country=RO&currency=EUR&products=pro,priority_support');
    expect(body.products.map((p) => p.name)).toEqual(['Pro', 'Priority support']);
    h.close();
  });

  it('guesses the country from CF-IPCountry, then Accept-Language, then the seller', async () => {
    const h = await demoHarness();
    expect((await get(h, '', { 'cf-ipcountry': 'de' })).country).toBe('DE');
    expect((await get(h, '', { 'cf-ipcountry': 'XX', 'x-country': 'FR' })).country).toBe('FR');
    const fromLanguage = await get(h, '', { 'accept-language': 'en;q=0.9, ro-RO' });
    // ro-RO (q=1) wins over en (q=0.9); RO's own currency RON is offered, so it is shown.
    expect(fromLanguage).toMatchObject({ country: 'RO', currency: 'RON' });
    expect((await get(h)).country).toBe('RO'); // the demo seller's country
    h.close();
  });

  it('switches currency to USD or RON on request', async () => {
    const h = await demoHarness();
    const usd = await get(h, '?country=RO&currency=usd');
    expect(usd.currency).toBe('USD');
    // 3200 net + 21 % (672) = 3872.
    expect(card(usd, 'Pro').price('month')).toMatchObject({
      currency: 'USD',
      net_amount: 3200,
      tax_amount: 672,
      gross_amount: 3872,
    });
    const ron = await get(h, '?country=RO&currency=RON');
    // 14500 + 21 % (3045) = 17545.
    expect(card(ron, 'Pro').price('month')).toMatchObject({
      currency: 'RON',
      net_amount: 14500,
      tax_amount: 3045,
      gross_amount: 17545,
    });
    // A currency the catalog does not offer falls back to the country's, then the seller's default.
    expect((await get(h, '?country=DE&currency=GBP')).currency).toBe('EUR');
    h.close();
  });

  it('does not tax a US visitor in a state where the seller is not registered', async () => {
    const h = await demoHarness();
    const body = await get(h, '?country=US&state=TX&currency=USD');
    expect(card(body, 'Pro').price('month')).toMatchObject({
      net_amount: 3200,
      tax_amount: 0,
      gross_amount: 3200,
      tax_note: 'none',
    });
    expect(card(body, 'Pro').price('month').tax_label).toBeUndefined();
    h.close();
  });

  it('reverse-charges a French business with a valid VAT number (RO seller)', async () => {
    const h = await demoHarness();
    const body = await get(h, '?country=FR&business=true&tax_id_type=eu_vat&tax_id=FR40303265045');
    expect(card(body, 'Pro').price('month')).toMatchObject({
      net_amount: 2900,
      tax_amount: 0,
      gross_amount: 2900,
      tax_note: 'reverse_charge',
    });
    // The same French visitor as a consumer pays French VAT (OSS): 20 % of 2900 = 580.
    const consumer = await get(h, '?country=FR');
    expect(card(consumer, 'Pro').price('month')).toMatchObject({ tax_amount: 580, tax_note: 'excl' });
    h.close();
  });

  it('taxes a German business with a valid VAT number when the seller is German (USt. 19%)', async () => {
    const h = await demoHarness();
    await h.json('POST', '/v1/settings/seller', {
      body: {
        name: 'Abona GmbH',
        address: { country: 'DE' },
        tax: { country: 'DE', registrations: [{ country: 'DE', tax_id: 'DE136695976' }] },
      },
    });
    const body = await get(h, '?country=DE&business=true&tax_id_type=eu_vat&tax_id=DE136695976');
    // Domestic B2B: 19 % of 2900 = 551.
    expect(card(body, 'Pro').price('month')).toMatchObject({
      net_amount: 2900,
      tax_amount: 551,
      gross_amount: 3451,
      tax_note: 'excl',
      tax_label: 'USt. 19%',
    });
    h.close();
  });

  it('prices seats for the asked quantity and shows one seat', async () => {
    const h = await demoHarness();
    const one = card(await get(h, '?country=RO&currency=EUR'), 'Team').price('month');
    expect(one).toMatchObject({
      model: 'graduated',
      quantity: 1,
      net_amount: 1200,
      unit_label: 'seat',
      max_quantity: 100,
    });
    const seven = card(await get(h, `?country=RO&currency=EUR&quantity[${one.id}]=7`), 'Team').price('month');
    // Graduated: 5 × 1200 + 2 × 1000 = 8000 net; 21 % = 1680; 9680 gross.
    expect(seven).toMatchObject({
      quantity: 7,
      net_amount: 8000,
      tax_amount: 1680,
      gross_amount: 9680,
      display_amount: 8000,
    });
    expect(seven.tiers).toEqual([
      { up_to: 5, unit_amount_decimal: '1200', flat_amount: 0 },
      { up_to: 20, unit_amount_decimal: '1000', flat_amount: 0 },
      { up_to: null, unit_amount_decimal: '800', flat_amount: 0 },
    ]);
    const bad = await h.call('GET', `/v1/pricing?quantity[${one.id}]=101`, { key: PK_TEST });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe(`quantity[${one.id}]`);
    h.close();
  });

  it('filters products by id or lookup key, in the given order', async () => {
    const h = await demoHarness();
    const body = await get(h, '?products=enterprise,basic');
    expect(body.products.map((p) => p.name)).toEqual(['Enterprise', 'Basic']);
    const missing = await h.call('GET', '/v1/pricing?products=nope', { key: PK_TEST });
    expect(missing.status).toBe(400);
    h.close();
  });

  it('answers 400 with the param for a bad country or currency', async () => {
    const h = await demoHarness();
    for (const [query, param] of [
      ['?country=ZZ', 'country'],
      ['?country=ROU', 'country'],
      ['?currency=EURO', 'currency'],
      ['?currency=XYZ', 'currency'],
      ['?interval=decade', 'interval'],
      ['?tax_id=FR40303265045', 'tax_id_type'],
      ['?tax_id_type=xx_vat&tax_id=1', 'tax_id_type'],
      ['?colour=red', 'colour'],
    ] as const) {
      const res = await h.call('GET', `/v1/pricing${query}`, { key: PK_TEST });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param, query).toBe(param);
    }
    h.close();
  });

  it('is cache-friendly: ETag, 304 on a match, and a new answer after a catalog change', async () => {
    const h = await demoHarness();
    const first = await h.call('GET', '/v1/pricing?country=RO', { key: PK_TEST });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await h.call('GET', '/v1/pricing?country=RO', {
      key: PK_TEST,
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const body = (await first.json()) as PricingBody;
    const basic = card(body, 'Basic').product;
    await h.json('POST', `/v1/products/${basic.id}`, { body: { metadata: { abona_badge: 'New' } } });
    const after = await get(h, '?country=RO');
    expect(card(after, 'Basic').product.badge).toBe('New');
    h.close();
  });

  it('never mixes modes: live has no catalog yet', async () => {
    const h = await demoHarness();
    const live = await h.json<PricingBody>('GET', '/v1/pricing', { key: 'pk_live_public_one' });
    expect(live.products).toEqual([]);
    h.close();
  });
});

describe('GET /v1/pricing after catalog writes', () => {
  it('shows a product created through the API at once', async () => {
    const h = await demoHarness();
    const before = await get(h, '?country=RO');
    const product = await h.json<{ id: string }>('POST', '/v1/products', { body: { name: 'Starter' } });
    await h.json('POST', '/v1/prices', {
      body: {
        product: product.id,
        currency: 'EUR',
        unit_amount: 500,
        recurring: { interval: 'month' },
        currency_options: { USD: { unit_amount: 600 }, RON: { unit_amount: 2500 } },
      },
    });
    const after = await get(h, '?country=RO');
    expect(after.products.length).toBe(before.products.length + 1);
    h.close();
  });
});
