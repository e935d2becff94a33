// rpc.md §6: the one mapping from engine event types (generation.md §12) to RPC event names and payloads.
import type { EventName } from '../rpc/method-names';
import type { HostEngine, HostEngineEvent } from './host-engine';

export const ENGINE_TO_RPC_EVENT: Readonly<Record<string, EventName>> = {
  'generation.created': 'generations.onDidCreate',
  'generation.reused': 'generations.onDidReuse',
  'generation.statusChanged': 'generations.onDidChangeStatus',
  'generation.progress': 'generations.onDidProgress',
  'generation.ratingClamped': 'generations.onDidClampRating',
  'generation.attemptFailed': 'generations.onDidFailAttempt',
  'generation.fallbackApplied': 'generations.onDidApplyFallback',
  'generation.resumed': 'generations.onDidResume',
  'cache.written': 'cache.onDidWrite',
  'cache.invalidated': 'cache.onDidInvalidate',
  'telemetry.updated': 'telemetry.onDidUpdate',
};

const PAYLOAD_KEYS: Readonly<Record<string, readonly string[]>> = {
  'generation.progress': ['progress', 'message'],
  'generation.ratingClamped': ['originalRating', 'contentRating', 'worldMaxRating', 'userMaxRating'],
  'generation.attemptFailed': ['attempt', 'errorClass', 'message', 'willRetry', 'retryInMs'],
  'generation.fallbackApplied': ['fallbackMode'],
  'cache.written': ['projectId', 'nodeId', 'key', 'count'],
  'cache.invalidated': ['projectId', 'nodeId', 'key', 'count'],
  'telemetry.updated': ['providerId', 'operation', 'projectId', 'nodeId'],
};

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(data, key) && data[key] !== undefined) out[key] = data[key];
  return out;
}

/** The RPC event for one engine event, or null for a type the contract does not publish. */
export async function toRpcEvent(
  event: HostEngineEvent,
  engine: Pick<HostEngine, 'generations'>,
): Promise<{ event: EventName; payload: Record<string, unknown> } | null> {
  const name = ENGINE_TO_RPC_EVENT[event.type];
  if (name === undefined) return null;
  const id = event.generationId;
  switch (event.type) {
    case 'generation.created':
      return { event: name, payload: { generation: event.data.generation } };
    case 'generation.reused':
      return { event: name, payload: { generationId: id, why: event.data.why } };
    case 'generation.statusChanged':
      // The event carries only the transition; listeners run after commit, so the record read here is the new one.
      return { event: name, payload: { generation: await engine.generations.get(id ?? ''), from: event.data.from, to: event.data.to } };
    case 'generation.resumed':
      return { event: name, payload: { generationId: id } };
    case 'cache.written':
    case 'cache.invalidated': {
      const payload = pick(event.data, PAYLOAD_KEYS[event.type] ?? []);
      if (payload.count === undefined) payload.count = typeof event.data.removed === 'number' ? event.data.removed : 1;
      return { event: name, payload };
    }
    case 'telemetry.updated':
      return { event: name, payload: pick(event.data, PAYLOAD_KEYS[event.type] ?? []) };
    default:
      return { event: name, payload: { generationId: id, ...pick(event.data, PAYLOAD_KEYS[event.type] ?? []) } };
  }
}
