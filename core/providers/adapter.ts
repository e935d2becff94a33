import type { ErrorClass, GenerationInput, OperationType, ProviderConfig, ProviderJobStatus } from '../domain';
import type { ConnectionPool } from './connection-pool';

// providers.md §1: the contract between the engine and one provider adapter. An adapter makes one HTTP
// exchange per call and never retries; queueing, deadlines, retries and cost belong to the engine.

export type ProviderStatus = ProviderJobStatus;

export type ProviderCapabilities = { operations: OperationType[]; poll: boolean; cancel: boolean; reportsCost: boolean };

export type ProviderJobInput = GenerationInput & { read(): Promise<Uint8Array> };

export type ProviderJob = {
  generationId: string;
  operation: OperationType;
  prompt: string;
  seed: number;
  modelParams: Record<string, string | number | boolean>;
  canonicalParams: Record<string, unknown>;
  inputs: ProviderJobInput[];
  attempt: number;
  deadlineAt: number;
};

export type ProviderContext = {
  config: ProviderConfig;
  secret: string | null;
  /** Aborted by the engine on cancel or at the attempt deadline (a `TimeoutError` reason marks the deadline). */
  signal: AbortSignal;
  now(): number;
  progress(value: number, message?: string): void;
  /** The engine's kept-alive connections; without it every exchange has a connection of its own. */
  connections?: ConnectionPool;
};

export type Usage = { tokensIn?: number; tokensOut?: number; costUsd?: number; computeSeconds?: number };

export type ProviderUpdate = {
  status: ProviderStatus;
  providerJobId?: string;
  progress?: number;
  resultRef?: unknown;
  usage?: Usage;
  errorMessage?: string;
};

export type ProviderOutputKind = 'image' | 'video' | 'audio' | 'text';

export type ProviderOutput = {
  kind: ProviderOutputKind;
  mediaType: string;
  bytes?: Uint8Array;
  text?: string;
  width?: number;
  height?: number;
  durationSec?: number;
  thumbnail?: { mediaType: string; bytes: Uint8Array };
  usage?: Usage;
};

export type ProviderTestResult = { ok: boolean; message: string; models?: string[]; warnings: string[] };

export type ProviderAdapter = {
  kind: string;
  capabilities(config: ProviderConfig): ProviderCapabilities;
  submit(job: ProviderJob, ctx: ProviderContext): Promise<ProviderUpdate>;
  poll?(providerJobId: string, ctx: ProviderContext): Promise<ProviderUpdate>;
  cancel?(providerJobId: string, ctx: ProviderContext): Promise<void>;
  fetch(resultRef: unknown, ctx: ProviderContext): Promise<ProviderOutput>;
  estimateCostUsd(job: ProviderJob, config: ProviderConfig): number;
  test(ctx: ProviderContext): Promise<ProviderTestResult>;
};

/**
 * Why a `bad_response` happened. `empty_output` maps to GEN_EMPTY_OUTPUT, every other reason to
 * GEN_PROVIDER_BAD_RESPONSE (errors.md §4); the reason is the `details.reason` of that code.
 */
export type BadResponseReason =
  | 'empty_output'
  | 'malformed_json'
  | 'schema_mismatch'
  | 'unmapped_status'
  | 'redirect'
  | 'media_type'
  | 'bad_url'
  | 'size_cap'
  | 'text_too_large'
  | 'unexpected_status';

export type ProviderErrorInit = {
  httpStatus?: number;
  retryAfterMs?: number;
  /** Provider text for the dev panel; the adapter redacts it and cuts it to 500 characters. */
  providerMessage?: string;
  reason?: BadResponseReason;
  cause?: unknown;
};

/** A failed exchange, classified (providers.md §3). `message` is ours and never quotes a response body. */
export class ProviderError extends Error {
  readonly errorClass: ErrorClass;
  // `declare`: an absent field stays absent (no own `undefined` key) when the error is serialized.
  declare readonly httpStatus?: number;
  declare readonly retryAfterMs?: number;
  declare readonly providerMessage?: string;
  declare readonly reason?: BadResponseReason;

  constructor(errorClass: ErrorClass, message: string, init: ProviderErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ProviderError';
    this.errorClass = errorClass;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.providerMessage !== undefined) this.providerMessage = init.providerMessage;
    if (init.reason !== undefined) this.reason = init.reason;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
