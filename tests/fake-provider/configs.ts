import { OPERATION_TYPES } from '../../core/domain';
import type { HttpJobMapping, ProviderConfig } from '../../core/domain';
import { FAKE_MODEL } from './openai-routes';

// providers.md §9: provider configs pointing at a running fake. Poll intervals are short so tests move fast.

export function fakeHttpJobMapping(options: { result?: 'text' | 'url' } = {}): HttpJobMapping {
  return {
    submit: { method: 'POST', path: '/jobs', body: { prompt: '{{prompt}}', seed: '{{seed}}', operation: '{{operation}}' } },
    jobIdPointer: '/id',
    poll: { method: 'GET', path: '/jobs/{{jobId}}' },
    statusPointer: '/status',
    statusMap: { queued: 'pending', running: 'processing', done: 'completed', failed: 'failed', filtered: 'filtered', cancelled: 'cancelled' },
    progressPointer: '/progress',
    errorPointer: '/error',
    result: options.result === 'url' ? { urlPointer: '/output/url' } : { textPointer: '/output/text' },
    usage: { costUsdPointer: '/costUsd' },
    cancel: { method: 'POST', path: '/jobs/{{jobId}}/cancel' },
  };
}

export function fakeHttpJobConfig(url: string, overrides: Partial<ProviderConfig> & { result?: 'text' | 'url' } = {}): ProviderConfig {
  const { result, ...rest } = overrides;
  return {
    id: 'fake-job',
    kind: 'http-job',
    baseUrl: url,
    operations: [...OPERATION_TYPES],
    pollIntervalMs: 20,
    httpJob: fakeHttpJobMapping(result === undefined ? {} : { result }),
    ...rest,
  };
}

export function fakeOpenAiConfig(url: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { id: 'fake-openai', kind: 'openai-compatible', baseUrl: `${url}/v1`, model: FAKE_MODEL, ...overrides };
}

export const FAKE_COMFY_WORKFLOWS = {
  text_to_image: {
    '3': { class_type: 'KSampler', inputs: { seed: '{{seed}}', steps: 20, cfg: 7, model: ['4', 0], positive: ['6', 0], negative: ['7', 0] } },
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'fake.safetensors' } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: '{{prompt}}', clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: '{{negativePrompt}}', clip: ['4', 1] } },
    '9': { class_type: 'SaveImage', inputs: { images: ['3', 0], filename_prefix: 'genweave' } },
  },
  image_to_video: {
    '1': { class_type: 'LoadImage', inputs: { image: '{{inputImage}}' } },
    '2': { class_type: 'VideoSampler', inputs: { seed: '{{seed}}', prompt: '{{prompt}}', image: ['1', 0] } },
    '9': { class_type: 'SaveVideo', inputs: { video: ['2', 0] } },
  },
};

export function fakeComfyConfig(url: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { id: 'fake-comfy', kind: 'comfyui', baseUrl: url, pollIntervalMs: 20, comfyui: { workflows: FAKE_COMFY_WORKFLOWS }, ...overrides };
}
