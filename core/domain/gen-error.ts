// errors.md §1: the one error type of the project. Codes are stable, listed in §3 table order.

export const GEN_ERROR_CODES = [
  'GEN_BAD_REQUEST',
  'GEN_VALIDATION_FAILED',
  'GEN_INVALID_RATING',
  'GEN_MISSING_SEED_CONTEXT',
  'GEN_NODE_DISABLED',
  'GEN_PATH_OUTSIDE_ROOT',
  'GEN_PAYLOAD_TOO_LARGE',
  'GEN_PROMPT_UNBOUND',
  'GEN_PROMPT_NOT_FOUND',
  'GEN_PROVIDER_NOT_FOUND',
  'GEN_PROVIDER_UNSUPPORTED_OPERATION',
  'GEN_PROVIDER_UNAVAILABLE',
  'GEN_PROVIDER_RATE_LIMITED',
  'GEN_PROVIDER_AUTH',
  'GEN_PROVIDER_REJECTED',
  'GEN_TIMEOUT',
  'GEN_FILTERED',
  'GEN_EMPTY_OUTPUT',
  'GEN_PROVIDER_BAD_RESPONSE',
  'GEN_PROVIDER_ERROR',
  'GEN_NOT_FOUND',
  'GEN_INVALID_TRANSITION',
  'GEN_NOT_RETRYABLE',
  'GEN_RETRY_LIMIT',
  'GEN_INTERRUPTED',
  'GEN_BUDGET_EXCEEDED',
  'GEN_ENGINE_CLOSED',
  'GEN_STORAGE_BUSY',
  'GEN_STORAGE_FULL',
  'GEN_STORAGE_CORRUPT',
  'GEN_STORAGE_ERROR',
  'GEN_DB_TOO_NEW',
  'GEN_PROJECT_TOO_NEW',
  'GEN_PROJECT_INVALID',
  'GEN_PROJECT_CHANGED_ON_DISK',
  'GEN_EXPORT_BLOCKED',
  'GEN_EXPORT_DIR_NOT_EMPTY',
  'GEN_RPC_UNKNOWN_METHOD',
  'GEN_RPC_FORBIDDEN',
  'GEN_RPC_TIMEOUT',
  'GEN_INTERNAL',
] as const;

export type GenErrorCode = (typeof GEN_ERROR_CODES)[number];

export type GenErrorWire = { code: GenErrorCode; message: string; details?: Record<string, unknown> };

const GEN_ERROR_BRAND = Symbol.for('genweave.GenError');

export class GenError extends Error {
  readonly code: GenErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: GenErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'GenError';
    this.code = code;
    if (details !== undefined) this.details = details;
    // The brand survives realms (worker, vm, a second copy of this module), unlike instanceof.
    Object.defineProperty(this, GEN_ERROR_BRAND, { value: true, enumerable: false });
  }

  /** The error as data for the wire: stack and cause never leave the process (errors.md §1). */
  toWire(): GenErrorWire {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isGenError(value: unknown): value is GenError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[GEN_ERROR_BRAND] === true;
}

export function isGenErrorCode(value: unknown): value is GenErrorCode {
  return typeof value === 'string' && (GEN_ERROR_CODES as readonly string[]).includes(value);
}

/** Rebuilds a GenError from its wire form (the RPC client, the CLI reading --json output). */
export function genErrorFromWire(wire: GenErrorWire): GenError {
  return new GenError(wire.code, wire.message, wire.details);
}
