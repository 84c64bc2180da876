import type * as z from 'zod/mini';

/** A zod issue as reported by `safeParse`, reduced to what the wire needs. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  expected?: unknown;
}

/**
 * The Stripe-style parameter name of a path: `['recurring', 'interval']` → `recurring[interval]`,
 * `['tiers', 0, 'up_to']` → `tiers[0][up_to]`. Returns `undefined` for the root.
 */
export function paramFromPath(path: readonly PropertyKey[]): string | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  return String(head) + rest.map((segment) => `[${String(segment)}]`).join('');
}

/**
 * The parameter at fault and a readable message for the first issue of a failed parse. An
 * unknown field names the field itself, so a vendor sees `param: "colour"`, not the parent.
 */
export function describeIssue(issue: SchemaIssue): { param: string | undefined; message: string } {
  if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
    const key = issue.keys[0] as string;
    const param = paramFromPath([...issue.path, key]);
    return { param, message: `Received unknown parameter: ${param ?? key}` };
  }
  const param = paramFromPath(issue.path);
  const where = param ?? 'request body';
  if (issue.code === 'invalid_type' && issue.expected !== undefined) {
    return { param, message: `Invalid ${where}: expected ${String(issue.expected)}` };
  }
  // zod/mini ships no locale, so its own message is often just "Invalid input": keep custom ones.
  const detail = issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code.replaceAll('_', ' ');
  return { param, message: `Invalid ${where}: ${detail}` };
}

/** The first issue of a zod error, described; used by the server to build the error envelope. */
export function describeError(error: z.core.$ZodError): { param: string | undefined; message: string } {
  const first = error.issues[0];
  if (!first) return { param: undefined, message: 'Invalid request' };
  return describeIssue(first as unknown as SchemaIssue);
}
