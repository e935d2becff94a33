import type { CreateGenerationRequest, GenerationStrategy, ProviderConfig } from '../../core/domain';
import type { Engine, OpenEngineOptions } from '../../core/engine';
import type { FakeProvider } from '../../tests/fake-provider';
import { SkipRow } from './row-types';

// The real parts every engine row uses: `openEngine`, the loopback fake provider and requests the engine
// accepts. They are imported lazily so that a part still being written turns its rows into SKIP with the
// reason, never into a fake figure.

export type EngineDeps = { openEngine: (options: OpenEngineOptions) => Promise<Engine> };
export type FakeDeps = {
  startFakeProvider: (options?: { port?: number }) => Promise<FakeProvider>;
  fakeOpenAiConfig: (url: string, overrides?: Partial<ProviderConfig>) => ProviderConfig;
};

function reasonOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message.split('\n')[0]! : String(thrown);
}

export async function loadEngine(): Promise<EngineDeps> {
  try {
    const mod = await import('../../core/engine');
    if (typeof mod.openEngine !== 'function') throw new Error('core/engine exports no openEngine');
    return { openEngine: mod.openEngine };
  } catch (thrown) {
    throw new SkipRow(`engine not ready (${reasonOf(thrown)})`);
  }
}

export async function loadFakeProvider(): Promise<FakeDeps> {
  try {
    const mod = await import('../../tests/fake-provider');
    return { startFakeProvider: mod.startFakeProvider, fakeOpenAiConfig: mod.fakeOpenAiConfig };
  } catch (thrown) {
    throw new SkipRow(`fake provider not ready (${reasonOf(thrown)})`);
  }
}

/** Opening an engine is the engine's own smoke test: a failure here is a SKIP naming the cause. */
export async function openEngineOrSkip(deps: EngineDeps, options: OpenEngineOptions): Promise<Engine> {
  try {
    return await deps.openEngine(options);
  } catch (thrown) {
    throw new SkipRow(`openEngine failed (${reasonOf(thrown)})`);
  }
}

/** local-preview without its 300 ms show-progress delay: the cheapest real provider. */
export const INSTANT_PREVIEW: ProviderConfig = { id: 'local-preview', kind: 'local-preview', defaults: { delayMs: 0 } };

export const BENCH_PROJECT = 'bench-project';

/**
 * A dialogue node (text_generation, one HTTP exchange on openai-compatible) whose inline prompt takes
 * `{{n}}`: a different `n` gives a different prompt and hash but the same cache key, so `once` requests
 * with fresh `n` are strategy (cache) hits after the first completes, never dedup hits.
 */
export function dialogueRequest(options: {
  providerId: string;
  strategy: GenerationStrategy;
  n: number | string;
  nodeId?: string;
}): CreateGenerationRequest {
  return {
    projectId: BENCH_PROJECT,
    nodeId: options.nodeId ?? 'gen-bench',
    worldId: 'world-bench',
    config: {
      generationType: 'dialogue',
      purpose: 'adaptive',
      strategy: options.strategy,
      enabled: true,
      version: 1,
      provider: options.providerId,
      style: { pacing: 'medium', transitionType: 'gradual', moodFrom: 'calm', moodTo: 'tense' },
      duration: {},
      constraints: { requiredElements: ['lantern'], avoidElements: ['gore'] },
      // The node's own `n` satisfies the validator (V51); the request's `n` overrides it (generation.md §11 step 3).
      prompt: { inline: 'The harbor keeper answers the traveller, line {{n}}: keep it short and warm.', variables: { n: 0 } },
      fallback: { mode: 'placeholder', timeoutMs: 30000 },
    },
    fromScene: { id: 's-harbor', mood: 'calm', summary: 'The quay at dusk.', location: 'harbor' },
    toScene: { id: 's-storm', mood: 'tense', summary: 'The storm breaks.', location: 'harbor' },
    variables: { n: options.n },
  } as CreateGenerationRequest;
}

/** Creates and waits for a terminal status; throws when it did not complete, so a broken engine is an ERROR. */
export async function createAndComplete(engine: Engine, request: CreateGenerationRequest): Promise<string> {
  const { generation } = await engine.generations.create(request);
  const done = await engine.generations.wait(generation.id);
  if (done.status !== 'completed') {
    throw new Error(`generation ${done.id} ended ${done.status} (${done.errorCode ?? 'no error'}: ${done.errorMessage ?? ''})`);
  }
  return done.id;
}

export type { Engine, FakeProvider };

export type FakeEngine = { engine: Engine; fake: FakeProvider; providerId: string; close(): Promise<void> };

/**
 * An engine whose one network provider is the loopback fake (openai-compatible: one POST per generation).
 * `concurrency` is raised from the kind's default of 1 so that in-flight work is limited by the engine's
 * own cap of 8 running jobs (engine.md §3), as for a user who configured a local server for parallel use.
 */
export async function openFakeEngine(dataDir: string, concurrency = 16): Promise<FakeEngine> {
  const deps = await loadEngine();
  const fakes = await loadFakeProvider();
  const fake = await fakes.startFakeProvider();
  const config = fakes.fakeOpenAiConfig(fake.url, { concurrency });
  let engine: Engine;
  try {
    engine = await openEngineOrSkip(deps, { dataDir, providers: [INSTANT_PREVIEW, config] });
  } catch (thrown) {
    await fake.close();
    throw thrown;
  }
  return {
    engine,
    fake,
    providerId: config.id,
    async close() {
      await engine.close();
      await fake.close();
    },
  };
}

/** The body the engine's openai-compatible adapter sends (providers.md §8.2), for the raw-fetch floors. */
export function chatBody(n: number | string): string {
  return JSON.stringify({
    model: 'fake-model',
    messages: [
      { role: 'system', content: 'You write content for an interactive story. Reply with the requested text only.' },
      { role: 'user', content: `The harbor keeper answers the traveller, line ${n}: keep it short and warm.` },
    ],
    stream: false,
    seed: 12345,
  });
}

/** One raw round trip to the fake, reading the whole JSON reply as the engine must. */
export async function rawChat(url: string, n: number | string): Promise<string> {
  const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(n) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`fake answered ${res.status}`);
  JSON.parse(text);
  return text;
}
