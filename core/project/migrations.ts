import { CURRENT_SCHEMA_VERSION } from '../domain';

// project-format.md §3: an older document is migrated in memory by pure functions, one per step (N → N+1),
// in order. Each step takes and returns the raw JSON object of its version; the result is parsed with
// ProjectDocumentSchema afterwards. Every release that raises CURRENT_SCHEMA_VERSION adds its step here and a
// never-edited fixture `tests/fixtures/projects/v<N>.genweave.json` with its golden result (DATA-2).

export type RawProject = Record<string, unknown>;
export type ProjectMigration = (document: RawProject) => RawProject;

/** `PROJECT_MIGRATIONS[n]` migrates a version `n` document to version `n + 1`. */
export const PROJECT_MIGRATIONS: Readonly<Record<number, ProjectMigration>> = {};

export function migrateProject(
  document: RawProject,
  fromVersion: number,
  migrations: Readonly<Record<number, ProjectMigration>> = PROJECT_MIGRATIONS,
  targetVersion: number = CURRENT_SCHEMA_VERSION,
): RawProject {
  let current = document;
  for (let version = fromVersion; version < targetVersion; version += 1) {
    const step = migrations[version];
    if (step === undefined) throw new Error(`No project migration from schemaVersion ${version} to ${version + 1}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return current;
}
