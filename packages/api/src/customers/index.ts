export {
  Address,
  AddressParams,
  Customer,
  CustomerCreateParams,
  CustomerListParams,
  CustomerUpdateParams,
  TaxId,
  TaxIdParams,
} from './schemas.js';
