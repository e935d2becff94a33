import type { z } from 'zod';
import { findIllFormedString } from './ill-formed-text';
import {
  operationForGenerationType,
  GenError,
  GenerationNodeConfigSchema,
  type GenerationNodeConfig,
  CreateGenerationRequestSchema,
  type CreateGenerationRequest,
  type GenerationInput,
  type PromptCatalog,
  type OperationType,
  type PromptSource,
} from '../domain';
import {
  buildBuiltinVariables,
  choosePromptTemplate,
  listTemplateVariables,
  promptBinding,
  renderPromptTemplate,
  type PromptVariableValue,
} from '../prompts';
import { checkSocialRatings, enforceSocialContext, type SocialEnforcement } from '../social';
import type { MediaStore } from '../storage';
import { validateGenerationNode, type ValidationResult } from '../validation';
import { buildCanonicalParams, deriveSeed, effectiveModelParams, type ModelParamValues } from './canonical-params';
import type { ProviderRegistry, ResolvedProvider } from './provider-registry';
import type { NodeCheckMemo } from './node-check-memo';
import { resolveInputs } from './request-inputs';
import { reproducibleHash, requestCacheKey } from './request-identity';

// generation.md §11 steps 1–6: everything create(), validate() and prompts.resolve() share. Each stage
// writes into `partial`, so a dry run can show how far a failing request got.

const EMPTY_CATALOG: PromptCatalog = { families: [], versions: [] };
const CAP_RULES = new Set(['V12', 'V13']);

export type ResolvedPromptInfo = { text: string; versionId: string | null; source: PromptSource; boundVariables: Record<string, string> };

export type Prepared = {
  request: CreateGenerationRequest;
  config: GenerationNodeConfig;
  provider: ResolvedProvider;
  operation: OperationType;
  validation: ValidationResult;
  social: SocialEnforcement;
  prompt: ResolvedPromptInfo;
  seed: number;
  modelParams: ModelParamValues;
  canonicalParams: Record<string, unknown>;
  inputs: GenerationInput[];
  hash: string;
  cacheKey: string | null;
};

export type PreparedPartial = Partial<Prepared>;

export type PrepareOptions = {
  providers: ProviderRegistry;
  now: () => number;
  /** null for dry runs: inputs are hashed but not copied. */
  media: MediaStore | null;
  /** Stop after the prompt (prompts.resolve). */
  stopAfterPrompt?: boolean;
  /** Verdicts and parsed configs of nodes seen before (create() keeps one per engine). */
  nodeChecks?: NodeCheckMemo;
};

export function parseRequest<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0] ?? { path: '', message: 'is invalid' };
  throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path}' ${first.message}.`, { issues });
}

/** Step 1: envelope, ratings, validator, enabled node, enabled provider that supports the operation. */
function checkRequest(raw: unknown, options: PrepareOptions, partial: PreparedPartial) {
  const request = parseRequest(CreateGenerationRequestSchema, raw);
  const illFormed = findIllFormedString(request);
  if (illFormed !== null) {
    const message = 'contains a lone surrogate, which is not valid Unicode text';
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${illFormed}' ${message}.`, { issues: [{ path: illFormed, message }] });
  }
  partial.request = request;
  const rawConfig = request.config as { socialContext?: { contentRating?: unknown } } | null;
  checkSocialRatings({
    socialContext: typeof rawConfig === 'object' && rawConfig !== null ? rawConfig.socialContext : undefined,
    world: request.world,
    user: request.user,
  });
  const providerIds = options.providers.ids();
  const memoKey = options.nodeChecks?.key([request.config, request.world, request.user, request.catalog, providerIds]) ?? null;
  const known = memoKey === null ? undefined : options.nodeChecks?.get(memoKey);
  const validation =
    known?.validation ??
    validateGenerationNode(request.config, {
      world: request.world,
      user: request.user,
      prompts: request.catalog ?? EMPTY_CATALOG,
      providers: providerIds,
    });
  partial.validation = validation;
  const blocking = validation.errors.filter((issue) => !CAP_RULES.has(issue.rule));
  if (blocking.length > 0) {
    const n = blocking.length;
    throw new GenError(
      'GEN_VALIDATION_FAILED',
      `Node '${request.nodeId}' cannot run: ${n} validation ${n === 1 ? 'error' : 'errors'}. First: ${blocking[0]?.message}.`,
      { nodeId: request.nodeId, errors: blocking },
    );
  }
  const config = known?.config ?? parseRequest(GenerationNodeConfigSchema, request.config);
  if (memoKey !== null && known === undefined) options.nodeChecks?.set(memoKey, { validation, config });
  partial.config = config;
  if (config.enabled !== true) {
    throw new GenError('GEN_NODE_DISABLED', `Node '${request.nodeId}' is disabled. Enable it to generate.`, { nodeId: request.nodeId });
  }
  const provider = options.providers.require(config.provider ?? 'local-preview');
  if (!provider.settings.enabled) {
    const providerId = provider.config.id;
    throw new GenError('GEN_PROVIDER_UNAVAILABLE', `Provider '${providerId}' is disabled. Enable it under Providers to generate.`, {
      providerId,
      reason: 'disabled',
    });
  }
  const operation = operationForGenerationType(config.generationType);
  if (!provider.capabilities.operations.includes(operation)) {
    const supported = provider.capabilities.operations;
    throw new GenError(
      'GEN_PROVIDER_UNSUPPORTED_OPERATION',
      `Provider '${provider.config.id}' does not support '${operation}'. Supported: ${supported.join(', ')}.`,
      { providerId: provider.config.id, operation, supported },
    );
  }
  partial.provider = provider;
  partial.operation = operation;
  return { request, config, provider, operation, validation };
}

