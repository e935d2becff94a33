// Migration 2 (telemetry.md §4): covering indexes for the percentile reads. Each lists one group's
// values already in order, so `telemetry.*` reads them without sorting or visiting table rows:
// completed latencies per provider/operation/node, and queue times (samples that started) per
// provider/operation. `at` is last so the window filter is checked inside the index.
export const SCHEMA_V2 = `
CREATE INDEX telemetry_samples_provider_latency ON telemetry_samples (providerId, status, latencyMs, at);
CREATE INDEX telemetry_samples_provider_queue ON telemetry_samples (providerId, queueMs, at);
CREATE INDEX telemetry_samples_operation_latency ON telemetry_samples (operation, status, latencyMs, at);
CREATE INDEX telemetry_samples_operation_queue ON telemetry_samples (operation, queueMs, at);
CREATE INDEX telemetry_samples_node_latency ON telemetry_samples (projectId, nodeId, status, latencyMs, at);
`;
