import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../core/engine';
import { tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';
import { bundleChild } from './support/child-bundle';
import { killAfterReady } from './support/kill-round';

// RELIABILITY.md DUR-2: SIGKILL the writer child at a random 0–300 ms after its engine is open, 200
// times. The database is checked as the kill left it, and every next child reopens it with the real
// engine (start-up reconciliation included); the test reopens it once more at the end. Acknowledged
// work must survive every kill.
const ROUNDS = 200;
const MAX_DELAY_MS = 300;
// Four data dirs killed side by side, 50 rounds each: a round mostly waits (child start-up, the kill
// delay), so lanes keep the 200 kills inside the suite's time bound.
const LANES = 4;

type Check = { integrity: string; missing: string[]; orphanCache: number };

function inspect(dataDir: string, acked: string[]): Check {
  // Read-write, as any reopen after a crash: SQLite replays the WAL first.
  const db = new Database(join(dataDir, 'genweave.db'), { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'none';
    const status = db.prepare('SELECT status FROM generations WHERE id = ?').pluck();
    const missing = acked.filter((id) => status.get(id) !== 'completed');
    const completed = new Set(db.prepare("SELECT id FROM generations WHERE status = 'completed'").pluck().all() as string[]);
    const values = db.prepare('SELECT value FROM cache_entries').pluck().all() as string[];
    const orphanCache = values.filter((value) => {
      const id = /"generationId":"([^"]+)"/.exec(value)?.[1];
      return id === undefined || !completed.has(id);
    }).length;
    return { integrity, missing, orphanCache };
  } finally {
    db.close();
  }
}

describe('DUR-2 kill -9 mid-write', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = await bundleChild('./writer-child.ts');
  });

  it(`keeps every acknowledged generation across ${ROUNDS} kills`, { timeout: 240_000 }, async () => {
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(bundle, lane, ROUNDS / LANES)));
    const sum = (pick: (l: Lane) => number): number => lanes.reduce((total, lane) => total + pick(lane), 0);
    figure('DUR-2', {
      kills: ROUNDS,
      survived: sum((l) => l.survived),
      integrity_ok: sum((l) => l.integrityOk),
      acked: sum((l) => l.acked),
      acked_missing: sum((l) => l.final.missing.length),
      orphan_cache: sum((l) => l.orphans),
      non_terminal_after_drain: sum((l) => l.nonTerminal),
      elapsed_ms: Date.now() - started,
    });
    for (const lane of lanes) {
      expect(lane.acked).toBeGreaterThan(0);
      expect(lane.final).toEqual({ integrity: 'ok', missing: [], orphanCache: 0 });
      expect(lane.nonTerminal).toBe(0);
    }
    expect(sum((l) => l.survived)).toBe(ROUNDS);
  });
});

type Lane = { survived: number; integrityOk: number; acked: number; orphans: number; final: Check; nonTerminal: number };

async function runLane(bundle: string, lane: number, rounds: number): Promise<Lane> {
  const dataDir = tempDir(`gw-kill-write-${lane}-`);
  const acked: string[] = [];
  let integrityOk = 0;
  let survived = 0;
  let orphans = 0;
  for (let round = 0; round < rounds; round += 1) {
    const { lines } = await killAfterReady(bundle, [dataDir, `l${lane}r${round}`], MAX_DELAY_MS);
    for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
    const check = inspect(dataDir, acked);
    if (check.integrity === 'ok') integrityOk += 1;
    orphans += check.orphanCache;
    if (check.integrity === 'ok' && check.missing.length === 0 && check.orphanCache === 0) survived += 1;
    else expect.soft(check, `lane ${lane} round ${round}`).toEqual({ integrity: 'ok', missing: [], orphanCache: 0 });
  }
  // The last kill is reopened here: reconciliation runs, then the engine closes cleanly.
  const engine = await openEngine({ dataDir, providers: [{ id: 'local-preview', kind: 'local-preview', defaults: { delayMs: 5 } }] });
  // Queued work left by the kill runs now; once it has drained nothing may stay pending or processing.
  const open = await engine.generations.list({ status: ['pending', 'processing'], limit: 200 });
  await Promise.all(open.items.map((g) => engine.generations.wait(g.id, { timeoutMs: 30_000 })));
  const nonTerminal = (await engine.generations.list({ status: ['pending', 'processing'], limit: 200 })).total;
  await engine.close();
  return { survived, integrityOk, acked: acked.length, orphans, final: inspect(dataDir, acked), nonTerminal };
}
