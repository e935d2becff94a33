export { createTelemetryReader, type TelemetryReader, type LiveCacheEntry } from './telemetry-reader';
export { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
export { WINDOW_MS, RETENTION_MS, windowStart } from './windows';
export { healthStatus, successRate } from './outcome-figures';
