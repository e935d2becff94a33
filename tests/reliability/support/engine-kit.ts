// The real engine on a temp data dir and the real fake provider, both closed when the test ends,
// plus the leak check every provider fault ends with (RELIABILITY.md §4).
import { createHook } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished, vi } from 'vitest';
import type { ProviderConfig } from '../../../core/domain';
import { openEngine, type Engine, type EngineEvent, type OpenEngineOptions } from '../../../core/engine';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';

/**
 * A fresh temp dir, removed when the current test ends. Outside a test (beforeAll) the caller removes it
 * with `removeDir`.
 */
export function tempDir(prefix = 'gw-rel-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => removeDir(dir));
  } catch (error) {
    if (!(error instanceof Error)) throw error; // not inside a test: the caller owns the cleanup
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function engineOn(options: Partial<OpenEngineOptions> & { providers?: ProviderConfig[] } = {}): Promise<Engine> {
  const engine = await openEngine({ dataDir: options.dataDir ?? tempDir(), ...options });
  onTestFinished(() => engine.close());
  return engine;
}

export async function fakeProvider(): Promise<FakeProvider> {
  const fake = await startFakeProvider();
  onTestFinished(() => fake.close());
  return fake;
}

export function nodeConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    generationType: 'dialogue',
    purpose: 'adaptive',
    strategy: 'once',
    fallback: { mode: 'placeholder', timeoutMs: 30_000 },
    enabled: true,
    version: 1,
    prompt: { inline: 'The keeper greets {{npcName}} at the lighthouse.', variables: { npcName: 'Mara' } },
    ...overrides,
  };
}

export function request(overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId: 'proj-rel',
    nodeId: 'gen-intro',
    config: nodeConfig(config),
    fromScene: { id: 's-dock' },
    toScene: { id: 's-lighthouse' },
    ...overrides,
  };
}

export function submits(fake: FakeProvider): number {
  return fake.calls().filter((call) => call.kind === 'submit').length;
}

export type TimerTracker = { alive(): string[]; stop(): void };

// Timers of the test runner (vi.waitFor, test timeouts) and of the loopback servers' connection
// bookkeeping are not the code under test; counting them made a process-wide count noisy.
const NOT_UNDER_TEST = /node_modules[\\/](vitest|@vitest)[\\/]|setupConnectionsTracking|tests[\\/]fake-provider[\\/]/;

/**
 * Records every timer created from now on whose creation stack is not the runner's or the fake's, and
 * forgets it when it fires or is cleared: `alive()` is what the code under test left running.
 */
export function trackTimers(): TimerTracker {
  const live = new Map<number, string>();
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout') return;
      const stack = new Error().stack ?? '';
      if (!NOT_UNDER_TEST.test(stack)) live.set(id, stack);
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  return { alive: () => [...live.values()], stop: () => void hook.disable() };
}

/** Fake sockets drop to 0 and every timer made by the code under test since `timers` started has ended. */
export async function expectNoLeaks(fake: FakeProvider, timers: TimerTracker): Promise<void> {
  // Generous bounds: on a loaded 2-core machine a closing socket may take a few event-loop turns.
  await vi.waitFor(() => expect(fake.openSockets()).toBe(0), { timeout: 5000 });
  await vi.waitFor(() => expect(timers.alive()).toEqual([]), { timeout: 5000 });
}

/** Reads the engine's database beside it (WAL readers do not block the writer). */
export function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'genweave.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function nextEvent(engine: Engine, predicate: (event: EngineEvent) => boolean): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const stop = engine.events.subscribe((event) => {
      if (!predicate(event)) return;
      stop();
      resolve(event);
    });
  });
}
