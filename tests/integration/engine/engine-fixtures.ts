import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { ProviderConfig } from '../../../core/domain/provider-config';
import { openEngine, type Engine, type EngineEvent, type OpenEngineOptions } from '../../../core/engine';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';

export function makeTempDir(prefix = 'gw-engine-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Opens an engine on a fresh data dir and closes it when the test ends. */
export async function openTestEngine(options: Partial<OpenEngineOptions> & { providers?: ProviderConfig[] } = {}): Promise<Engine> {
  const engine = await openEngine({ dataDir: options.dataDir ?? makeTempDir(), ...options });
  onTestFinished(() => engine.close());
  return engine;
}

export function nodeConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    generationType: 'dialogue',
    purpose: 'adaptive',
    strategy: 'once',
    fallback: { mode: 'placeholder', timeoutMs: 30000 },
    enabled: true,
    version: 1,
    prompt: { inline: 'The keeper greets {{npcName}} at the lighthouse.', variables: { npcName: 'Mara' } },
    ...overrides,
  };
}

export function createRequest(overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId: 'proj-1',
    nodeId: 'gen-intro',
    config: nodeConfig(config),
    fromScene: { id: 's-dock' },
    toScene: { id: 's-lighthouse' },
    ...overrides,
  };
}

/** A clock the test moves by hand; the engine reads no other. */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

/** The fake provider of providers.md §9, closed when the test ends. */
export async function startTestFakeProvider(): Promise<FakeProvider> {
  const fake = await startFakeProvider();
  onTestFinished(() => fake.close());
  return fake;
}

/** Resolves with the first event matching `predicate`, so tests wait on the engine, never on time. */
export function nextEvent(engine: Engine, predicate: (event: EngineEvent) => boolean): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const stop = engine.events.subscribe((event) => {
      if (!predicate(event)) return;
      stop();
      resolve(event);
    });
  });
}

/** Options for vi.waitFor: generous, because the machine is shared; the wait ends as soon as it holds. */
export const WAIT = { timeout: 15_000, interval: 20 };
