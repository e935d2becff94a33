import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVIDERS,
  effectiveProviderSettings,
  isGenError,
  parseProviderConfig,
  PROVIDER_KIND_DEFAULTS,
  ProviderConfigSchema,
} from '../../../core/domain';
import { capabilitiesFor } from '../../../core/providers';
import { fakeComfyConfig, fakeHttpJobConfig, fakeOpenAiConfig } from '../../fake-provider';

function issuePaths(input: unknown): string[] {
  const parsed = ProviderConfigSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('ProviderConfigSchema', () => {
  it('accepts the default provider and the fake configs', () => {
    for (const config of [...DEFAULT_PROVIDERS, fakeOpenAiConfig('http://127.0.0.1:1'), fakeComfyConfig('http://127.0.0.1:1'), fakeHttpJobConfig('http://127.0.0.1:1')]) {
      expect(issuePaths(config)).toEqual([]);
    }
  });

  it('requires what each kind needs', () => {
    expect(issuePaths({ id: 'o', kind: 'openai-compatible' })).toEqual(['baseUrl', 'model']);
    expect(issuePaths({ id: 'h', kind: 'http-job', baseUrl: 'http://x' })).toEqual(['operations', 'httpJob']);
    expect(issuePaths({ id: 'c', kind: 'comfyui', baseUrl: 'https://x' })).toEqual(['comfyui']);
  });

  it('refuses bad ids, non-http URLs, bad pointers and a mapping without a result pointer', () => {
    expect(issuePaths({ id: 'Bad_Id', kind: 'local-preview' })).toEqual(['id']);
    expect(issuePaths({ id: 'f', kind: 'comfyui', baseUrl: 'file:///etc', comfyui: { workflows: {} } })).toEqual(['baseUrl']);
    const mapping = fakeHttpJobConfig('http://127.0.0.1:1').httpJob!;
    expect(issuePaths({ ...fakeHttpJobConfig('http://127.0.0.1:1'), httpJob: { ...mapping, jobIdPointer: 'id' } })).toEqual(['httpJob.jobIdPointer']);
    expect(issuePaths({ ...fakeHttpJobConfig('http://127.0.0.1:1'), httpJob: { ...mapping, result: {} } })).toEqual(['httpJob.result']);
  });

  it('drops null optional fields and inserts no defaults', () => {
    expect(ProviderConfigSchema.parse({ id: 'local-preview', kind: 'local-preview', label: null, timeoutMs: null })).toEqual({
      id: 'local-preview',
      kind: 'local-preview',
    });
  });

  it('rejects an invalid config with GEN_BAD_REQUEST naming the path', () => {
    let thrown: unknown;
    try {
      parseProviderConfig({ id: 'x', kind: 'http-job', baseUrl: 'http://x', operations: ['text_generation'] });
    } catch (error) {
      thrown = error;
    }
    expect(isGenError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe("Invalid request: 'httpJob' is required for kind 'http-job'.");
  });
});

describe('kind defaults and capabilities', () => {
  it('fills the §2 table values when the config sets none', () => {
    expect(effectiveProviderSettings({ id: 'c', kind: 'comfyui', baseUrl: 'http://x', comfyui: { workflows: {} } })).toEqual({
      enabled: true,
      timeoutMs: 600_000,
      requestTimeoutMs: 30_000,
      pollIntervalMs: 1_000,
      concurrency: 1,
      maxResultBytes: 268_435_456,
    });
    expect(effectiveProviderSettings({ id: 'l', kind: 'local-preview', timeoutMs: 5000 })).toMatchObject({ timeoutMs: 5000, requestTimeoutMs: null, pollIntervalMs: null, concurrency: 4 });
    expect(PROVIDER_KIND_DEFAULTS['http-job']).toMatchObject({ timeoutMs: 300_000, pollIntervalMs: 2_000, concurrency: 2 });
    expect(PROVIDER_KIND_DEFAULTS['openai-compatible']).toMatchObject({ timeoutMs: 120_000, requestTimeoutMs: 120_000, concurrency: 1 });
  });

  it('narrows the kind operations by config.operations', () => {
    expect(capabilitiesFor({ id: 'l', kind: 'local-preview', operations: ['text_generation'] }).operations).toEqual(['text_generation']);
    expect(capabilitiesFor(fakeOpenAiConfig('http://x', { operations: ['text_to_image'] })).operations).toEqual([]);
    expect(capabilitiesFor(fakeHttpJobConfig('http://x', { operations: ['fusion'] }))).toEqual({ operations: ['fusion'], poll: true, cancel: true, reportsCost: true });
  });
});
