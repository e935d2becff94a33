import { GenError, isGenError } from '../domain/gen-error';

// engine.md §4.1: SQLite result codes the user can act on get their own GenError codes; everything
// else is a GEN_STORAGE_ERROR whose reason names the SQLite code (never SQL text or values).

export function sqliteCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export function isCorruptionError(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

/** Wraps a storage failure as a GenError; a GenError passes through unchanged. */
export function toStorageError(error: unknown, operation: string): GenError {
  if (isGenError(error)) return error;
  const code = sqliteCodeOf(error);
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return withCause(new GenError('GEN_STORAGE_BUSY', 'The database is busy. Try again in a moment.', { operation }), error);
  }
  const errno = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code?.startsWith('SQLITE_FULL') || errno === 'ENOSPC') {
    return withCause(
      new GenError('GEN_STORAGE_FULL', 'The disk is full, so nothing was saved. Free some space and try again.', {
        operation,
      }),
      error,
    );
  }
  const reason = code ?? (typeof errno === 'string' ? errno : error instanceof Error ? error.message : String(error));
  const details: Record<string, unknown> = { operation, reason };
  if (code !== undefined) details.sqliteCode = code;
  else if (typeof errno === 'string') details.errno = errno;
  return withCause(new GenError('GEN_STORAGE_ERROR', `Could not ${operation}: ${reason}.`, details), error);
}

function withCause(genError: GenError, cause: unknown): GenError {
  (genError as Error).cause = cause;
  return genError;
}
