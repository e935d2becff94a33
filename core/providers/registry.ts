import type { ProviderConfig, ProviderKind } from '../domain';
import type { ProviderAdapter, ProviderCapabilities } from './adapter';
import { comfyUiAdapter } from './comfyui/comfyui-adapter';
import { httpJobAdapter } from './http-job/http-job-adapter';
import { localPreviewAdapter } from './local-preview/local-preview-adapter';
import { openAiCompatibleAdapter } from './openai-compatible/openai-compatible-adapter';

// providers.md §8: one built-in adapter per kind.

const ADAPTERS: Readonly<Record<ProviderKind, ProviderAdapter>> = {
  'local-preview': localPreviewAdapter,
  'openai-compatible': openAiCompatibleAdapter,
  comfyui: comfyUiAdapter,
  'http-job': httpJobAdapter,
};

export function adapterFor(kind: ProviderKind): ProviderAdapter {
  return ADAPTERS[kind];
}

/** What the configured provider can do: the kind's operations narrowed by `config.operations`. */
export function capabilitiesFor(config: ProviderConfig): ProviderCapabilities {
  return adapterFor(config.kind).capabilities(config);
}
