import {
  deletedOf,
  listOf,
  TestClock,
  TestClockAdvanceParams,
  TestClockCreateParams,
  TestClockListParams,
} from '@abona/api';
import type { RouteSpec } from '../../openapi/registry.js';

const base = '/v1/test_helpers/test_clocks';
const tag = 'Test helpers';

/** The test-clock routes in the OpenAPI document (secret test keys only). */
export const testClockSpecs: RouteSpec[] = [
  {
    method: 'POST',
    path: base,
    summary: 'Create a test clock (test mode)',
    tag,
    auth: 'secret',
    body: TestClockCreateParams,
    response: TestClock,
  },
  {
    method: 'GET',
    path: base,
    summary: 'List test clocks',
    tag,
    auth: 'secret',
    query: TestClockListParams,
    response: listOf(TestClock),
  },
  {
    method: 'GET',
    path: `${base}/:id`,
    summary: 'Retrieve a test clock',
    tag,
    auth: 'secret',
    response: TestClock,
  },
  {
    method: 'DELETE',
    path: `${base}/:id`,
    summary: 'Delete a test clock and its customers',
    tag,
    auth: 'secret',
    response: deletedOf('test_clock'),
  },
  {
    method: 'POST',
    path: `${base}/:id/advance`,
    summary: 'Advance a test clock, running everything due in between',
    tag,
    auth: 'secret',
    body: TestClockAdvanceParams,
    response: TestClock,
  },
];
