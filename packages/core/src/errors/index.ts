/**
 * Typed errors of the engine. Every error carries a stable `code` so the server can map it to
 * an HTTP error once, and a `param` when one input is at fault.
 */
export class CoreError extends Error {
  readonly code: string;
  readonly param: string | undefined;

  constructor(code: string, message: string, param?: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.param = param;
  }
}

/** An input is malformed or out of range (a caller's mistake, a 400 at the edge). */
export class InvalidInputError extends CoreError {
  constructor(message: string, param?: string, code = 'invalid_input') {
    super(code, message, param);
    this.name = 'InvalidInputError';
  }
}

/** A document broke one of its own invariants: a bug, thrown loudly, never fixed up silently. */
export class InvariantError extends CoreError {
  constructor(message: string) {
    super('invariant_violated', message);
    this.name = 'InvariantError';
  }
}
