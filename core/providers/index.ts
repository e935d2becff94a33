// The providers area: adapter contract, classification, adapters, HTTP rules and secret stores (providers.md).
export {
  ProviderError,
  isProviderError,
  type BadResponseReason,
  type ProviderAdapter,
  type ProviderCapabilities,
  type ProviderContext,
  type ProviderErrorInit,
  type ProviderJob,
  type ProviderJobInput,
  type ProviderOutput,
  type ProviderOutputKind,
  type ProviderStatus,
  type ProviderTestResult,
  type ProviderUpdate,
  type Usage,
} from './adapter';
export {
  ERROR_CLASS_CODES,
  RETRYABLE_ERROR_CLASSES,
  codeForProviderError,
  genErrorForProviderFailure,
  isRetryableErrorClass,
  providerErrorForUpdate,
  type FailureContext,
} from './classify';
export { createRedactor, cutProviderMessage, REDACTED, PROVIDER_MESSAGE_MAX_CHARS, type Redactor } from './redact';
export { adapterFor, capabilitiesFor } from './registry';
export { localPreviewAdapter } from './local-preview/local-preview-adapter';
export { renderPreviewSvg, renderPreviewText, type PreviewSpec } from './local-preview/render';
export { openAiCompatibleAdapter, chatCompletionBody, DEFAULT_SYSTEM_PROMPT } from './openai-compatible/openai-compatible-adapter';
export { comfyUiAdapter } from './comfyui/comfyui-adapter';
export { httpJobAdapter } from './http-job/http-job-adapter';
export { costFromUsage, estimateCostFromPricing, type CostSource } from './cost';
export { createEnvSecretStore, secretEnvName, type SecretStore } from './secret-store';
export { parseRetryAfterMs } from './retry-after';
export { getJsonPointer, parseJsonPointer } from './json-pointer';
export { createConnectionPool, CONNECTION_IDLE_MS, type ConnectionPool } from './connection-pool';
export { exchange, errorForAbort, JSON_BODY_MAX_BYTES, type HttpExchange, type HttpResponse } from './http-client';
export { ACCEPTED_MEDIA_TYPES, MAX_TEXT_BYTES } from './output';
export { transportWarnings } from './provider-test';
export { USER_AGENT } from './user-agent';
