import { Email, EmailListParams, listOf } from '@abona/api';
import type { RouteSpec } from '../../openapi/registry.js';

/** `/v1/emails` in the OpenAPI document. */
export const emailSpecs: RouteSpec[] = [
  { method: 'GET', path: '/v1/emails', summary: 'List the emails Abona wrote (filter by customer, template)', tag: 'Emails', auth: 'secret', query: EmailListParams, response: listOf(Email) },
  { method: 'GET', path: '/v1/emails/:id', summary: 'Retrieve an email', tag: 'Emails', auth: 'secret', response: Email },
];
