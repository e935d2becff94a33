import type { GenerationDryRun } from '../domain';
import { validateGenerationNode } from '../validation';
import { estimateCost, withinCaps, type GenerationFlow } from './create-generation';
import type { EngineContext } from './engine-context';
import { asGenError } from './internal-error';
import { prepareRequest, type Prepared, type PreparedPartial } from './prepare-request';

// engine.md §2.1 validate(): create() steps 1–10 without side effects (no row, no media copy, no
// lookup counted, no lease). Never throws.

export function createDryRun(ctx: EngineContext, flow: GenerationFlow) {
  async function predict(prepared: Prepared): Promise<NonNullable<GenerationDryRun['prediction']>> {
    const { request, config, provider, hash, cacheKey } = prepared;
    const scope = { projectId: request.projectId, providerId: provider.config.id, operation: prepared.operation, hash };
    if (config.strategy !== 'always') {
      const match = flow.finder.completedMatch(scope, []);
      if (match !== undefined) return { source: 'dedup', reason: 'completed_match', matchedGenerationId: match.id };
    }
    if (cacheKey !== null) {
      const entry = await ctx.cache.read({ projectId: request.projectId, nodeId: request.nodeId, cacheKey });
      if (entry !== undefined && ctx.cache.check(entry, flow.probe, withinCaps(prepared.social)).servable) {
        return { source: 'cache', reason: 'cache_hit', matchedGenerationId: entry.generationId };
      }
    }
    const running = flow.finder.inFlight(scope);
    if (running !== undefined) return { source: 'dedup', reason: 'in_flight', matchedGenerationId: running.id };
    return { source: 'created', reason: config.strategy === 'always' ? 'cache_disabled' : 'new', matchedGenerationId: null };
  }

  return async function validate(raw: unknown): Promise<GenerationDryRun> {
    const partial: PreparedPartial = {};
    const answer: GenerationDryRun = {
      ok: false,
      error: null,
      validation: { errors: [], warnings: [], suggestions: [] },
      socialContext: null,
      finalPrompt: null,
      promptSource: null,
      promptVersionId: null,
      canonicalParams: null,
      inputs: [],
      hash: null,
      cacheKey: null,
      prediction: null,
      estimatedCostUsd: 0,
      budget: {},
    };
    try {
      const prepared = await prepareRequest(raw, { providers: ctx.providers, now: ctx.now, media: null }, partial);
      answer.estimatedCostUsd = estimateCost(ctx, prepared);
      answer.budget = ctx.budgets.states(prepared.request.budget, prepared.request, '');
      answer.prediction = await predict(prepared);
      if (answer.prediction.source === 'created') ctx.budgets.check(prepared.request.budget, prepared.request, answer.estimatedCostUsd);
      answer.ok = true;
    } catch (error) {
      answer.error = asGenError(error, 'validate the request').toWire();
    }
    answer.validation = partial.validation ?? validateRawConfig(raw);
    answer.socialContext = partial.social?.context ?? null;
    answer.finalPrompt = partial.prompt?.text ?? null;
    answer.promptSource = partial.prompt?.source ?? null;
    answer.promptVersionId = partial.prompt?.versionId ?? null;
    answer.canonicalParams = partial.canonicalParams ?? null;
    answer.inputs = partial.inputs ?? [];
    answer.hash = partial.hash ?? null;
    answer.cacheKey = partial.cacheKey ?? null;
    return answer;
  };
}

function validateRawConfig(raw: unknown) {
  const config = typeof raw === 'object' && raw !== null ? (raw as { config?: unknown }).config : undefined;
  return validateGenerationNode(config);
}
