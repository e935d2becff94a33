import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  GenError,
  GENERATION_STATUSES,
  type GenerationFilter,
  type GenerationList,
  type StatusCounts,
} from '../domain';
import { rowToGeneration, type GenerationRow } from './generation-row';

// engine.md §2.1 list: AND-combined filters, newest first, an opaque cursor tied to its filter.

const WHERE = `(@projectId IS NULL OR projectId = @projectId) AND (@nodeId IS NULL OR nodeId = @nodeId)
  AND (@providerId IS NULL OR providerId = @providerId) AND (@worldId IS NULL OR worldId = @worldId)
  AND (@operation IS NULL OR operation = @operation)`;
const STATUS = '(@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))';

type Cursor = { createdAt: number; id: string; filter: string };

function badCursor(): GenError {
  return new GenError('GEN_BAD_REQUEST', "Invalid request: 'cursor' does not belong to this filter.", {
    issues: [{ path: 'cursor', message: 'does not belong to this filter' }],
  });
}

export function createGenerationLister(db: Database.Database) {
  const page = db.prepare(
    `SELECT * FROM generations WHERE ${WHERE} AND ${STATUS}
       AND (@cursorAt IS NULL OR createdAt < @cursorAt OR (createdAt = @cursorAt AND id < @cursorId))
     ORDER BY createdAt DESC, id DESC LIMIT @limit`,
  );
  const total = db.prepare(`SELECT count(*) AS n FROM generations WHERE ${WHERE} AND ${STATUS}`);
  const counts = db.prepare(`SELECT status, count(*) AS n FROM generations WHERE ${WHERE} GROUP BY status`);

  return function list(filter: GenerationFilter): GenerationList {
    const statuses = filter.status === undefined ? null : JSON.stringify([filter.status].flat());
    const params = {
      projectId: filter.projectId ?? null,
      nodeId: filter.nodeId ?? null,
      providerId: filter.providerId ?? null,
      worldId: filter.worldId ?? null,
      operation: filter.operation ?? null,
    };
    const fingerprint = createHash('sha256').update(JSON.stringify({ ...params, statuses })).digest('hex').slice(0, 16);
    let cursor: Cursor | null = null;
    if (filter.cursor !== undefined) {
      try {
        cursor = JSON.parse(Buffer.from(filter.cursor, 'base64url').toString('utf8')) as Cursor;
      } catch (error) {
        throw Object.assign(badCursor(), { cause: error });
      }
      if (cursor?.filter !== fingerprint || typeof cursor.createdAt !== 'number' || typeof cursor.id !== 'string') throw badCursor();
    }
    const limit = filter.limit ?? 50;
    const rows = page.all({
      ...params,
      statuses,
      cursorAt: cursor?.createdAt ?? null,
      cursorId: cursor?.id ?? null,
      limit: limit + 1,
    }) as GenerationRow[];
    const items = rows.slice(0, limit);
    const lastItem = items[items.length - 1];
    const nextCursor =
      rows.length > limit && lastItem !== undefined
        ? Buffer.from(JSON.stringify({ createdAt: lastItem.createdAt, id: lastItem.id, filter: fingerprint })).toString('base64url')
        : null;
    const perStatus = Object.fromEntries(GENERATION_STATUSES.map((s) => [s, 0])) as StatusCounts;
    for (const row of counts.all(params) as Array<{ status: keyof StatusCounts; n: number }>) perStatus[row.status] = row.n;
    return {
      items: items.map(rowToGeneration),
      nextCursor,
      total: (total.get({ ...params, statuses }) as { n: number }).n,
      counts: perStatus,
    };
  };
}
