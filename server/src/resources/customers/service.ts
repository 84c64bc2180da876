import type { AddressParams, CustomerCreateParams, CustomerListParams, CustomerUpdateParams, TaxIdParams } from '@abona/api';
import type { Clock } from '../../clock/index.js';
import type { CustomerRow, CustomerTaxIdRow } from '../../db/schema.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import { normalizeCurrency } from '../prices/definition.js';
import { mergeMetadata } from '../products/service.js';
import type { CustomerRepository } from './repository.js';
import type { CustomerView } from './serialize.js';

export interface CustomerServiceDeps {
  customers: CustomerRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Test clocks a new customer may attach to (`test_clock`, test mode only). */
  testClocks?: { find(id: string): Promise<{ id: string } | undefined> };
}

/**
 * The country a tax id belongs to: EU VAT numbers carry it as a prefix (`RO123…`; Greece
 * writes `EL`), other types in their name (`gb_vat` → GB).
 */
export function taxIdCountry(type: string, value: string): string | null {
  if (type === 'eu_vat') {
    const prefix = value.slice(0, 2).toUpperCase();
    if (!/^[A-Z]{2}$/.test(prefix)) return null;
    return prefix === 'EL' ? 'GR' : prefix;
  }
  const prefix = type.slice(0, 2).toUpperCase();
  return prefix === 'EU' ? null : prefix;
}

type AddressColumns = Pick<CustomerRow, 'addressLine1' | 'addressLine2' | 'addressCity' | 'addressState' | 'addressPostalCode' | 'addressCountry'>;

function addressColumns(address: AddressParams | null | undefined): AddressColumns {
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    addressCity: address?.city ?? null,
    addressState: address?.state ?? null,
    addressPostalCode: address?.postal_code ?? null,
    addressCountry: address?.country ?? null,
  };
}

/** Customers of the vendor, with address, tax ids, locale and preferred currency. */
export function customerService(deps: CustomerServiceDeps) {
  const { customers, clock, ids } = deps;

  function taxIdRows(livemode: boolean, customerId: string, taxIds: readonly TaxIdParams[], nowMs: number): CustomerTaxIdRow[] {
    const seen = new Set<string>();
    return taxIds.map((taxId, i) => {
      const value = taxId.value.replace(/\s+/g, '').toUpperCase();
      const key = `${taxId.type} ${value}`;
      if (seen.has(key)) throw new InvalidRequest('The same tax id is listed twice', `tax_ids[${i}][value]`);
      seen.add(key);
      return {
        id: ids.next('txi'),
        livemode,
        createdAt: nowMs,
        customerId,
        type: taxId.type,
        value,
        country: taxIdCountry(taxId.type, value),
        verificationStatus: 'pending',
        verifiedName: null,
        nextCheckAt: nowMs,
      };
    });
  }

  async function view(livemode: boolean, id: string): Promise<CustomerView> {
    const customer = await customers.find(livemode, id);
    if (!customer) throw new NotFound('customer', id);
    const taxIds = (await customers.taxIdsOf([id])).get(id) ?? [];
    return { customer, taxIds };
  }

  return {
    retrieve: view,

    async create(livemode: boolean, params: CustomerCreateParams): Promise<CustomerView> {
      if (params.test_clock !== undefined) {
        if (livemode) {
          throw new InvalidRequest('test_clock can only be used in test mode: use a sk_test_ key', 'test_clock', 'livemode_mismatch');
        }
        if (!(await deps.testClocks?.find(params.test_clock))) {
          throw new InvalidRequest(`No such test clock: '${params.test_clock}'`, 'test_clock', 'resource_missing');
        }
      }
      const nowMs = clock.now();
      const id = ids.next('cus');
      const row: CustomerRow = {
        id,
        livemode,
        createdAt: nowMs,
        updatedAt: nowMs,
        email: params.email ?? null,
        name: params.name ?? null,
        phone: params.phone ?? null,
        description: params.description ?? null,
        ...addressColumns(params.address),
        locale: params.locale ?? null,
        preferredCurrency: params.preferred_currency === undefined ? null : normalizeCurrency(params.preferred_currency, 'preferred_currency'),
        metadata: params.metadata ?? {},
        taxExempt: 'none',
        testClockId: params.test_clock ?? null,
        defaultPaymentMethodId: null,
        deletedAt: null,
      };
      const taxIds = taxIdRows(livemode, id, params.tax_ids ?? [], nowMs);
      await customers.insert(row, taxIds);
      return { customer: row, taxIds };
    },

    async update(livemode: boolean, id: string, params: CustomerUpdateParams): Promise<CustomerView> {
      const current = await view(livemode, id);
      const nowMs = clock.now();
      const patch: Partial<CustomerRow> = { updatedAt: nowMs };
      if (params.email !== undefined) patch.email = params.email;
      if (params.name !== undefined) patch.name = params.name;
      if (params.phone !== undefined) patch.phone = params.phone;
      if (params.description !== undefined) patch.description = params.description;
      if (params.address !== undefined) Object.assign(patch, addressColumns(params.address));
      if (params.locale !== undefined) patch.locale = params.locale;
      if (params.preferred_currency !== undefined) {
        patch.preferredCurrency = params.preferred_currency === null ? null : normalizeCurrency(params.preferred_currency, 'preferred_currency');
      }
      if (params.metadata !== undefined) patch.metadata = mergeMetadata(current.customer.metadata, params.metadata);
      const taxIds = params.tax_ids === undefined ? undefined : taxIdRows(livemode, id, params.tax_ids, nowMs);
      await customers.update(livemode, id, patch, taxIds);
      return view(livemode, id);
    },

    async list(livemode: boolean, params: CustomerListParams): Promise<Page<CustomerView>> {
      const page = await customers.list(livemode, { email: params.email }, pageRequest(params));
      const taxIds = await customers.taxIdsOf(page.rows.map((row) => row.id));
      return { rows: page.rows.map((customer) => ({ customer, taxIds: taxIds.get(customer.id) ?? [] })), hasMore: page.hasMore };
    },

    /** Soft delete: the row stays for invoices and payments, but the API no longer finds it. */
    async remove(livemode: boolean, id: string): Promise<void> {
      await view(livemode, id);
      const nowMs = clock.now();
      await customers.update(livemode, id, { deletedAt: nowMs, updatedAt: nowMs });
    },
  };
}
export type CustomerService = ReturnType<typeof customerService>;
