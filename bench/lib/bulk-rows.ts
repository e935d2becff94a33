import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// Heavy setup for the scale rows, written straight into the engine's own tables (engine.md §4.2) while no
// engine has the file open. There is no bulk API in the engine, and 100k real creates would take minutes,
// so: telemetry samples are synthesized row by row (they are one row per fact, telemetry.md §2), and
// generations are cloned from real ones the engine wrote, with fresh ids, hashes and times, together with
// their timeline events, attempts and telemetry samples. Columns are read from the file, not assumed.

const DAY_MS = 86_400_000;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

type Row = Record<string, unknown>;

function openEngineFile(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'genweave.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

function inserter(db: Database.Database, table: string): (row: Row) => void {
  const columns = columnsOf(db, table);
  const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  return (row) => void statement.run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

/** `gen_` + a 26-character Crockford id: 10 characters of time, 16 of a counter (unique, time-ordered). */
function generationId(time: number, counter: number): string {
  let head = '';
  for (let rest = time, i = 0; i < 10; i += 1, rest = Math.floor(rest / 32)) head = ALPHABET[rest % 32] + head;
  let tail = '';
  for (let rest = counter, i = 0; i < 16; i += 1, rest = Math.floor(rest / 32)) tail = ALPHABET[rest % 32] + tail;
  return `gen_${head}${tail}`;
}

/** A deterministic pseudo-random sequence, so every run inserts the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` terminal samples spread over the last 23 hours across `providerIds` (90 % completed). */
export function insertTelemetrySamples(dataDir: string, count: number, providerIds: readonly string[], now: number): void {
  const db = openEngineFile(dataDir);
  const insert = inserter(db, 'telemetry_samples');
  const next = random(42);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const roll = next();
      const status = roll < 0.9 ? 'completed' : roll < 0.97 ? 'failed' : 'cancelled';
      // Long-tailed latencies: most answers in a few hundred ms, a few in tens of seconds.
      const latencyMs = Math.round(150 + 400 * -Math.log(1 - next()) * (next() < 0.05 ? 20 : 1));
      insert({
        generationId: generationId(now - i, i),
        projectId: 'bench-project',
        nodeId: `gen-node-${i % 200}`,
        worldId: 'world-bench',
        providerId: providerIds[i % providerIds.length],
        operation: 'text_generation',
        status,
        at: now - Math.floor(next() * 23 * 3_600_000),
        latencyMs: status === 'cancelled' && roll > 0.985 ? null : latencyMs,
        queueMs: Math.round(next() * 50),
        attempts: status === 'failed' ? 3 : 1,
        tokensIn: 120,
        tokensOut: 60,
        costUsd: 0,
        costSource: 'none',
        errorClass: status === 'failed' ? 'server_error' : null,
        fallbackApplied: 0,
        preview: 0,
      });
    }
  })();
  db.close();
}

/**
 * Clones the engine-written generations already in the file until there are `total`, spread over the
 * last six days, each with the seed's events, attempts and telemetry sample under its new id and times.
 */
export function cloneGenerations(dataDir: string, total: number, now: number): void {
  const db = openEngineFile(dataDir);
  const seeds = db.prepare('SELECT * FROM generations').all() as Row[];
  if (seeds.length === 0) throw new Error('no generations to clone');
  const eventsOf = db.prepare('SELECT * FROM generation_events WHERE generationId = ?');
  const attemptsOf = db.prepare('SELECT * FROM attempts WHERE generationId = ?');
  const samplesOf = db.prepare('SELECT * FROM telemetry_samples WHERE generationId = ?');
  const children = seeds.map((g) => ({
    events: eventsOf.all(g.id) as Row[],
    attempts: attemptsOf.all(g.id) as Row[],
    samples: samplesOf.all(g.id) as Row[],
  }));
  const put = {
    generation: inserter(db, 'generations'),
    event: inserter(db, 'generation_events'),
    attempt: inserter(db, 'attempts'),
    sample: inserter(db, 'telemetry_samples'),
  };
  const span = 6 * DAY_MS;
  const clones = total - seeds.length;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const k = i % seeds.length;
      const seed = seeds[k]!;
      const createdAt = now - span + Math.floor((i / clones) * span);
      const shift = createdAt - (seed.createdAt as number);
      const at = (value: unknown) => (typeof value === 'number' ? value + shift : value);
      const id = generationId(createdAt, i);
      put.generation({
        ...seed,
        id,
        hash: createHash('sha256').update(id).digest('hex'),
        createdAt,
        updatedAt: at(seed.updatedAt),
        startedAt: at(seed.startedAt),
        completedAt: at(seed.completedAt),
      });
      for (const e of children[k]!.events) put.event({ ...e, generationId: id, at: at(e.at) });
      for (const a of children[k]!.attempts) put.attempt({ ...a, generationId: id, startedAt: at(a.startedAt), endedAt: at(a.endedAt) });
      for (const s of children[k]!.samples) put.sample({ ...s, generationId: id, at: at(s.at) });
    }
  });
  for (let from = 0; from < clones; from += 10_000) batch(from, Math.min(clones, from + 10_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
