import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { Customer, ErrorEnvelope } from '@abona/api';
import { taxIdCountry } from '../src/resources/customers/service.js';
import { setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('customers', () => {
  it('creates, retrieves, updates (replacing tax ids), lists and deletes', async () => {
    const created = Customer.parse(
      await h.json('POST', '/v1/customers', {
        body: {
          email: 'ana@example.ro',
          name: 'Ana Pop',
          address: { line1: 'Str. Lunga 1', city: 'Cluj-Napoca', postal_code: '400000', country: 'RO' },
          tax_ids: [{ type: 'eu_vat', value: 'ro 123 456' }],
          locale: 'ro',
          preferred_currency: 'ron',
        },
      }),
    );
    expect(created).toMatchObject({
      id: 'cus_000001',
      address: { line1: 'Str. Lunga 1', line2: null, city: 'Cluj-Napoca', state: null, postal_code: '400000', country: 'RO' },
      tax_ids: [{ id: 'txi_000001', object: 'tax_id', type: 'eu_vat', value: 'RO123456', country: 'RO' }],
      locale: 'ro',
      preferred_currency: 'RON',
      livemode: false,
    });
    expect(await h.json('GET', '/v1/customers/cus_000001')).toEqual(created);

    const updated = Customer.parse(await h.json('POST', '/v1/customers/cus_000001', { body: { name: null, address: null, tax_ids: [{ type: 'gb_vat', value: 'GB999' }] } }));
    expect(updated).toMatchObject({ name: null, address: null, tax_ids: [{ type: 'gb_vat', value: 'GB999', country: 'GB' }] });

    const byEmail = await h.json<{ data: { id: string }[] }>('GET', '/v1/customers?email=ANA@example.ro');
    expect(byEmail.data.map((c) => c.id)).toEqual(['cus_000001']);

    expect(await h.json('DELETE', '/v1/customers/cus_000001')).toEqual({ id: 'cus_000001', object: 'customer', deleted: true });
    expect((await h.call('GET', '/v1/customers/cus_000001')).status).toBe(404);
    expect((await h.call('POST', '/v1/customers/cus_000001', { body: { name: 'x' } })).status).toBe(404);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/customers')).data).toEqual([]);
  });

  it('rejects a duplicate tax id and a bad currency with params', async () => {
    const dup = await h.json<ErrorEnvelope>('POST', '/v1/customers', { body: { tax_ids: [{ type: 'eu_vat', value: 'RO1' }, { type: 'eu_vat', value: 'ro1' }] } }, 400);
    expect(dup.error.param).toBe('tax_ids[1][value]');
    const cur = await h.json<ErrorEnvelope>('POST', '/v1/customers', { body: { preferred_currency: 'ABC' } }, 400);
    expect(cur.error.param).toBe('preferred_currency');
  });

  it('tax id country comes from the VAT prefix (Greece writes EL)', () => {
    expect(taxIdCountry('eu_vat', 'EL123')).toBe('GR');
    expect(taxIdCountry('eu_vat', 'DE123')).toBe('DE');
    expect(taxIdCountry('us_ein', '12-345')).toBe('US');
    fc.assert(
      fc.property(fc.constantFrom('AT', 'BE', 'FR', 'RO', 'IT'), fc.stringMatching(/^[0-9]{2,12}$/), (country, digits) => {
        expect(taxIdCountry('eu_vat', `${country}${digits}`)).toBe(country);
      }),
    );
  });
});
