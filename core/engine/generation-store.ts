import type Database from 'better-sqlite3';
import type { Generation, GenerationResult, GenerationStatus } from '../domain';
import { isGenError, type GenError } from '../domain';
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

/** The stored timeline keeps the payload small: the record itself is one get() away. `generation` is not read. */
function timelinePayload(data: Record<string, unknown>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (key !== 'generation' && key !== 'generationId') stored[key] = data[key];
  return stored;
}

/**
 * `data` with the event's `generation` record, converted from the row (a snapshot taken at the event) only
 * when a listener reads it: with nobody listening, a state change does not pay for parsing its JSON columns.
 */
function withRecord(data: Record<string, unknown>, row: GenerationRow): Record<string, unknown> {
  let record: Generation | undefined;
  Object.defineProperty(data, 'generation', { enumerable: true, configurable: true, get: () => (record ??= rowToGeneration(row)) });
  return data;
}

const COMPLETED_ROWS_KEPT = 256;

export function createGenerationStore(db: Database.Database, now: () => number, bus: EventBus) {
  const columns = GENERATION_COLUMNS.join(', ');
  const insertRow = db.prepare(`INSERT INTO generations (${columns}) VALUES (${GENERATION_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const selectRow = db.prepare<[string], GenerationRow>('SELECT * FROM generations WHERE id = ?');
  // A status check need not materialize the whole record (its request and params are kilobytes of JSON).
  const selectStatus = db.prepare<[string], { status: GenerationStatus }>('SELECT status FROM generations WHERE id = ?');
  const insertEvent = db.prepare<[string, number, string, number, string]>(
    'INSERT INTO generation_events (generationId, seq, type, at, data) VALUES (?, ?, ?, ?, ?)',
  );
  // The first event of a timeline in a transaction takes the next seq in the same statement.
  const insertEventNext = db.prepare<[string, string, number, string, string], { seq: number }>(
    `INSERT INTO generation_events (generationId, seq, type, at, data)
     SELECT ?, coalesce(max(seq), -1) + 1, ?, ?, ? FROM generation_events WHERE generationId = ? RETURNING seq`,
  );
  const selectEvents = db.prepare<[string], { seq: number; type: string; at: number; data: string }>(
    'SELECT seq, type, at, data FROM generation_events WHERE generationId = ? ORDER BY seq',
  );
  const toProcessing = db.prepare<[number, number, number | null, string]>(
    "UPDATE generations SET status = 'processing', startedAt = ?, updatedAt = ?, attemptCount = coalesce(?, attemptCount) WHERE id = ? AND status = 'pending'",
  );
  const toTerminal = db.prepare(
    `UPDATE generations SET status = @to, completedAt = @at, updatedAt = @at, result = @result, errorCode = @errorCode,
       errorClass = @errorClass, errorMessage = @errorMessage, progress = CASE WHEN @to = 'completed' THEN 1 ELSE progress END
     WHERE id = @id AND status = @from RETURNING *`,
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

  // Within one IMMEDIATE transaction nobody else appends, so each timeline's next seq is read once. A commit
  // nested in another (a savepoint) shares its parent's counters.
  let openSeqs: Map<string, number> | null = null;

  function emitInto(queue: EngineEvent[], seqs: Map<string, number>): Emit {
    return (type, generationId, data, stored = true) => {
      const at = now();
      if (stored && generationId !== null) {
        const payload = JSON.stringify(timelinePayload(data));
        const known = seqs.get(generationId);
        if (known === undefined) {
          const assigned = insertEventNext.get(generationId, type, at, payload, generationId)?.seq ?? 0;
          seqs.set(generationId, assigned + 1);
        } else {
          insertEvent.run(generationId, known, type, at, payload);
          seqs.set(generationId, known + 1);
        }
      }
      queue.push({ type, generationId, at: isoTime(at), data });
    };
  }

  /**
   * One IMMEDIATE transaction around `fn`, which emits into `queue` with the timeline counters `seqs`; the
   * queued events are published after the commit; storage failures become GenErrors.
   */
  function transact<T>(operation: string, fn: (queue: EngineEvent[], seqs: Map<string, number>) => T): T {
    const queue: EngineEvent[] = [];
    const parentSeqs = openSeqs;
    const seqs = parentSeqs ?? new Map<string, number>();
    openSeqs = seqs;
    let result: T;
    try {
      result = db.transaction(() => fn(queue, seqs)).immediate();
    } catch (error) {
      throw toStorageError(error, operation);
    } finally {
      openSeqs = parentSeqs;
    }
    for (const event of queue) bus.publish(event);
    return result;
  }

  /** Runs `fn` in one transaction, then publishes its events; storage failures become GenErrors. */
  function commit<T>(operation: string, fn: (emit: Emit) => T): T {
    return transact(operation, (queue, seqs) => fn(emitInto(queue, seqs)));
  }

  type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: GenError };

  /**
   * One transaction for several independent changes (group commit): each runs in its own savepoint, so one
   * that throws (a refused transition) is rolled back alone, with its events, and reported in its slot;
   * `after` runs last in the same transaction (null when it did not run). A batch of one needs no savepoint:
   * its failure is the transaction's. A failure of the whole transaction throws for a larger batch.
   */
  function commitEach<I, R, A>(
    operation: string,
    items: readonly I[],
    each: (item: I, emit: Emit) => R,
    after: (emit: Emit) => A,
  ): { results: Array<ItemOutcome<R>>; after: A | null } {
    const savepointed = (item: I, queue: EngineEvent[], seqs: Map<string, number>): ItemOutcome<R> => {
      const itemEvents: EngineEvent[] = [];
      try {
        const value = db.transaction(() => each(item, emitInto(itemEvents, seqs)))();
        queue.push(...itemEvents);
        return { ok: true, value };
      } catch (error) {
        // SQLITE_FULL, IOERR, BUSY or NOMEM roll back the whole transaction, not just the savepoint.
        if (!db.inTransaction) throw error;
        return { ok: false, error: toStorageError(error, operation) };
      }
    };
    try {
      return transact(operation, (queue, seqs) => {
        const results: Array<ItemOutcome<R>> =
          items.length === 1
            ? [{ ok: true, value: each(items[0] as I, emitInto(queue, seqs)) }]
            : items.map((item) => savepointed(item, queue, seqs));
        return { results, after: after(emitInto(queue, seqs)) };
      });
    } catch (error) {
      if (items.length !== 1 || !isGenError(error)) throw error;
      return { results: [{ ok: false, error }], after: null };
    }
  }

  // A completed row never changes again (status-machine.ts: completed is terminal; the insert-only trigger
  // guards the rest), in this process or any other, so the rows that reuse serves over and over are kept.
  const completedRows = new Map<string, GenerationRow>();
  function getRow(id: string): GenerationRow | undefined {
    const kept = completedRows.get(id);
    if (kept !== undefined) return kept;
    const row = selectRow.get(id);
    if (row?.status === 'completed') {
      if (completedRows.size >= COMPLETED_ROWS_KEPT) completedRows.delete(completedRows.keys().next().value as string);
      completedRows.set(id, row);
    }
    return row;
  }

  function mustGet(id: string): GenerationRow {
    const row = selectRow.get(id);
    if (row === undefined) throw new Error(`generation ${id} vanished inside its own transaction`);
    return row;
  }

  return {
    commit,
    commitEach,
    get: getRow,
    status: (id: string): GenerationStatus | undefined => selectStatus.get(id)?.status,

    insert(row: GenerationRow, emit: Emit): void {
      insertRow.run({ ...row });
      emit('generation.created', row.id, withRecord({ generationId: row.id }, row));
    },

    events(id: string) {
      return selectEvents.all(id).map((e) => ({ seq: e.seq, type: e.type, at: isoTime(e.at), data: JSON.parse(e.data) as Record<string, unknown> }));
    },

    /**
     * pending → processing, with the attempt count when its first attempt starts in the same transaction;
     * the started row, or undefined when another process moved it first.
     */
    start(id: string, emit: Emit, attemptCount: number | null = null, current?: GenerationRow): GenerationRow | undefined {
      const at = now();
      if (toProcessing.run(at, at, attemptCount, id).changes === 0) return undefined;
      // `current`, read in this transaction, plus exactly what the UPDATE changed; else read back.
      const row =
        current === undefined
          ? mustGet(id)
          : { ...current, status: 'processing', startedAt: at, updatedAt: at, attemptCount: attemptCount ?? current.attemptCount };
      emit('generation.statusChanged', id, withRecord({ generationId: id, from: 'pending', to: 'processing' }, row));
      return row;
    },

    /**
     * Moves a generation into a terminal status with its sample, removing its job row. Throws
     * GEN_INVALID_TRANSITION when the row is not in `from` (another process or a cancel got there first).
     */
    terminate(id: string, from: GenerationStatus, to: GenerationStatus, fields: TerminalFields, emit: Emit): GenerationRow {
      assertTransition(id, from, to);
      // RETURNING hands back the ended row, so it is not read again.
      const row = toTerminal.get({
        id,
        from,
        to,
        at: now(),
        result: fields.result === undefined || fields.result === null ? null : JSON.stringify(fields.result),
        errorCode: fields.errorCode ?? null,
        errorClass: fields.errorClass ?? null,
        errorMessage: fields.errorMessage ?? null,
      }) as GenerationRow | undefined;
      if (row === undefined) {
        const current = selectRow.get(id);
        throw invalidTransition(id, (current?.status ?? from) as GenerationStatus, to);
      }
      insertSample.run(id);
      deleteJob.run(id);
      const data = withRecord({ generationId: id, from, to }, row);
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
