import type { ProviderConfig } from '../domain';
import type { ProviderJob, Usage } from './adapter';

// providers.md §5: the estimate before a call (budgets) and the cost of a finished attempt.

export type CostSource = 'reported' | 'estimated' | 'none';

function numberParam(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** perCall + ceil(prompt/4) × in + (maxTokens ?? 1024) × out + (duration.target ?? max ?? 5) × perSecond. */
export function estimateCostFromPricing(job: ProviderJob, config: ProviderConfig): number {
  const pricing = config.pricing;
  if (pricing === undefined) return 0;
  const duration = (job.canonicalParams.duration ?? {}) as Record<string, unknown>;
  const seconds = numberParam(duration.target) ?? numberParam(duration.max) ?? 5;
  const outputTokens = numberParam(job.modelParams.maxTokens) ?? 1024;
  return (
    (pricing.perCallUsd ?? 0) +
    Math.ceil(job.prompt.length / 4) * (pricing.perInputTokenUsd ?? 0) +
    outputTokens * (pricing.perOutputTokenUsd ?? 0) +
    seconds * (pricing.perOutputSecondUsd ?? 0)
  );
}

/** The cost of an attempt: reported by the provider, else priced from usage, else none. */
export function costFromUsage(
  usage: Usage | undefined,
  config: ProviderConfig,
  durationSec?: number,
): { costUsd: number; costSource: CostSource } {
  if (usage?.costUsd !== undefined) return { costUsd: usage.costUsd, costSource: 'reported' };
  const pricing = config.pricing;
  if (pricing === undefined) return { costUsd: 0, costSource: 'none' };
  const costUsd =
    (pricing.perCallUsd ?? 0) +
    (usage?.tokensIn ?? 0) * (pricing.perInputTokenUsd ?? 0) +
    (usage?.tokensOut ?? 0) * (pricing.perOutputTokenUsd ?? 0) +
    (durationSec ?? 0) * (pricing.perOutputSecondUsd ?? 0);
  return { costUsd, costSource: 'estimated' };
}
