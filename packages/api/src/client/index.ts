export { createClient, type AbonaClient, type ClientOptions, type DeletableResource, type Resource } from './client.js';
export { toQuery, type FetchLike, type RequestOptions } from './http.js';
