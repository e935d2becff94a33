import type Database from 'better-sqlite3';
import type { GenerationCache } from '../cache';
import type { ConnectionPool } from '../providers';
import type { MediaStore } from '../storage';
import type { AttemptLog } from './attempt-log';
import type { Budgets } from './budgets';
import type { EventBus } from './event-bus';
import type { GenerationStore } from './generation-store';
import type { ProviderRegistry } from './provider-registry';
import type { GenerationRow } from './generation-row';
import type { Emit } from './generation-store';
import type { QueueStore } from './queue-store';
import type { ClaimedJob } from './claimed-job';
import type { LookupRecords } from './lookup-records';

/** What the engine's parts share. Built once per openEngine; nothing here is global. */
export type EngineContext = {
  db: Database.Database;
  dataDir: string;
  now: () => number;
  newId: () => string;
  store: GenerationStore;
  queue: QueueStore;
  log: AttemptLog;
  /** Group commit of reuse records (lookups rows, generation.reused events). */
  lookups: LookupRecords;
  cache: GenerationCache;
  media: MediaStore;
  providers: ProviderRegistry;
  /** Kept-alive provider connections, ended at close. */
  connections: ConnectionPool;
  budgets: Budgets;
  bus: EventBus;
  /** Asks the scheduler to look at the queue soon (insert, terminal transition, lease release). */
  wake: () => void;
  /** The scheduler's claim inside the caller's write transaction, and the launch after its commit. */
  dispatch: {
    claimWithin(emit: Emit, freeing?: readonly string[], fresh?: ReadonlyMap<string, GenerationRow>): ClaimedJob[];
    launch(claimed: ClaimedJob[]): void;
    /** Runs of this engine in progress. */
    running(): number;
  };
  isClosed: () => boolean;
};
