import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { openGenerationCache } from '../cache';
import { parseProviderConfig, type ProviderConfig } from '../domain';
import { adapterFor, createConnectionPool, createEnvSecretStore, type SecretStore } from '../providers';
import { openDatabase, openMediaStore } from '../storage';
import { createTelemetryReader } from '../telemetry';
import { createAttemptLog } from './attempt-log';
import { createBudgets } from './budgets';
import { createGenerationFlow } from './create-generation';
import { createDryRun } from './dry-run';
import { createEngineApi, type Engine } from './engine-api';
import type { EngineContext } from './engine-context';
import { createEventBus } from './event-bus';
import type { GenerationRow } from './generation-row';
import { createGenerationStore } from './generation-store';
import { asGenError } from './internal-error';
import { createJobRunner } from './job-runner';
import { createProviderRegistry, type AdapterLookup } from './provider-registry';
import { createQueueStore } from './queue-store';
import { reconcileAtOpen } from './reconcile';
import { createRetryFlow } from './retry-generation';
import { createLookupRecords } from './lookup-records';
import { createScheduler } from './scheduler';
import { createFinisher } from './terminal-writes';
import { createGenerationIdFactory } from './ulid';

// engine.md §1: open sequence — database and pragmas → migrations → empty media/.tmp → prune
// telemetry → start-up reconciliation → scheduler.

export type OpenEngineOptions = {
  dataDir: string;
  providers?: ProviderConfig[];
  now?: () => number;
  /** The host's secret store (providers.md §6); default: environment variables and session keys. */
  secretStore?: SecretStore;
  /** Adapter per kind; default: the built-in adapters (tests may substitute one). */
  adapters?: AdapterLookup;
};

const OptionsSchema = z.object({ dataDir: z.string().min(1) });
const HOURLY_MS = 3_600_000;

export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const dataDir = OptionsSchema.parse({ dataDir: options.dataDir }).dataDir;
  const now = options.now ?? Date.now;
  const providersList = options.providers?.map((config) => parseProviderConfig(config));
  const opened = openDatabase(dataDir, now);
  const { db } = opened;
  let closed = false;
  try {
    const media = openMediaStore(dataDir);
    const bus = createEventBus();
    const providers = createProviderRegistry({
      dataDir,
      providers: providersList,
      adapters: options.adapters ?? adapterFor,
      secrets: options.secretStore ?? createEnvSecretStore(process.env),
    });
    const cache = openGenerationCache(db, now);
    const telemetry = createTelemetryReader(db, now, () => providers.ids(), (p, n) => cache.liveEntries(p, n));
    telemetry.prune();
    let wake = (): void => undefined;
    // Bound to the scheduler once it exists; nothing claims before scheduler.start().
    const dispatch: EngineContext['dispatch'] = { claimWithin: () => [], launch: () => undefined, running: () => 0 };
    const store = createGenerationStore(db, now, bus);
    const ctx: EngineContext = {
      db,
      dataDir,
      now,
      newId: createGenerationIdFactory(now),
      store,
      lookups: createLookupRecords(store),
      queue: createQueueStore(db, `engine-${process.pid}-${randomUUID()}`),
      log: createAttemptLog(db),
      cache,
      media,
      providers,
      connections: createConnectionPool(),
      budgets: createBudgets(db),
      bus,
      wake: () => wake(),
      dispatch,
      isClosed: () => closed,
    };
    const settling = new Set<string>();
    const settledListeners = new Set<(id: string, ended?: GenerationRow) => void>();
    const finisher = createFinisher(ctx, {
      begin: (id) => settling.add(id),
      settle(id, ended) {
        settling.delete(id);
        for (const listener of [...settledListeners]) listener(id, ended);
      },
    });
    const runner = createJobRunner(ctx, finisher);
    const scheduler = createScheduler(ctx, runner);
    wake = scheduler.wake;
    dispatch.claimWithin = scheduler.claimWithin;
    dispatch.launch = scheduler.launch;
    dispatch.running = scheduler.activeCount;
    const flow = createGenerationFlow(ctx);
    const notices = [...opened.notices, ...reconcileAtOpen(ctx, finisher)];
    scheduler.start();
    const maintenance = setInterval(() => {
      try {
        cache.sweep();
        telemetry.prune();
      } catch (error) {
        console.error('genweave: hourly maintenance failed', error);
      }
    }, HOURLY_MS);
    maintenance.unref();

    return createEngineApi({
      ctx,
      flow,
      retry: createRetryFlow(ctx, flow),
      validate: createDryRun(ctx, flow),
      runner,
      finisher,
      telemetry,
      notices,
      settlement: { isSettling: (id) => settling.has(id), listeners: settledListeners },
      async close() {
        if (closed) return;
        closed = true;
        scheduler.stop();
        clearInterval(maintenance);
        // Running exchanges get 5 s to finish, then are aborted (engine.md §1).
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([scheduler.idle(), new Promise<void>((resolve) => (grace = setTimeout(resolve, 5000)))]);
        clearTimeout(grace);
        runner.abortAll();
        await scheduler.idle();
        ctx.connections.destroy();
        ctx.queue.releaseAllMine();
        ctx.lookups.flush();
        bus.clear();
        db.close();
      },
    });
  } catch (error) {
    closed = true;
    db.close();
    throw asGenError(error, 'open the engine');
  }
}
