import type Database from 'better-sqlite3';

// engine.md §4.2 `attempts` and `provider_tests`, telemetry.md §2 `provider_errors` and `lookups`: one row per fact.

export type AttemptRow = {
  generationId: string;
  attempt: number;
  startedAt: number;
  endedAt: number | null;
  outcome: string;
  errorClass: string | null;
  httpStatus: number | null;
  message: string | null;
  providerJobId: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  costUsd: number | null;
};

export type LookupOutcome = 'dedup_hit' | 'in_flight_join' | 'cache_hit' | 'cache_miss' | 'cache_stale';

export type AttemptLog = ReturnType<typeof createAttemptLog>;

export function createAttemptLog(db: Database.Database) {
  const start = db.prepare<[string, number, number]>(
    "INSERT INTO attempts (generationId, attempt, startedAt, outcome) VALUES (?, ?, ?, 'running')",
  );
  const setJobId = db.prepare<[string, string, number]>('UPDATE attempts SET providerJobId = ? WHERE generationId = ? AND attempt = ?');
  const finish = db.prepare(
    `UPDATE attempts SET endedAt = @endedAt, outcome = @outcome, errorClass = @errorClass, httpStatus = @httpStatus,
       message = @message, tokensIn = @tokensIn, tokensOut = @tokensOut, costUsd = @costUsd
     WHERE generationId = @generationId AND attempt = @attempt`,
  );
  const last = db.prepare<[string], AttemptRow>('SELECT * FROM attempts WHERE generationId = ? ORDER BY attempt DESC LIMIT 1');
  const all = db.prepare<[string], AttemptRow>('SELECT * FROM attempts WHERE generationId = ? ORDER BY attempt');
  const insertError = db.prepare(
    `INSERT INTO provider_errors (at, providerId, operation, generationId, attempt, errorClass, httpStatus, message)
     VALUES (@at, @providerId, @operation, @generationId, @attempt, @errorClass, @httpStatus, @message)`,
  );
  const insertLookup = db.prepare<[number, string, string, string, string | null, string]>(
    'INSERT INTO lookups (at, projectId, nodeId, providerId, generationId, outcome) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const upsertTest = db.prepare<[string, number, number, number, string]>(
    `INSERT INTO provider_tests (providerId, at, ok, latencyMs, message) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (providerId) DO UPDATE SET at = excluded.at, ok = excluded.ok, latencyMs = excluded.latencyMs, message = excluded.message`,
  );

  return {
    providerTest: (providerId: string, at: number, ok: boolean, latencyMs: number, message: string) =>
      upsertTest.run(providerId, at, ok ? 1 : 0, latencyMs, message),
    start: (generationId: string, attempt: number, at: number) => start.run(generationId, attempt, at),
    setJobId: (generationId: string, attempt: number, jobId: string) => setJobId.run(jobId, generationId, attempt),
    finish(row: Omit<AttemptRow, 'startedAt' | 'providerJobId'>) {
      finish.run(row);
    },
    last: (generationId: string) => last.get(generationId),
    all: (generationId: string) => all.all(generationId),
    providerError(row: {
      at: number;
      providerId: string;
      operation: string;
      generationId: string;
      attempt: number;
      errorClass: string;
      httpStatus: number | null;
      message: string;
    }) {
      insertError.run(row);
    },
    lookup: (at: number, projectId: string, nodeId: string, providerId: string, generationId: string | null, outcome: LookupOutcome) =>
      insertLookup.run(at, projectId, nodeId, providerId, generationId, outcome),
  };
}
