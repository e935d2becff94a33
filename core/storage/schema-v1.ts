// engine.md §4.2: the first schema. STRICT tables, camelCase columns, times as epoch ms, objects as
// JSON text. This text is hashed into the migration ledger: never edit it once released; add a
// migration instead.

const INSERT_ONLY_COLUMNS = [
  'id', 'projectId', 'nodeId', 'worldId', 'providerId', 'operation', 'generationType', 'purpose', 'strategy',
  'priority', 'preview', 'request', 'canonicalParams', 'inputs', 'hash', 'cacheKey', 'seed', 'finalPrompt',
  'promptSource', 'promptVersionId', 'socialContext', 'playthroughId', 'playerId', 'parentGenerationId',
  'retryCount', 'estimatedCostUsd', 'createdAt',
];
const ONCE_COLUMNS = ['startedAt', 'completedAt', 'result'];

const insertOnlyGuard = INSERT_ONLY_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
const onceGuard = ONCE_COLUMNS.map((c) => `(OLD.${c} IS NOT NULL AND NEW.${c} IS NOT OLD.${c})`).join(' OR ');

export const SCHEMA_V1 = `
CREATE TABLE migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, appliedAt INTEGER NOT NULL
) STRICT;

CREATE TABLE generations (
  id TEXT PRIMARY KEY, projectId TEXT NOT NULL, nodeId TEXT NOT NULL, worldId TEXT,
  providerId TEXT NOT NULL, operation TEXT NOT NULL, generationType TEXT NOT NULL, purpose TEXT NOT NULL,
  strategy TEXT NOT NULL, priority INTEGER NOT NULL, preview INTEGER NOT NULL, request TEXT NOT NULL,
  canonicalParams TEXT NOT NULL, inputs TEXT NOT NULL, hash TEXT NOT NULL, cacheKey TEXT, seed INTEGER NOT NULL,
  finalPrompt TEXT NOT NULL, promptSource TEXT NOT NULL, promptVersionId TEXT, socialContext TEXT,
  playthroughId TEXT, playerId TEXT, parentGenerationId TEXT, retryCount INTEGER NOT NULL,
  estimatedCostUsd REAL NOT NULL, createdAt INTEGER NOT NULL,
  status TEXT NOT NULL, updatedAt INTEGER NOT NULL, startedAt INTEGER, completedAt INTEGER,
  attemptCount INTEGER NOT NULL DEFAULT 0, providerJobId TEXT, progress REAL, result TEXT,
  errorCode TEXT, errorClass TEXT, errorMessage TEXT,
  costUsd REAL, tokensIn REAL, tokensOut REAL, costSource TEXT NOT NULL DEFAULT 'none'
) STRICT;
CREATE INDEX generations_dedup ON generations (projectId, providerId, operation, hash, status);
CREATE INDEX generations_node ON generations (projectId, nodeId, createdAt);
CREATE INDEX generations_project ON generations (projectId, createdAt);
CREATE INDEX generations_status ON generations (status, createdAt);
CREATE INDEX generations_provider ON generations (providerId, createdAt);
CREATE INDEX generations_operation ON generations (operation, createdAt);
CREATE INDEX generations_world ON generations (worldId, createdAt);
CREATE INDEX generations_parent ON generations (parentGenerationId);
CREATE TRIGGER generations_insert_only BEFORE UPDATE ON generations
  WHEN ${insertOnlyGuard} OR ${onceGuard}
  BEGIN SELECT RAISE(ABORT, 'generations: insert-only or once column changed'); END;

CREATE TABLE generation_events (
  generationId TEXT NOT NULL REFERENCES generations (id), seq INTEGER NOT NULL, type TEXT NOT NULL,
  at INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (generationId, seq)
) STRICT;

CREATE TABLE attempts (
  generationId TEXT NOT NULL REFERENCES generations (id), attempt INTEGER NOT NULL, startedAt INTEGER NOT NULL,
  endedAt INTEGER, outcome TEXT NOT NULL, errorClass TEXT, httpStatus INTEGER, message TEXT,
  providerJobId TEXT, tokensIn REAL, tokensOut REAL, costUsd REAL, PRIMARY KEY (generationId, attempt)
) STRICT;

CREATE TABLE jobs (
  generationId TEXT PRIMARY KEY REFERENCES generations (id), providerId TEXT NOT NULL, priority INTEGER NOT NULL,
  createdAt INTEGER NOT NULL, notBefore INTEGER NOT NULL, attempt INTEGER NOT NULL DEFAULT 0,
  leaseOwner TEXT, leaseExpiresAt INTEGER
) STRICT;
CREATE INDEX jobs_order ON jobs (providerId, priority, notBefore, createdAt);
CREATE INDEX jobs_lease ON jobs (leaseExpiresAt);

CREATE TABLE flights (flightKey TEXT PRIMARY KEY, owner TEXT NOT NULL, expiresAt INTEGER NOT NULL) STRICT;
CREATE INDEX flights_expiry ON flights (expiresAt);

CREATE TABLE cache_entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, expiresAt INTEGER) STRICT;
CREATE INDEX cache_entries_expiry ON cache_entries (expiresAt);

CREATE TABLE cache_invalidations (scope TEXT PRIMARY KEY, at INTEGER NOT NULL) STRICT;

CREATE TABLE telemetry_samples (
  generationId TEXT NOT NULL, projectId TEXT NOT NULL, nodeId TEXT NOT NULL, worldId TEXT,
  providerId TEXT NOT NULL, operation TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL,
  latencyMs INTEGER, queueMs INTEGER, attempts INTEGER NOT NULL, tokensIn REAL, tokensOut REAL,
  costUsd REAL, costSource TEXT NOT NULL, errorClass TEXT, fallbackApplied INTEGER NOT NULL, preview INTEGER NOT NULL
) STRICT;
CREATE INDEX telemetry_samples_provider ON telemetry_samples (providerId, at);
CREATE INDEX telemetry_samples_operation ON telemetry_samples (operation, at);
CREATE INDEX telemetry_samples_node ON telemetry_samples (projectId, nodeId, at);

CREATE TABLE lookups (
  at INTEGER NOT NULL, projectId TEXT NOT NULL, nodeId TEXT NOT NULL, providerId TEXT NOT NULL,
  generationId TEXT, outcome TEXT NOT NULL
) STRICT;
CREATE INDEX lookups_at ON lookups (at);
CREATE INDEX lookups_node ON lookups (projectId, nodeId, at);

CREATE TABLE provider_errors (
  at INTEGER NOT NULL, providerId TEXT NOT NULL, operation TEXT NOT NULL, generationId TEXT NOT NULL,
  attempt INTEGER NOT NULL, errorClass TEXT NOT NULL, httpStatus INTEGER, message TEXT NOT NULL
) STRICT;
CREATE INDEX provider_errors_provider ON provider_errors (providerId, at);
CREATE INDEX provider_errors_class ON provider_errors (providerId, errorClass, at);

CREATE TABLE provider_tests (
  providerId TEXT PRIMARY KEY, at INTEGER NOT NULL, ok INTEGER NOT NULL, latencyMs REAL NOT NULL, message TEXT NOT NULL
) STRICT;
`;
