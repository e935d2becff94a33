import type Database from 'better-sqlite3';
import { prepareNumbered } from '../storage';

// engine.md §3: the queue is the database, shared by every process on the data dir. Leases are
// conditional updates, so two processes can never both hold one job or one flight key.

export const LEASE_MS = 30_000;
export const LEASE_RENEW_MS = 10_000;

export type JobRow = {
  generationId: string;
  providerId: string;
  priority: number;
  createdAt: number;
  notBefore: number;
  attempt: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
};

export type QueueStore = ReturnType<typeof createQueueStore>;

export function createQueueStore(db: Database.Database, owner: string) {
  const insertJob = db.prepare<[string, string, number, number, number]>(
    'INSERT INTO jobs (generationId, providerId, priority, createdAt, notBefore) VALUES (?, ?, ?, ?, ?)',
  );
  const selectJob = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE generationId = ?');
  // Providers at their limit are left out in SQL, so a long backlog of one busy provider never hides the
  // claimable jobs of another, and the query reads no more rows than the scheduler can start.
  const candidates = prepareNumbered<[number, number, string], JobRow>(db, `SELECT * FROM jobs WHERE notBefore <= ?1 AND coalesce(leaseExpiresAt, 0) <= ?1
       AND providerId NOT IN (SELECT value FROM json_each(?3))
     ORDER BY priority, createdAt, generationId LIMIT ?2`,
  );
  // The scheduler's cheap look before it opens a write transaction: no ORDER BY, so no temporary sort.
  const anyCandidate = db.prepare<[number, number], { one: number }>(
    'SELECT 1 AS one FROM jobs WHERE notBefore <= ? AND coalesce(leaseExpiresAt, 0) <= ? LIMIT 1',
  );
  const liveLeases = db.prepare<[number], { providerId: string; n: number }>(
    'SELECT providerId, count(*) AS n FROM jobs WHERE leaseExpiresAt > ? GROUP BY providerId',
  );
  const claim = db.prepare<[string, number, string, number]>(
    'UPDATE jobs SET leaseOwner = ?, leaseExpiresAt = ? WHERE generationId = ? AND (leaseExpiresAt IS NULL OR leaseExpiresAt <= ?)',
  );
  const renew = db.prepare<[number, string, string]>(
    'UPDATE jobs SET leaseExpiresAt = ? WHERE generationId = ? AND leaseOwner = ?',
  );
  const release = db.prepare<[number, number, string, string]>(
    'UPDATE jobs SET leaseOwner = NULL, leaseExpiresAt = NULL, notBefore = ?, attempt = ? WHERE generationId = ? AND leaseOwner = ?',
  );
  const setAttempt = db.prepare<[number, string]>('UPDATE jobs SET attempt = ? WHERE generationId = ?');
  const releaseMine = db.prepare<[string]>('UPDATE jobs SET leaseOwner = NULL, leaseExpiresAt = NULL WHERE leaseOwner = ?');
  const releaseExpired = db.prepare<[number]>(
    'UPDATE jobs SET leaseOwner = NULL, leaseExpiresAt = NULL WHERE leaseExpiresAt IS NOT NULL AND leaseExpiresAt <= ?',
  );
  const nextWake = prepareNumbered<[number], { at: number | null }>(db, `SELECT min(t) AS at FROM (SELECT min(notBefore) AS t FROM jobs WHERE notBefore > ?1 AND leaseExpiresAt IS NULL
       UNION ALL SELECT min(leaseExpiresAt) FROM jobs WHERE leaseExpiresAt > ?1)`,
  );
  const takeFlight = prepareNumbered<[string, string, number, number]>(db, `INSERT INTO flights (flightKey, owner, expiresAt) VALUES (?1, ?2, ?3)
     ON CONFLICT (flightKey) DO UPDATE SET owner = excluded.owner, expiresAt = excluded.expiresAt WHERE flights.expiresAt <= ?4`,
  );
  const dropFlight = db.prepare<[string, string]>('DELETE FROM flights WHERE flightKey = ? AND owner = ?');
  const flightHeld = db.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM flights WHERE flightKey = ? AND expiresAt > ?');
  const dropExpiredFlights = db.prepare<[number]>('DELETE FROM flights WHERE expiresAt <= ?');
  const liveOwners = db.prepare<[number, number], { owner: string }>(
    'SELECT leaseOwner AS owner FROM jobs WHERE leaseExpiresAt > ? AND leaseOwner IS NOT NULL UNION SELECT owner FROM flights WHERE expiresAt > ?',
  );
  const releaseOwner = db.prepare<[string]>('UPDATE jobs SET leaseOwner = NULL, leaseExpiresAt = NULL WHERE leaseOwner = ?');
  const dropOwnerFlights = db.prepare<[string]>('DELETE FROM flights WHERE owner = ?');

  return {
    owner,
    insertJob: (generationId: string, providerId: string, priority: number, createdAt: number) =>
      insertJob.run(generationId, providerId, priority, createdAt, createdAt),
    job: (generationId: string) => selectJob.get(generationId),
    candidates: (now: number, limit: number, saturatedProviders: readonly string[] = []) =>
      candidates.all(now, limit, JSON.stringify(saturatedProviders)),
    hasCandidate: (now: number) => anyCandidate.get(now, now) !== undefined,
    liveLeasesByProvider(now: number): Map<string, number> {
      return new Map(liveLeases.all(now).map((r) => [r.providerId, r.n]));
    },
    claim: (generationId: string, now: number) => claim.run(owner, now + LEASE_MS, generationId, now).changes === 1,
    renew: (generationId: string, now: number) => renew.run(now + LEASE_MS, generationId, owner).changes === 1,
    /** Frees the slot while the job waits for its next attempt (generation.md §13.1). */
    release: (generationId: string, notBefore: number, attempt: number) =>
      release.run(notBefore, attempt, generationId, owner).changes === 1,
    setAttempt: (generationId: string, attempt: number) => setAttempt.run(attempt, generationId),
    releaseAllMine: () => releaseMine.run(owner).changes,
    releaseExpired: (now: number) => releaseExpired.run(now).changes + dropExpiredFlights.run(now).changes,
    /** Lease owners named `engine-<pid>-…` whose process is gone on this machine hold nothing (§16). */
    releaseDeadOwners(now: number, isAlive: (pid: number) => boolean): number {
      let released = 0;
      for (const { owner: holder } of liveOwners.all(now, now)) {
        const pid = /^engine-(\d+)-/.exec(holder)?.[1];
        if (pid === undefined || isAlive(Number(pid))) continue;
        released += releaseOwner.run(holder).changes + dropOwnerFlights.run(holder).changes;
      }
      return released;
    },
    nextWakeAt: (now: number) => nextWake.get(now)?.at ?? null,
    takeFlight: (flightKey: string, now: number) => takeFlight.run(flightKey, owner, now + LEASE_MS, now).changes === 1,
    /** Whether a live lease on the flight key is held (by anyone): for a caller inside a write transaction. */
    flightHeld: (flightKey: string, now: number) => flightHeld.get(flightKey, now) !== undefined,
    dropFlight: (flightKey: string) => dropFlight.run(flightKey, owner),
  };
}
