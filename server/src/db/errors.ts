/** True when `error` (or one of its causes) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
      if (code === '23505' || /UNIQUE constraint failed|duplicate key value/i.test(current.message)) return true;
      current = current.cause;
    } else {
      return false;
    }
  }
  return false;
}
