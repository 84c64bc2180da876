/**
 * Test clocks (test mode only): customers attached to one live at its frozen time, which only
 * moves forward; advancing it runs everything that falls due in between, in order.
 */
import * as z from 'zod/mini';
import { Id, Name, Timestamp } from './common/schemas.js';
import { listOf, ListParams } from './list/list.js';

export const testClockStatuses = ['ready', 'advancing'] as const;

export const TestClock = z.strictObject({
  id: Id,
  object: z.literal('test_clock'),
  name: z.nullable(z.string()),
  frozen_time: Timestamp,
  status: z.enum(testClockStatuses),
  livemode: z.literal(false),
  created: Timestamp,
});
export type TestClock = z.infer<typeof TestClock>;

export const TestClockList = listOf(TestClock);

/** `POST /v1/test_helpers/test_clocks`. */
export const TestClockCreateParams = z.strictObject({
  frozen_time: Timestamp,
  name: z.optional(Name),
});
export type TestClockCreateParams = z.infer<typeof TestClockCreateParams>;

/** `POST /v1/test_helpers/test_clocks/:id/advance`: strictly later than the current frozen time. */
export const TestClockAdvanceParams = z.strictObject({
  frozen_time: Timestamp,
});
export type TestClockAdvanceParams = z.infer<typeof TestClockAdvanceParams>;

export const TestClockListParams = ListParams;
export type TestClockListParams = z.infer<typeof TestClockListParams>;
