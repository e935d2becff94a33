import type Database from 'better-sqlite3';
import type { GenerationResult, GenerationStatus } from '../domain';
import { toStorageError, isoTime } from '../storage';
import type { EngineEvent, EventBus } from './event-bus';
import { GENERATION_COLUMNS, rowToGeneration, type GenerationRow } from './generation-row';
import { assertTransition, invalidTransition } from './status-machine';

// The generation record, its timeline and its telemetry sample. Every state change is one
// transaction; its events are published only after the commit (engine.md §2.6).

export type Emit = (type: string, generationId: string | null, data: Record<string, unknown>, stored?: boolean) => void;

export type TerminalFields = {
  result?: GenerationResult | null;
  errorCode?: string | null;
  errorClass?: string | null;
  errorMessage?: string | null;
};

export type GenerationStore = ReturnType<typeof createGenerationStore>;

export function createGenerationStore(db: Database.Database, now: () => number, bus: EventBus) {
  const columns = GENERATION_COLUMNS.join(', ');
  const insertRow = db.prepare(`INSERT INTO generations (${columns}) VALUES (${GENERATION_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const selectRow = db.prepare<[string], GenerationRow>('SELECT * FROM generations WHERE id = ?');
  const nextSeq = db.prepare<[string], { seq: number }>(
    'SELECT coalesce(max(seq), -1) + 1 AS seq FROM generation_events WHERE generationId = ?',
  );
  const insertEvent = db.prepare<[string, number, string, number, string]>(
    'INSERT INTO generation_events (generationId, seq, type, at, data) VALUES (?, ?, ?, ?, ?)',
  );
  const selectEvents = db.prepare<[string], { seq: number; type: string; at: number; data: string }>(
    'SELECT seq, type, at, data FROM generation_events WHERE generationId = ? ORDER BY seq',
  );
  const toProcessing = db.prepare<[number, number, string]>(
    "UPDATE generations SET status = 'processing', startedAt = ?, updatedAt = ? WHERE id = ? AND status = 'pending'",
  );
  const toTerminal = db.prepare(
    `UPDATE generations SET status = @to, completedAt = @at, updatedAt = @at, result = @result, errorCode = @errorCode,
       errorClass = @errorClass, errorMessage = @errorMessage, progress = CASE WHEN @to = 'completed' THEN 1 ELSE progress END
     WHERE id = @id AND status = @from`,
  );
  const setJobId = db.prepare<[string | null, number, string]>(
    "UPDATE generations SET providerJobId = ?, updatedAt = ? WHERE id = ? AND status = 'processing'",
  );
  const setProgress = db.prepare<[number, number, string]>(
    "UPDATE generations SET progress = ?, updatedAt = ? WHERE id = ? AND status = 'processing'",
  );
  const setAttemptCount = db.prepare<[number, number, string]>(
    'UPDATE generations SET attemptCount = ?, updatedAt = ? WHERE id = ?',
  );
  const addCost = db.prepare(
    `UPDATE generations SET costUsd = coalesce(costUsd, 0) + @costUsd,
       tokensIn = CASE WHEN @tokensIn IS NULL THEN tokensIn ELSE coalesce(tokensIn, 0) + @tokensIn END,
       tokensOut = CASE WHEN @tokensOut IS NULL THEN tokensOut ELSE coalesce(tokensOut, 0) + @tokensOut END,
       costSource = CASE WHEN @costSource = 'reported' OR (@costSource = 'estimated' AND costSource = 'none') THEN @costSource ELSE costSource END,
       updatedAt = @at
     WHERE id = @id`,
  );
  const insertSample = db.prepare(
    `INSERT INTO telemetry_samples (generationId, projectId, nodeId, worldId, providerId, operation, status, at, latencyMs,
       queueMs, attempts, tokensIn, tokensOut, costUsd, costSource, errorClass, fallbackApplied, preview)
     SELECT id, projectId, nodeId, worldId, providerId, operation, status, completedAt,
       CASE WHEN startedAt IS NULL THEN NULL ELSE completedAt - startedAt END,
       CASE WHEN startedAt IS NULL THEN NULL ELSE startedAt - createdAt END,
       attemptCount, tokensIn, tokensOut, coalesce(costUsd, 0), costSource, errorClass,
       CASE WHEN status = 'failed' AND json_extract(result, '$.origin') = 'fallback' THEN 1 ELSE 0 END, preview
     FROM generations WHERE id = ?`,
  );
  const deleteJob = db.prepare<[string]>('DELETE FROM jobs WHERE generationId = ?');

  function emitInto(queue: EngineEvent[]): Emit {
    return (type, generationId, data, stored = true) => {
      const at = now();
      if (stored && generationId !== null) {
        const seq = nextSeq.get(generationId)?.seq ?? 0;
        // The stored timeline keeps the payload small: the record itself is one get() away.
        const { generation: _record, generationId: _id, ...stored } = data;
        insertEvent.run(generationId, seq, type, at, JSON.stringify(stored));
      }
      queue.push({ type, generationId, at: isoTime(at), data });
    };
  }

  /** Runs `fn` in one transaction, then publishes its events; storage failures become GenErrors. */
  function commit<T>(operation: string, fn: (emit: Emit) => T): T {
    const queue: EngineEvent[] = [];
    let result: T;
    try {
      result = db.transaction(() => fn(emitInto(queue))).immediate();
    } catch (error) {
      throw toStorageError(error, operation);
    }
    for (const event of queue) bus.publish(event);
    return result;
  }

  function mustGet(id: string): GenerationRow {
    const row = selectRow.get(id);
    if (row === undefined) throw new Error(`generation ${id} vanished inside its own transaction`);
    return row;
  }

  return {
    commit,
    get: (id: string): GenerationRow | undefined => selectRow.get(id),

    insert(row: GenerationRow, emit: Emit): void {
      insertRow.run({ ...row });
      emit('generation.created', row.id, { generationId: row.id, generation: rowToGeneration(row) });
    },

    events(id: string) {
      return selectEvents.all(id).map((e) => ({ seq: e.seq, type: e.type, at: isoTime(e.at), data: JSON.parse(e.data) as Record<string, unknown> }));
    },

    /** pending → processing; false when another process moved it first. */
    start(id: string, emit: Emit): boolean {
      const at = now();
      if (toProcessing.run(at, at, id).changes === 0) return false;
      emit('generation.statusChanged', id, { generationId: id, from: 'pending', to: 'processing', generation: rowToGeneration(mustGet(id)) });
      return true;
    },

    /**
     * Moves a generation into a terminal status with its sample, removing its job row. Throws
     * GEN_INVALID_TRANSITION when the row is not in `from` (another process or a cancel got there first).
     */
    terminate(id: string, from: GenerationStatus, to: GenerationStatus, fields: TerminalFields, emit: Emit): GenerationRow {
      assertTransition(id, from, to);
      const changes = toTerminal.run({
        id,
        from,
        to,
        at: now(),
        result: fields.result === undefined || fields.result === null ? null : JSON.stringify(fields.result),
        errorCode: fields.errorCode ?? null,
        errorClass: fields.errorClass ?? null,
        errorMessage: fields.errorMessage ?? null,
      }).changes;
      if (changes === 0) {
        const current = selectRow.get(id);
        throw invalidTransition(id, (current?.status ?? from) as GenerationStatus, to);
      }
      insertSample.run(id);
      deleteJob.run(id);
      const row = mustGet(id);
      const data: Record<string, unknown> = { generationId: id, from, to, generation: rowToGeneration(row) };
      if (row.errorCode !== null) data.errorCode = row.errorCode;
      emit('generation.statusChanged', id, data);
      return row;
    },

    setProviderJobId: (id: string, jobId: string | null) => setJobId.run(jobId, now(), id).changes > 0,
    setProgress: (id: string, progress: number) => setProgress.run(progress, now(), id).changes > 0,
    setAttemptCount: (id: string, count: number) => setAttemptCount.run(count, now(), id),
    addCost(id: string, cost: { costUsd: number; tokensIn: number | null; tokensOut: number | null; costSource: string }) {
      addCost.run({ id, at: now(), ...cost });
    },
  };
}
