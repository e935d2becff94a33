import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../../core/domain';
import { costFromUsage, createEnvSecretStore, estimateCostFromPricing, secretEnvName, transportWarnings } from '../../../core/providers';
import type { ProviderJob } from '../../../core/providers';

const PRICED: ProviderConfig = {
  id: 'paid',
  kind: 'openai-compatible',
  baseUrl: 'https://api.example.test/v1',
  model: 'm',
  pricing: { perCallUsd: 0.01, perInputTokenUsd: 0.001, perOutputTokenUsd: 0.002, perOutputSecondUsd: 0.1 },
};

function job(prompt: string, modelParams: ProviderJob['modelParams'], duration: Record<string, number>): ProviderJob {
  return { generationId: 'g', operation: 'text_generation', prompt, seed: 1, modelParams, canonicalParams: { duration }, inputs: [], attempt: 1, deadlineAt: 0 };
}

describe('cost (providers.md §5)', () => {
  it('estimates perCall + ceil(prompt/4) × in + maxTokens × out + duration × perSecond', () => {
    expect(estimateCostFromPricing(job('abcde', { maxTokens: 10 }, { target: 2, max: 9 }), PRICED)).toBeCloseTo(0.01 + 2 * 0.001 + 10 * 0.002 + 2 * 0.1, 10);
    expect(estimateCostFromPricing(job('', {}, { max: 3 }), PRICED)).toBeCloseTo(0.01 + 1024 * 0.002 + 3 * 0.1, 10);
    expect(estimateCostFromPricing(job('', {}, {}), PRICED)).toBeCloseTo(0.01 + 1024 * 0.002 + 5 * 0.1, 10);
    expect(estimateCostFromPricing(job('abc', {}, {}), { ...PRICED, pricing: undefined })).toBe(0);
  });

  it('prefers a reported cost, else prices the usage, else reports none', () => {
    expect(costFromUsage({ costUsd: 0.5, tokensIn: 100 }, PRICED)).toEqual({ costUsd: 0.5, costSource: 'reported' });
    expect(costFromUsage({ tokensIn: 10, tokensOut: 5 }, PRICED, 2).costUsd).toBeCloseTo(0.01 + 0.01 + 0.01 + 0.2, 10);
    expect(costFromUsage({ tokensIn: 10 }, PRICED).costSource).toBe('estimated');
    expect(costFromUsage({ tokensIn: 10 }, { ...PRICED, pricing: undefined })).toEqual({ costUsd: 0, costSource: 'none' });
  });
});

describe('environment secret store (providers.md §6)', () => {
  it('reads GENWEAVE_SECRET_<ID>, keeps set keys for the session only and never persists', () => {
    expect(secretEnvName('comfy-local')).toBe('GENWEAVE_SECRET_COMFY_LOCAL');
    const store = createEnvSecretStore({ GENWEAVE_SECRET_COMFY_LOCAL: 'from-env' });
    expect(store.get('comfy-local')).toBe('from-env');
    expect(store.has('other')).toBe(false);
    expect(store.set('other', 'typed')).toEqual({ persisted: false });
    expect(store.get('other')).toBe('typed');
    store.clear('comfy-local');
    expect(store.has('comfy-local')).toBe(false);
    expect(createEnvSecretStore({ GENWEAVE_SECRET_COMFY_LOCAL: 'from-env' }).get('other')).toBeNull();
  });
});

describe('transport warnings (providers.md §7)', () => {
  it('warns only when a key would travel over plain http to another machine', () => {
    const config = (baseUrl: string): ProviderConfig => ({ ...PRICED, baseUrl });
    expect(transportWarnings(config('http://192.168.1.20:8188'), 'sk')).toHaveLength(1);
    expect(transportWarnings(config('http://192.168.1.20:8188'), null)).toEqual([]);
    expect(transportWarnings(config('https://api.example.test'), 'sk')).toEqual([]);
    for (const loopback of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:5']) {
      expect(transportWarnings(config(loopback), 'sk')).toEqual([]);
    }
  });
});