/** Step 3: built-ins < config.prompt.variables < request.variables, then strict rendering. */
function resolveRequestPrompt(request: CreateGenerationRequest, config: GenerationNodeConfig, social: SocialEnforcement): ResolvedPromptInfo {
  const promptConfig = config.prompt ?? {};
  const catalog = request.catalog ?? EMPTY_CATALOG;
  // resolvePrompt's three steps, spelled out so the template is chosen and bound once for both answers.
  const chosen = choosePromptTemplate(promptConfig, catalog);
  const templateVariables = listTemplateVariables(chosen.template);
  const vars: Record<string, PromptVariableValue> = {
    ...buildBuiltinVariables({
      config,
      fromScene: request.fromScene,
      toScene: request.toScene,
      playthroughId: request.playthroughId,
      playerId: request.playerId,
      socialContext: social.context,
      world: request.world,
      withDefaultPrompt: templateVariables.includes('default.prompt'),
    }),
    ...(promptConfig.variables ?? {}),
    ...(request.variables ?? {}),
  };
  const binding = promptBinding(promptConfig, chosen.version, vars);
  const text = renderPromptTemplate(chosen.template, binding);
  const boundVariables = Object.fromEntries(templateVariables.map((name) => [name, String(binding[name])]));
  return { text, versionId: chosen.version === null ? null : chosen.version.id, source: chosen.source, boundVariables };
}

export async function prepareRequest(raw: unknown, options: PrepareOptions, partial: PreparedPartial = {}): Promise<Prepared> {
  const { request, config, provider, operation, validation } = checkRequest(raw, options, partial);
  const social = enforceSocialContext({ socialContext: config.socialContext, npcs: request.npcs, world: request.world, user: request.user });
  partial.social = social;
  const prompt = resolveRequestPrompt(request, config, social);
  partial.prompt = prompt;
  if (options.stopAfterPrompt === true) return partial as Prepared;

  const seed = deriveSeed(request.nodeId, config, request, options.now());
  const modelParams = effectiveModelParams(provider.config, config);
  const canonicalParams = buildCanonicalParams({
    providerId: provider.config.id,
    operation,
    prompt: prompt.text,
    config,
    seed,
    modelParams,
    fromScene: request.fromScene,
    toScene: request.toScene,
    playthroughId: request.playthroughId,
    playerId: request.playerId,
    socialContext: social.context,
  });
  Object.assign(partial, { seed, modelParams, canonicalParams });
  // No inputs (the common case) needs no trip through the media store, nor a turn of the microtask queue.
  const inputs = request.inputs === undefined || request.inputs.length === 0 ? [] : await resolveInputs(request.inputs, request.projectPath, options.media);
  partial.inputs = inputs;
  const hash = reproducibleHash(canonicalParams, inputs);
  partial.hash = hash;
  const cacheKey = requestCacheKey(request, config, operation, social.contentRating);
  partial.cacheKey = cacheKey;
  return { request, config, provider, operation, validation, social, prompt, seed, modelParams, canonicalParams, inputs, hash, cacheKey };
}
