import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { ProviderConfig } from '../../../core/domain';
import type { ProviderContext, ProviderJob } from '../../../core/providers';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';

// What every provider integration test needs: a job, a context and the leak check of RELIABILITY.md §4.

export function makeJob(overrides: Partial<ProviderJob> = {}): ProviderJob {
  return {
    generationId: 'gen_01JTESTPROVIDERS000000000000',
    operation: 'text_generation',
    prompt: 'The ferryman greets the traveller at dusk.',
    seed: 424242,
    modelParams: {},
    canonicalParams: { duration: {} },
    inputs: [],
    attempt: 1,
    deadlineAt: Date.now() + 30_000,
    ...overrides,
  };
}

export function makeContext(
  config: ProviderConfig,
  options: { secret?: string | null; signal?: AbortSignal; progress?: (value: number) => void } = {},
): ProviderContext {
  return {
    config,
    secret: options.secret ?? null,
    signal: options.signal ?? new AbortController().signal,
    now: () => Date.now(),
    progress: options.progress ?? (() => undefined),
  };
}

export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

/** Sockets on the fake drop to 0 and no timer of ours is left running. */
export async function expectNoLeaks(fake: FakeProvider, timersBefore: number): Promise<void> {
  await vi.waitFor(() => expect(fake.openSockets()).toBe(0));
  await vi.waitFor(() => expect(activeTimers()).toBeLessThanOrEqual(timersBefore));
}

/**
 * A fresh fake for each test of the calling file. The leak check runs before the fake closes, so a socket
 * the adapter left open fails the test. The returned function gives the current test's fake.
 */
export function fakeProviderPerTest(): () => FakeProvider {
  let fake: FakeProvider | undefined;
  let timersBefore = 0;
  beforeEach(async () => {
    timersBefore = activeTimers();
    fake = await startFakeProvider();
  });
  afterEach(async () => {
    const current = fake;
    fake = undefined;
    if (current === undefined) return;
    await expectNoLeaks(current, timersBefore);
    await current.close();
  });
  return () => {
    if (fake === undefined) throw new Error('the fake provider runs only inside a test');
    return fake;
  };
}

/** The rejection of a promise, for asserting on its fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
