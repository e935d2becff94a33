import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CreateGenerationRequest } from '../../core/domain';
import { rawHash, sortKeysDeep } from '../lib/canonical-floor';
import { openRawLookups, type RawLookups } from '../lib/raw-sqlite';
import {
  createAndComplete,
  dialogueRequest,
  type Engine,
  INSTANT_PREVIEW,
  loadEngine,
  openEngineOrSkip,
} from '../lib/engine-fixtures';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { alternate, percentile, timeEach, timeEachSync } from '../lib/stats';

// Row 1 (PERF-1): a cached create — a `once` node asked again with a new prompt variable, so the hash is
// new (no dedup) and the cache key is the same: the answer is a strategy hit served from the cache.
// Floor per call, as RELIABILITY.md PERF-1 defines it: "the sum of the key, cache-get and telemetry-insert
// floors" — sha256 of the same canonical params, a raw better-sqlite3 primary-key lookup of the cache entry,
// and one committed insert of a `lookups`-shaped row (every lookup must record one, telemetry.md §2). p50 is
// judged, p99 reported. The read-only floor the issue first named (key + cache-get, no insert) is reported
// beside it: that floor omits a write the spec requires of every cache hit.

type Shared = {
  engine: Engine;
  raw: Database.Database;
  lookup: Database.Statement<[string], { value: string }>;
  lookups: RawLookups;
  key: string;
  requests: CreateGenerationRequest[];
  params: unknown[];
};

const CALLS = { quick: 1_000, full: 10_000 };
const WARMUP = 500;

function measures(mode: Mode): MeasureSpec[] {
  return [
    { name: `cached create p50 (${CALLS[mode] / 1000}k calls)`, unit: 'µs', bound: 'cpu', target: { kind: 'max', ratio: 3 } },
    { name: `cached create p99 (${CALLS[mode] / 1000}k calls)`, unit: 'µs', bound: 'cpu', target: { kind: 'report' } },
    { name: `cached create p50 vs read-only floor (${CALLS[mode] / 1000}k calls)`, unit: 'µs', bound: 'cpu', target: { kind: 'report' } },
  ];
}

/** PERF-1's floor for one call: the key (sha256 of the canonical params), the cache get and the telemetry insert. */
function floorCall(s: Pick<Shared, 'lookup' | 'lookups' | 'key'>, params: unknown, i: number): void {
  rawHash(params);
  s.lookup.get(s.key);
  s.lookups.insert(Date.now(), 'bench-project', 'gen-bench', `gen_${i}`);
}

export const row: RowModule<Shared> = {
  id: 'cached-create',
  title: 'cached create (strategy hit)',
  measures,

  async prepare(ctx) {
    const deps = await loadEngine();
    const dataDir = join(ctx.tmpDir, 'data');
    const engine = await openEngineOrSkip(deps, { dataDir, providers: [INSTANT_PREVIEW] });
    await createAndComplete(engine, dialogueRequest({ providerId: 'local-preview', strategy: 'once', n: 'seed' }));
    const probe = await engine.generations.create(dialogueRequest({ providerId: 'local-preview', strategy: 'once', n: 'probe' }));
    if (probe.why.source !== 'cache') throw new Error(`expected a cache hit, got ${probe.why.source}/${probe.why.reason}`);

    const count = CALLS[ctx.mode];
    const requests = Array.from({ length: count + WARMUP }, (_, i) => dialogueRequest({ providerId: 'local-preview', strategy: 'once', n: i }));
    const params: unknown[] = [];
    for (const request of requests) {
      const dry = await engine.generations.validate(request);
      if (dry.canonicalParams === null) throw new Error(`validate gave no canonical params: ${dry.error?.message ?? 'unknown'}`);
      params.push(sortKeysDeep(dry.canonicalParams));
    }
    const raw = new Database(join(dataDir, 'genweave.db'), { readonly: true });
    const entry = raw.prepare<[], { key: string }>('SELECT key FROM cache_entries LIMIT 1').get();
    if (entry === undefined) throw new Error('the engine wrote no cache entry');
    const lookup = raw.prepare<[string], { value: string }>('SELECT value FROM cache_entries WHERE key = ?');
    const lookups = openRawLookups(ctx.tmpDir);

    const shared: Shared = { engine, raw, lookup, lookups, key: entry.key, requests: requests.slice(0, count), params: params.slice(0, count) };
    // Warm both paths so the first repetition does not pay for JIT compilation.
    for (let i = count; i < count + WARMUP; i += 1) {
      await engine.generations.create(requests[i]!);
      floorCall(shared, params[i], i);
    }
    return shared;
  },

  async rep(ctx, s, index) {
    const indices = s.requests.map((_, i) => i);
    const readOnly = timeEachSync(indices, (i) => (rawHash(s.params[i]), s.lookup.get(s.key)));
    const floor = () => timeEachSync(indices, (i) => floorCall(s, s.params[i], i));
    const figure = () =>
      timeEach(s.requests, async (request) => {
        const reply = await s.engine.generations.create(request);
        if (reply.why.source !== 'cache') throw new Error(`expected a cache hit, got ${reply.why.source}/${reply.why.reason}`);
      });
    const [floorTimes, figureTimes] = await alternate(index, floor, figure);
    const us = (ms: number) => ms * 1000;
    const [p50, p99, readOnlyP50] = measures(ctx.mode).map((m) => m.name) as [string, string, string];
    return {
      [p50]: { figure: us(percentile(figureTimes, 0.5)), floor: us(percentile(floorTimes, 0.5)) },
      [p99]: { figure: us(percentile(figureTimes, 0.99)), floor: us(percentile(floorTimes, 0.99)) },
      [readOnlyP50]: { figure: us(percentile(figureTimes, 0.5)), floor: us(percentile(readOnly, 0.5)) },
    };
  },

  async dispose(s) {
    s.lookups.close();
    s.raw.close();
    await s.engine.close();
  },
};
