import { randomUUID } from 'node:crypto';
import { GenError, isGenError } from '../domain';
import { sqliteCodeOf, toStorageError } from '../storage';

/** Engine methods throw only GenError: storage failures keep their codes, anything else is GEN_INTERNAL. */
export function asGenError(error: unknown, operation: string): GenError {
  if (isGenError(error)) return error;
  if (sqliteCodeOf(error) !== undefined) return toStorageError(error, operation);
  const correlationId = randomUUID();
  console.error(`genweave: internal error ${correlationId} during ${operation}`, error);
  const wrapped = new GenError(
    'GEN_INTERNAL',
    `Something went wrong inside Genweave Studio (reference ${correlationId}). The details are in the log.`,
    { correlationId },
  );
  wrapped.cause = error;
  return wrapped;
}
