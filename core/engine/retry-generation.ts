import {
  GenError,
  type CreateGenerationRequest,
  type CreateGenerationResult,
  type GenerationInput,
  type OperationType,
  type RetryOptions,
} from '../domain';
import { enforceSocialContext } from '../social';
import { estimateJobCost, insertPending, notFound, type GenerationFlow } from './create-generation';
import type { EngineContext } from './engine-context';
import { rowToGeneration, type GenerationRow } from './generation-row';
import { flightWait } from './flight-wait';
import { newGenerationRow } from './new-generation-row';
import { reproducibleHash, requestCacheKey } from './request-identity';
import { buildWhy } from './reuse';
import { storedConfig } from './terminal-writes';
import type { ModelParamValues } from './canonical-params';

// generation.md §14: a user retry is a new generation with the parent's prompt, inputs, seed and
// canonical params, re-clamped against the caps given now. Single flight per parent, across processes.

export const RETRY_CHAIN_LIMIT = 10;

export function createRetryFlow(ctx: EngineContext, flow: GenerationFlow) {
  const inProcess = new Map<string, Promise<CreateGenerationResult>>();

  async function retry(id: string, options: RetryOptions): Promise<CreateGenerationResult> {
    const parent = ctx.store.get(id);
    if (parent === undefined) throw notFound(id);
    if (parent.status !== 'failed' && parent.status !== 'cancelled') {
      throw new GenError('GEN_NOT_RETRYABLE', `Generation '${id}' is ${parent.status}; only failed or cancelled generations can be retried.`, {
        id,
        status: parent.status,
      });
    }
    if (parent.retryCount >= RETRY_CHAIN_LIMIT) {
      throw new GenError('GEN_RETRY_LIMIT', `Generation '${id}' has reached the limit of 10 retries.`, { id, retryCount: parent.retryCount });
    }
    const running = inProcess.get(id);
    if (running !== undefined) return joinChild(await running, parent);
    const leading = lead(parent, options);
    inProcess.set(id, leading);
    try {
      return await leading;
    } finally {
      inProcess.delete(id);
    }
  }

  function joinChild(result: CreateGenerationResult, parent: GenerationRow): CreateGenerationResult {
    const child = ctx.store.get(result.generation.id);
    return inFlightAnswer(child ?? parent, parent);
  }

  function inFlightAnswer(child: GenerationRow, parent: GenerationRow): CreateGenerationResult {
    const why = buildWhy({
      source: 'dedup',
      reason: 'in_flight',
      hash: child.hash,
      cacheKey: child.cacheKey,
      scope: { projectId: parent.projectId, providerId: parent.providerId, operation: parent.operation, hash: child.hash },
      matchedGenerationId: child.id,
      ratingClamped: child.socialContext !== null && (JSON.parse(child.socialContext) as { ratingClamped?: boolean }).ratingClamped === true,
    });
    ctx.store.commit('record a reuse', (emit) => emit('generation.reused', child.id, { generationId: child.id, why }));
    return { generation: rowToGeneration(child), why };
  }

  async function lead(parent: GenerationRow, options: RetryOptions): Promise<CreateGenerationResult> {
    const flightKey = `retry|${parent.id}`;
    for (;;) {
      const child = flow.finder.retryChild(parent.id);
      if (child !== undefined) return inFlightAnswer(child, parent);
      if (ctx.queue.takeFlight(flightKey, ctx.now())) break;
      await flightWait(ctx);
    }
    try {
      const child = flow.finder.retryChild(parent.id);
      if (child !== undefined) return inFlightAnswer(child, parent);
      return insertChild(parent, options);
    } finally {
      ctx.queue.dropFlight(flightKey);
    }
  }

  function insertChild(parent: GenerationRow, options: RetryOptions): CreateGenerationResult {
    const request = JSON.parse(parent.request) as CreateGenerationRequest;
    const world = options.world ?? request.world;
    const user = options.user ?? request.user;
    const config = storedConfig(parent);
    const social = enforceSocialContext({ socialContext: config?.socialContext, npcs: request.npcs, world, user });
    const parentParams = JSON.parse(parent.canonicalParams) as Record<string, unknown>;
    const canonicalParams: Record<string, unknown> = { ...parentParams };
    if (social.context !== null && typeof parentParams.socialContext === 'object' && parentParams.socialContext !== null) {
      canonicalParams.socialContext = { ...parentParams.socialContext, intimacyBand: social.context.intimacyBand, contentRating: social.context.contentRating };
    }
    const inputs = JSON.parse(parent.inputs) as GenerationInput[];
    const hash = reproducibleHash(canonicalParams, inputs);
    const cacheKey =
      parent.cacheKey === null || config === undefined ? null : requestCacheKey(request, config, parent.operation, social.contentRating);
    const provider = ctx.providers.find(parent.providerId);
    const estimatedCostUsd =
      provider === undefined
        ? 0
        : estimateJobCost(ctx, provider, {
            operation: parent.operation as OperationType,
            prompt: parent.finalPrompt,
            seed: parent.seed,
            modelParams: (canonicalParams.modelParams ?? {}) as ModelParamValues,
            canonicalParams,
            inputs,
          });
    ctx.budgets.check(request.budget, parent, estimatedCostUsd);
    const createdAt = ctx.now();
    const row = newGenerationRow({
      projectId: parent.projectId,
      nodeId: parent.nodeId,
      worldId: parent.worldId,
      providerId: parent.providerId,
      operation: parent.operation,
      generationType: parent.generationType,
      purpose: parent.purpose,
      strategy: parent.strategy,
      preview: parent.preview === 1,
      seed: parent.seed,
      finalPrompt: parent.finalPrompt,
      promptSource: parent.promptSource,
      promptVersionId: parent.promptVersionId,
      playthroughId: parent.playthroughId,
      playerId: parent.playerId,
      id: ctx.newId(),
      priority: options.priority ?? parent.priority,
      request: { ...request, ...(world === undefined ? {} : { world }), ...(user === undefined ? {} : { user }) },
      canonicalParams,
      inputs,
      hash,
      cacheKey,
      socialContext: social.context,
      parentGenerationId: parent.id,
      retryCount: parent.retryCount + 1,
      estimatedCostUsd,
      createdAt,
    });
    insertPending(ctx, 'create the retry', row, social);
    const why = buildWhy({
      source: 'created',
      reason: 'retry',
      hash,
      cacheKey,
      scope: { projectId: row.projectId, providerId: row.providerId, operation: row.operation, hash },
      ratingClamped: social.ratingClamped,
    });
    return { generation: rowToGeneration(row), why };
  }

  return { retry };
}
