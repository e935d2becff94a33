import { isGenError, type GenErrorCode } from '../domain';

// project-format.md §7: the CLI's exit codes.
export const EXIT = Object.freeze({ ok: 0, domain: 1, usage: 2, project: 3, environment: 4, interrupted: 130 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const PROJECT_CODES: ReadonlySet<GenErrorCode> = new Set(['GEN_PROJECT_INVALID', 'GEN_PROJECT_TOO_NEW']);
const ENVIRONMENT_CODES: ReadonlySet<GenErrorCode> = new Set([
  'GEN_DB_TOO_NEW',
  'GEN_STORAGE_BUSY',
  'GEN_STORAGE_FULL',
  'GEN_STORAGE_CORRUPT',
  'GEN_STORAGE_ERROR',
]);

/** A wrong command line: unknown command or option, missing argument (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The environment refused us outside the GenError codes: a port in use, a data dir that cannot be created. */
export class EnvironmentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof EnvironmentError) return EXIT.environment;
  if (isGenError(error)) {
    if (PROJECT_CODES.has(error.code)) return EXIT.project;
    if (ENVIRONMENT_CODES.has(error.code)) return EXIT.environment;
    return EXIT.domain;
  }
  const errno = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EADDRINUSE'].includes(errno)) return EXIT.environment;
  return EXIT.domain;
}
