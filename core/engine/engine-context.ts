import type Database from 'better-sqlite3';
import type { GenerationCache } from '../cache';
import type { MediaStore } from '../storage';
import type { AttemptLog } from './attempt-log';
import type { Budgets } from './budgets';
import type { EventBus } from './event-bus';
import type { GenerationStore } from './generation-store';
import type { ProviderRegistry } from './provider-registry';
import type { QueueStore } from './queue-store';

/** What the engine's parts share. Built once per openEngine; nothing here is global. */
export type EngineContext = {
  db: Database.Database;
  dataDir: string;
  now: () => number;
  newId: () => string;
  store: GenerationStore;
  queue: QueueStore;
  log: AttemptLog;
  cache: GenerationCache;
  media: MediaStore;
  providers: ProviderRegistry;
  budgets: Budgets;
  bus: EventBus;
  /** Asks the scheduler to look at the queue soon (insert, terminal transition, lease release). */
  wake: () => void;
  isClosed: () => boolean;
};
