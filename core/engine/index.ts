export { openEngine, type OpenEngineOptions } from './open-engine';
export type { Engine, ProviderListItem } from './engine-api';
export type { EngineEvent, EventFilter } from './event-bus';
export { canTransition, assertTransition } from './status-machine';
export { backoffDelayMs, retryDelayMs, maxAttempts, attemptTimeoutMs } from './retry-policy';
export { PLACEHOLDER_SVG } from './fallback';
