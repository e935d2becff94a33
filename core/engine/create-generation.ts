import { DEFAULT_GENERATION_PRIORITY, GenError, type ContentRating, type CreateGenerationResult } from '../domain';
import { clampContentRating, type SocialEnforcement } from '../social';
import { isoTime } from '../storage';
import type { CacheEntry, CacheScope } from '../cache';
import type { EngineContext } from './engine-context';
import { flightWait } from './flight-wait';
import { completedRowToGeneration, rowToGeneration, type GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import { newGenerationRow } from './new-generation-row';
import { createNodeCheckMemo } from './node-check-memo';
import { createTurnBatch } from './turn-batch';
import { prepareRequest, type Prepared } from './prepare-request';
import type { ResolvedProvider } from './provider-registry';
import { buildProviderJob } from './provider-job';
import type { ClaimedJob } from './claimed-job';
import { buildWhy, createReuseFinder, rowMediaPresent, type DedupScope, type Skipped } from './reuse';

// generation.md §11 steps 7–12 on top of prepareRequest (steps 1–6).

type FlightOutcome = { kind: 'created' | 'in_flight' | 'completed_match'; row: GenerationRow };

type JobContent = Pick<Parameters<typeof buildProviderJob>[0], 'operation' | 'prompt' | 'seed' | 'modelParams' | 'canonicalParams' | 'inputs'>;

/** The provider's estimate for a job not yet created: no id yet, first attempt, due now. */
export function estimateJobCost(ctx: EngineContext, provider: ResolvedProvider, content: JobContent): number {
  const job = buildProviderJob({ ...content, generationId: '', media: ctx.media, attempt: 1, deadlineAt: ctx.now() });
  return provider.adapter.estimateCostUsd(job, provider.config);
}

export function estimateCost(ctx: EngineContext, prepared: Prepared): number {
  return estimateJobCost(ctx, prepared.provider, {
    operation: prepared.operation,
    prompt: prepared.prompt.text,
    seed: prepared.seed,
    modelParams: prepared.modelParams,
    canonicalParams: prepared.canonicalParams,
    inputs: prepared.inputs,
  });
}

export function withinCaps(social: SocialEnforcement) {
  return (rating: ContentRating) =>
    clampContentRating(rating, social.worldMaxRating, social.userMaxRating) === rating;
}

function emitRatingClamped(emit: Emit, id: string, social: SocialEnforcement): void {
  if (!social.ratingClamped || social.requestedRating === null) return;
  emit('generation.ratingClamped', id, {
    generationId: id,
    originalRating: social.requestedRating,
    contentRating: social.contentRating,
    worldMaxRating: social.worldMaxRating,
    userMaxRating: social.userMaxRating,
  });
}

/** The writes of a new pending generation — its row, its job and any clamp event — in the caller's transaction. */
export function writePending(ctx: EngineContext, emit: Emit, row: GenerationRow, social: SocialEnforcement): void {
  ctx.store.insert(row, emit);
  ctx.queue.insertJob(row.id, row.providerId, row.priority, row.createdAt);
  emitRatingClamped(emit, row.id, social);
}

/** Inserts a pending generation in one transaction, then wakes the runner. */
export function insertPending(ctx: EngineContext, what: string, row: GenerationRow, social: SocialEnforcement): void {
  ctx.store.commit(what, (emit) => writePending(ctx, emit, row, social));
  ctx.wake();
}

export function createGenerationFlow(ctx: EngineContext) {
  const finder = createReuseFinder(ctx);
  const nodeChecks = createNodeCheckMemo();
  const flights = new Map<string, Promise<FlightOutcome>>();

  function reuse(
    row: GenerationRow,
    why: ReturnType<typeof buildWhy>,
    outcome: 'dedup_hit' | 'in_flight_join' | 'cache_hit',
    prepared: Prepared,
  ): CreateGenerationResult {
    const { request } = prepared;
    const at = ctx.now();
    const write = (emit: Emit) => {
      ctx.log.lookup(at, request.projectId, request.nodeId, prepared.provider.config.id, row.id, outcome);
      emit('generation.reused', row.id, { generationId: row.id, why });
    };
    // A completed row no longer changes, so its reuse records can be group-committed; a joined flight's
    // row is still moving, and its record is committed at once so that its timeline stays in order.
    if (row.status === 'completed') {
      ctx.lookups.add(write);
      return { generation: completedRowToGeneration(row), why };
    }
    ctx.store.commit('record a reuse', write);
    return { generation: rowToGeneration(ctx.store.get(row.id) ?? row), why };
  }

  /** §9 steps 2–4, run by the one caller of this process that leads the flight key. */
  async function lead(flightKey: string, prepared: Prepared, scope: DedupScope, skipped: Skipped): Promise<FlightOutcome> {
    const always = prepared.config.strategy === 'always';
    const existing = (): FlightOutcome | undefined => {
      const running = finder.inFlight(scope);
      if (running !== undefined) return { kind: 'in_flight', row: running };
      const done = always ? undefined : finder.completedMatch(scope, skipped);
      return done === undefined ? undefined : { kind: 'completed_match', row: done };
    };
    for (;;) {
      const outcome = await insertSoon({ prepared, flightKey, existing });
      if (outcome !== undefined) return outcome;
      await flightWait(ctx);
    }
  }

  // Steps 2–4 in one IMMEDIATE transaction: writers of every process are serialized, so the look, the
  // lease, the insert and the lease's release are one atomic step and other processes see either nothing
  // or the pending row. A lease taken and dropped inside one transaction is never visible, so it is not
  // written: holding the write lock is holding it. A live lease row — a retry's, or one a process wrote in
  // its own transaction (or died holding) — still makes us wait (§9 step 3). Creates that arrive within one
  // turn of the event loop share the transaction (group commit, each in its own savepoint: generation-store
  // commitEach), and the new jobs are claimed in it when slots are free (scheduler.ts).
  type PendingInsert = {
    prepared: Prepared;
    flightKey: string;
    existing: () => FlightOutcome | undefined;
    done: (outcome: { value: FlightOutcome | undefined } | { error: unknown }) => void;
  };
  // A create alone in flight has nobody to share a commit with: it is written at once.
  const inserts = createTurnBatch<PendingInsert>(flushInserts, () => creating <= 1);

  function insertSoon(item: Omit<PendingInsert, 'done'>): Promise<FlightOutcome | undefined> {
    return new Promise((resolve, reject) => {
      inserts.add({ ...item, done: (outcome) => ('value' in outcome ? resolve(outcome.value) : reject(outcome.error)) });
    });
  }

  function flushInserts(batch: PendingInsert[]): void {
    if (ctx.isClosed()) {
      for (const item of batch) item.done({ error: new GenError('GEN_ENGINE_CLOSED', 'The engine is closed.', {}) });
      return;
    }
    const created = new Map<string, GenerationRow>();
    let written: { results: Array<{ ok: true; value: FlightOutcome | undefined } | { ok: false; error: unknown }>; after: ClaimedJob[] | null };
    try {
      written = ctx.store.commitEach(
        'create the generation',
        batch,
        ({ prepared, flightKey, existing }, emit): FlightOutcome | undefined => {
          const found = existing();
          if (found !== undefined) return found;
          if (ctx.queue.flightHeld(flightKey, ctx.now())) return undefined;
          const row = newRow(prepared);
          writePending(ctx, emit, row, prepared.social);
          created.set(row.id, row);
          return { kind: 'created', row };
        },
        (emit) => ctx.dispatch.claimWithin(emit, [], created),
      );
    } catch (error) {
      for (const item of batch) item.done({ error });
      return;
    }
    // No wake: the transaction already claimed what a wake would (the slots are full otherwise, and the next
    // terminal transition claims into the slot it frees).
    ctx.dispatch.launch(written.after ?? []);
    written.results.forEach((r, i) => batch[i]!.done(r.ok ? { value: r.value } : { error: r.error }));
  }

  /** Steps 10–11: the budget check and the new row (insert-only fields), for the request as prepared. */
  function newRow(prepared: Prepared): GenerationRow {
    const { request, config, provider, social } = prepared;
    const estimatedCostUsd = estimateCost(ctx, prepared);
    ctx.budgets.check(request.budget, request, estimatedCostUsd); // step 10
    const createdAt = ctx.now();
    const { catalog: _catalog, ...storedRequest } = request;
    return newGenerationRow({
      id: ctx.newId(),
      projectId: request.projectId,
      nodeId: request.nodeId,
      worldId: request.worldId ?? null,
      providerId: provider.config.id,
      operation: prepared.operation,
      generationType: config.generationType,
      purpose: config.purpose,
      strategy: config.strategy,
      priority: request.priority ?? DEFAULT_GENERATION_PRIORITY,
      preview: request.preview === true,
      request: storedRequest,
      canonicalParams: prepared.canonicalParams,
      inputs: prepared.inputs,
      hash: prepared.hash,
      cacheKey: prepared.cacheKey,
      seed: prepared.seed,
      finalPrompt: prepared.prompt.text,
      promptSource: prepared.prompt.source,
      promptVersionId: prepared.prompt.versionId,
      socialContext: social.context,
      playthroughId: request.playthroughId ?? null,
      playerId: request.playerId ?? null,
      parentGenerationId: null,
      retryCount: 0,
      estimatedCostUsd,
      createdAt,
    });
  }

  /** create() calls in flight, so that a lone one is not made to wait for company (insertSoon). */
  let creating = 0;

  async function create(raw: unknown): Promise<CreateGenerationResult> {
    creating += 1;
    try {
      return await createOnce(raw);
    } finally {
      creating -= 1;
    }
  }

  async function createOnce(raw: unknown): Promise<CreateGenerationResult> {
    const prepared = await prepareRequest(raw, { providers: ctx.providers, now: ctx.now, media: ctx.media, nodeChecks });
    const { request, config, provider, hash, cacheKey, social } = prepared;
    const scope: DedupScope = { projectId: request.projectId, providerId: provider.config.id, operation: prepared.operation, hash };
    const skipped: Skipped = [];
    const always = config.strategy === 'always';
    const why = (source: 'created' | 'dedup' | 'cache', reason: Parameters<typeof buildWhy>[0]['reason'], extra = {}) =>
      buildWhy({ source, reason, hash, cacheKey, scope, skipped, ratingClamped: social.ratingClamped, ...extra });

    if (!always) {
      const match = finder.completedMatch(scope, skipped); // step 7
      if (match !== undefined) return reuse(match, why('dedup', 'completed_match', { matchedGenerationId: match.id }), 'dedup_hit', prepared);
    }
    if (cacheKey !== null) {
      const cacheScope = { projectId: request.projectId, nodeId: request.nodeId, cacheKey };
      const looked = lookupCache(prepared, cacheScope, ctx.cache.readNow(cacheScope), skipped); // step 8
      const hit = looked instanceof Promise ? await looked : looked;
      if (hit !== undefined) {
        const cacheEntry = { writtenAt: isoTime(hit.entry.writtenAtMs), expiresAt: isoTime(hit.entry.expiresAtMs) };
        return reuse(hit.row, why('cache', 'cache_hit', { matchedGenerationId: hit.row.id, cacheEntry }), 'cache_hit', prepared);
      }
    }
    const flightKey = `${scope.projectId}|${scope.providerId}|${scope.operation}|${hash}`; // step 9
    const joined = flights.get(flightKey);
    if (joined !== undefined) {
      const outcome = await joined;
      const reason = outcome.kind === 'completed_match' ? 'completed_match' : 'in_flight';
      return reuse(outcome.row, why('dedup', reason, { matchedGenerationId: outcome.row.id }), reason === 'in_flight' ? 'in_flight_join' : 'dedup_hit', prepared);
    }
    const leading = lead(flightKey, prepared, scope, skipped);
    flights.set(flightKey, leading);
    let outcome: FlightOutcome;
    try {
      outcome = await leading;
    } finally {
      flights.delete(flightKey);
    }
    if (outcome.kind === 'created') {
      return { generation: rowToGeneration(outcome.row), why: why('created', always ? 'cache_disabled' : 'new') };
    }
    const reason = outcome.kind === 'completed_match' ? 'completed_match' : 'in_flight';
    return reuse(outcome.row, why('dedup', reason, { matchedGenerationId: outcome.row.id }), reason === 'in_flight' ? 'in_flight_join' : 'dedup_hit', prepared);
  }

  /**
   * §8: at most one of hit, miss or stale is recorded per lookup. Synchronous but for the removal of an
   * entry that can never be served again (then a promise).
   */
  function lookupCache(
    prepared: Prepared,
    cacheScope: CacheScope,
    entry: CacheEntry | undefined,
    skipped: Skipped,
  ): { entry: CacheEntry; row: GenerationRow } | undefined | Promise<void> {
    const { request } = prepared;
    const at = ctx.now();
    const record = (outcome: 'cache_miss' | 'cache_stale') =>
      ctx.lookups.add(() => ctx.log.lookup(at, request.projectId, request.nodeId, prepared.provider.config.id, null, outcome));
    if (entry === undefined) {
      record('cache_miss');
      return undefined;
    }
    let probed: GenerationRow | undefined;
    const check = ctx.cache.check(entry, (id) => probeRow(id, (row) => (probed = row)), withinCaps(prepared.social));
    if (check.servable && probed !== undefined) return { entry, row: probed };
    const reason = check.servable ? 'generation_missing' : check.reason;
    skipped.push({ step: 'cache', generationId: entry.generationId, reason });
    record('cache_stale');
    if (reason === 'expired' || reason === 'generation_missing' || reason === 'not_completed') return ctx.cache.remove(cacheScope);
    return undefined;
  }

  /** The cache's view of a generation; `seen` receives the row read, so a hit is served without a second read. */
  function probeRow(generationId: string, seen?: (row: GenerationRow) => void) {
    const row = ctx.store.get(generationId);
    if (row === undefined) return null;
    seen?.(row);
    return { status: row.status, projectId: row.projectId, nodeId: row.nodeId, mediaPresent: rowMediaPresent(ctx, row) };
  }

  const probe = (generationId: string) => probeRow(generationId);

  return { create, probe, finder };
}

export type GenerationFlow = ReturnType<typeof createGenerationFlow>;

export function notFound(id: string): GenError {
  return new GenError('GEN_NOT_FOUND', `Generation '${id}' was not found.`, { entity: 'generation', id });
}
