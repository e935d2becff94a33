import type Database from 'better-sqlite3';
import type { PromptUsageInput, PromptUsageRow } from '../domain';
import { isoTime, prepareNumbered } from '../storage';

// prompts.md §7: usage is derived from generation records, never stored. A family filter matches the
// generations whose node referenced that family (the catalog itself is not stored with them).

export function createPromptUsage(db: Database.Database) {
  const rows = prepareNumbered<[string, string | null, string | null], { versionId: string; generations: number; completed: number; failed: number; lastUsedAt: number }>(db, `SELECT promptVersionId AS versionId, count(*) AS generations,
       sum(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed,
       sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
       max(createdAt) AS lastUsedAt
     FROM generations
     WHERE projectId = ?1 AND promptVersionId IS NOT NULL
       AND (?2 IS NULL OR json_extract(request, '$.config.prompt.familyId') = ?2)
       AND (?3 IS NULL OR promptVersionId = ?3)
     GROUP BY promptVersionId ORDER BY promptVersionId`,
  );
  return function usage(input: PromptUsageInput): PromptUsageRow[] {
    return rows.all(input.projectId, input.familyId ?? null, input.versionId ?? null).map((r) => ({
      versionId: r.versionId,
      generations: r.generations,
      completed: r.completed,
      failed: r.failed,
      lastUsedAt: isoTime(r.lastUsedAt),
    }));
  };
}
