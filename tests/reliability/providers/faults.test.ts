import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProviderConfig } from '../../../core/domain';
import type { Generation } from '../../../core/domain/generation';
import { FAKE_COMFY_WORKFLOWS, fakeComfyConfig, fakeHttpJobConfig, fakeOpenAiConfig, type FakeProvider, type FakeStep } from '../../fake-provider';
import { figure } from '../support/figure';
import {
  engineOn,
  expectNoLeaks,
  fakeProvider,
  readDb,
  request,
  submits,
  tempDir,
  trackTimers,
  type TimerTracker,
} from '../support/engine-kit';

// RELIABILITY.md §4: one FAULTS table run through the real engine, its HTTP client and retry policy,
// against the fake provider. Waiting is real but short: the attempt deadline is 1 s and the backoff of
// generation.md §13.1 starts at 500 ms. Every row ends with the leak check.

type Outcome = { done: Generation; fake: FakeProvider; dataDir: string; engineClosed: Promise<void> };
type Options = { steps: FakeStep[]; fallback?: Record<string, unknown>; config?: (url: string) => ProviderConfig; generationType?: string };

const RETRY_3 = { mode: 'retry', maxRetries: 3, timeoutMs: 1000 };
const PLACEHOLDER = { mode: 'placeholder', timeoutMs: 1000 };

function jobConfig(url: string): ProviderConfig {
  return fakeHttpJobConfig(url, { timeoutMs: 1000, requestTimeoutMs: 1000 });
}

async function run(options: Options): Promise<Outcome> {
  const fake = await fakeProvider();
  fake.setScript(options.steps);
  const dataDir = tempDir('gw-faults-');
  const config = (options.config ?? jobConfig)(fake.url);
  const engine = await engineOn({ dataDir, providers: [config] });
  const generationType = options.generationType ?? 'dialogue';
  const { generation } = await engine.generations.create(
    request({}, { provider: config.id, generationType, fallback: options.fallback ?? PLACEHOLDER }),
  );
  const done = await engine.generations.wait(generation.id);
  return { done, fake, dataDir, engineClosed: engine.close() };
}

function rowsOf(dataDir: string, table: 'attempts' | 'provider_errors' | 'cache_entries'): Array<Record<string, unknown>> {
  return readDb(dataDir, (db) => db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>);
}

function mediaFiles(dataDir: string): number {
  const media = join(dataDir, 'media');
  if (!existsSync(media)) return 0;
  return readdirSync(media, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).length;
}

function submitTimes(fake: FakeProvider): number[] {
  return fake.calls().filter((c) => c.kind === 'submit').map((c) => c.time);
}

/** A loopback server answering every request with one fixed reply, for bodies the fake has no mode for. */
async function fixedServer(status: number, contentType: string, body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('ends every fault in the right terminal state', () => {
  let tableTimers: TimerTracker;
  const trackers: TimerTracker[] = [];
  const rowTimers = (): TimerTracker => {
    const tracker = trackTimers();
    trackers.push(tracker);
    return tracker;
  };
  let unhandled = 0;
  const onUnhandled = (): void => {
    unhandled += 1;
  };
  beforeAll(() => {
    tableTimers = trackTimers();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    for (const tracker of [...trackers, tableTimers]) tracker.stop();
  });

  it('PROV-1 500, 500, 200 completes on the 3rd attempt with waits inside the policy', async () => {
    const timers = rowTimers();
    const out = await run({ steps: [{ mode: 'error500', match: 'submit' }, { mode: 'error500', match: 'submit' }], fallback: RETRY_3 });
    expect(out.done).toMatchObject({ status: 'completed', attemptCount: 3 });
    const [t1, t2, t3] = submitTimes(out.fake) as [number, number, number];
    // min(8000, 500 × 2^(n−1)) less up to 25 % jitter: 375..500 then 750..1000 ms before the next submit.
    expect(t2 - t1).toBeGreaterThanOrEqual(375);
    expect(t3 - t2).toBeGreaterThanOrEqual(750);
    const attempts = rowsOf(out.dataDir, 'attempts');
    const errors = rowsOf(out.dataDir, 'provider_errors');
    expect(attempts).toHaveLength(3);
    expect(errors).toHaveLength(2);
    await out.engineClosed;
    await expectNoLeaks(out.fake, timers);
    figure('PROV-1', { attempts: attempts.length, provider_errors: errors.length, wait1_ms: t2 - t1, wait2_ms: t3 - t2 });
  });

  it('PROV-2 500 forever fails after exactly the configured attempts and runs each fallback', async () => {
    const timers = rowTimers();
    const forever: FakeStep[] = Array.from({ length: 12 }, () => ({ mode: 'error500', match: 'submit' }));
    const retry = await run({ steps: forever, fallback: { mode: 'retry', maxRetries: 2, timeoutMs: 1000 } });
    expect(retry.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', attemptCount: 2 });
    expect(submits(retry.fake)).toBe(2);
    const fallbacks = await Promise.all([
      run({ steps: forever, fallback: { mode: 'default_content', defaultContentId: 'asset-storm', timeoutMs: 1000 } }),
      run({ steps: forever, fallback: PLACEHOLDER }),
      run({ steps: forever, fallback: { mode: 'skip', timeoutMs: 1000 } }),
    ]);
    const kinds = fallbacks.map((f) => f.done.result?.origin === 'fallback' && f.done.status === 'failed' ? f.done.result.kind : null);
    expect(kinds).toEqual(['asset', 'placeholder', 'skip']);
    for (const out of [retry, ...fallbacks]) {
      await out.engineClosed;
      await expectNoLeaks(out.fake, timers);
    }
    figure('PROV-2', { attempts: retry.done.attemptCount, fallbacks_run: kinds.filter(Boolean).length });
  });

  it('PROV-3 429 waits for the server time and gives up past the 60 s cap', async () => {
    const timers = rowTimers();
    const cases: Array<{ name: string; step: FakeStep; waitMs: number }> = [
      { name: 'retry_after_2', step: { mode: 'rateLimit429', match: 'submit', retryAfterSeconds: 2 }, waitMs: 2000 },
      { name: 'retry_after_ms', step: { mode: 'rateLimit429', match: 'submit', retryAfterSeconds: 9, retryAfterMs: 1500 }, waitMs: 1500 },
      {
        name: 'http_date',
        // An HTTP date has whole seconds: 3 s ahead is at least 2 s after the request.
        step: { mode: 'rateLimit429', match: 'submit', retryAfterDate: new Date(Date.now() + 3000).toUTCString() },
        waitMs: 1000,
      },
    ];
    const outs = await Promise.all(cases.map((c) => run({ steps: [c.step], fallback: RETRY_3 })));
    const waits: Record<string, number> = {};
    outs.forEach((out, index) => {
      const [first, second] = submitTimes(out.fake) as [number, number];
      expect(out.done).toMatchObject({ status: 'completed', attemptCount: 2 });
      expect(second - first).toBeGreaterThanOrEqual(cases[index]!.waitMs);
      waits[`${cases[index]!.name}_ms`] = second - first;
    });
    const capped = await run({ steps: [{ mode: 'rateLimit429', match: 'submit', retryAfterSeconds: 3600 }], fallback: RETRY_3 });
    expect(capped.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_RATE_LIMITED', attemptCount: 1 });
    expect(capped.done.errorMessage).toBe("Provider 'fake-job' is rate limiting requests. Try again in 3600 s.");
    for (const out of [...outs, capped]) {
      await out.engineClosed;
      await expectNoLeaks(out.fake, timers);
    }
    figure('PROV-3', { ...waits, capped_attempts: capped.done.attemptCount });
  });

  it('PROV-4 400, 401, 403, 404, 422 end after 1 attempt without quoting the body', async () => {
    const timers = rowTimers();
    const cases: Array<[FakeStep, string]> = [
      [{ mode: 'error400', match: 'submit' }, 'GEN_PROVIDER_REJECTED'],
      [{ mode: 'error401', match: 'submit', echoAuthorization: true }, 'GEN_PROVIDER_AUTH'],
      [{ mode: 'error401', match: 'submit', status: 403 }, 'GEN_PROVIDER_AUTH'],
      [{ mode: 'error400', match: 'submit', status: 404 }, 'GEN_PROVIDER_REJECTED'],
      [{ mode: 'error400', match: 'submit', status: 422 }, 'GEN_PROVIDER_REJECTED'],
    ];
    const outs = await Promise.all(cases.map(([step]) => run({ steps: [step, step, step], fallback: RETRY_3 })));
    outs.forEach((out, index) => {
      expect(out.done).toMatchObject({ status: 'failed', errorCode: cases[index]![1], attemptCount: 1 });
      expect(submits(out.fake)).toBe(1);
      // The fake's error bodies say "fake"; the message is the errors.md template only.
      expect(out.done.errorMessage).toMatch(/^Provider 'fake-job' (rejected the credentials\. Check its API key under Providers\.|rejected the request \(HTTP \d{3}\)\.)$/);
    });
    for (const out of outs) {
      await out.engineClosed;
      await expectNoLeaks(out.fake, timers);
    }
    figure('PROV-4', { statuses: cases.length, attempts_each: 1 });
  });

  it('PROV-5 a silent connection times out at the deadline, is retried and its socket destroyed', async () => {
    const timers = rowTimers();
    const out = await run({
      steps: [{ mode: 'timeout', match: 'submit' }, { mode: 'timeout', match: 'submit' }],
      fallback: { mode: 'retry', maxRetries: 2, timeoutMs: 1000 },
    });
    expect(out.done).toMatchObject({ status: 'failed', errorCode: 'GEN_TIMEOUT', errorClass: 'timeout', attemptCount: 2 });
    const attempts = rowsOf(out.dataDir, 'attempts');
    const elapsed = attempts.map((a) => Number(a.endedAt) - Number(a.startedAt));
    for (const ms of elapsed) expect(ms).toBeGreaterThanOrEqual(1000);
    await out.engineClosed;
    await expectNoLeaks(out.fake, timers);
    figure('PROV-5', { attempts: attempts.length, deadline_ms: 1000, elapsed_ms: Math.max(...elapsed), open_sockets: out.fake.openSockets() });
  });

  it('PROV-6 a slow drip ends at the overall deadline although bytes keep arriving', async () => {
    const timers = rowTimers();
    const out = await run({ steps: [{ mode: 'slowDrip', match: 'submit', intervalMs: 200 }] });
    expect(out.done).toMatchObject({ status: 'failed', errorCode: 'GEN_TIMEOUT', attemptCount: 1 });
    const [attempt] = rowsOf(out.dataDir, 'attempts');
    const elapsed = Number(attempt!.endedAt) - Number(attempt!.startedAt);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThanOrEqual(2000);
    await out.engineClosed;
    await expectNoLeaks(out.fake, timers);
    figure('PROV-6', { deadline_ms: 1000, elapsed_ms: elapsed, interval_ms: 200 });
  });

  it('PROV-7 unreadable replies end GEN_PROVIDER_BAD_RESPONSE with no cache or media write', async () => {
    const timers = rowTimers();
    const fromFake = await Promise.all(
      (['malformedJson', 'lyingLength', 'hugeBody'] as const).map((mode) => run({ steps: [{ mode, match: 'submit' }], fallback: RETRY_3 })),
    );
    const servers = await Promise.all([
      fixedServer(200, 'application/json', '{"id":'), // truncated JSON
      fixedServer(200, 'application/json', '{"job":{"name":"no id here"}}'), // schema-invalid: no /id
      fixedServer(200, 'text/html', '<!doctype html><title>Login</title>'), // HTML with 200
    ]);
    const fromServers = await Promise.all(
      servers.map((server) => runAgainst(server.url)),
    );
    await Promise.all(servers.map((s) => s.close()));
    const all = [...fromFake, ...fromServers];
    let bad = 0;
    for (const out of all) {
      expect(out.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_BAD_RESPONSE', attemptCount: 1 });
      bad += out.done.errorCode === 'GEN_PROVIDER_BAD_RESPONSE' ? 1 : 0;
      expect(rowsOf(out.dataDir, 'cache_entries')).toHaveLength(0);
      expect(mediaFiles(out.dataDir)).toBe(0);
      await out.engineClosed;
    }
    const huge = fromFake[2]!.fake.calls().find((c) => c.mode === 'hugeBody');
    const capPlus = 64 * 1024 * 1024 + 64 * 1024; // the default maxResultBytes (64 MiB) plus 64 KiB
    expect(huge?.bytesSent ?? 0).toBeLessThanOrEqual(capPlus + 1024 * 1024); // socket buffers add at most ~1 MiB
    for (const out of fromFake) await expectNoLeaks(out.fake, timers);
    figure('PROV-7', { bad_response: `${bad}/${all.length}`, cache_writes: 0, media_writes: 0, huge_bytes_sent: huge?.bytesSent ?? 0 });
  });

  it('PROV-8 a reset mid-body and a refused connection retry, then fail GEN_PROVIDER_UNAVAILABLE', async () => {
    const timers = rowTimers();
    const reset = await run({
      steps: [{ mode: 'connectionReset', match: 'submit', afterBytes: 10 }, { mode: 'connectionReset', match: 'submit', afterBytes: 10 }],
      fallback: { mode: 'retry', maxRetries: 2, timeoutMs: 1000 },
    });
    expect(reset.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', errorClass: 'connection', attemptCount: 2 });
    const closedPort = await freePort();
    const refused = await runAgainst(`http://127.0.0.1:${closedPort}`, { mode: 'retry', maxRetries: 2, timeoutMs: 1000 });
    expect(refused.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE', errorClass: 'connection', attemptCount: 2 });
    await Promise.all([reset.engineClosed, refused.engineClosed]);
    await expectNoLeaks(reset.fake, timers);
    figure('PROV-8', { reset_attempts: reset.done.attemptCount, refused_attempts: refused.done.attemptCount, max_attempts: 2 });
  });

  it('PROV-9 a content filter fails GEN_FILTERED, is not retried, not cached, and falls back', async () => {
    const timers = rowTimers();
    const job = await run({ steps: [{ mode: 'filtered' }], fallback: RETRY_3 });
    const chat = await run({ steps: [{ mode: 'filtered' }], fallback: RETRY_3, config: (url) => fakeOpenAiConfig(url, { timeoutMs: 1000 }) });
    for (const out of [job, chat]) {
      expect(out.done).toMatchObject({ status: 'failed', errorCode: 'GEN_FILTERED', attemptCount: 1 });
      expect(submits(out.fake)).toBe(1);
      expect(rowsOf(out.dataDir, 'cache_entries')).toHaveLength(0);
      await out.engineClosed;
      await expectNoLeaks(out.fake, timers);
    }
    // In retry mode the fallback after the last attempt is the placeholder (generation.md §13.3).
    const placeholder = await run({ steps: [{ mode: 'filtered' }], fallback: PLACEHOLDER });
    expect(placeholder.done.result).toMatchObject({ origin: 'fallback', kind: 'placeholder' });
    await placeholder.engineClosed;
    figure('PROV-9', { filtered: 2, retried: 0, cached: 0, fallback: placeholder.done.result?.origin ?? 'none' });
  });

  it('PROV-10 a job that never ends is cancelled once at the deadline, and nothing polls after the end', async () => {
    const timers = rowTimers();
    const forever = await run({ steps: [{ mode: 'pending', times: 100_000 }] });
    expect(forever.done).toMatchObject({ status: 'failed', errorCode: 'GEN_TIMEOUT' });
    const cancels = forever.fake.calls().filter((c) => c.method === 'POST' && /\/cancel$/.test(c.path));
    expect(cancels).toHaveLength(1);
    const vanished = await run({ steps: [{ mode: 'error400', match: 'poll', status: 404 }] });
    expect(vanished.done).toMatchObject({ status: 'failed', attemptCount: 1 });
    const view500 = await run({
      steps: [{ mode: 'error500', match: 'fetch' }],
      generationType: 'variation',
      // ComfyUI's /view: the text_to_image workflow of the fake, run for the node's text_to_video operation.
      config: (url) => fakeComfyConfig(url, { timeoutMs: 1000, comfyui: { workflows: { text_to_video: FAKE_COMFY_WORKFLOWS.text_to_image } } }),
    });
    expect(view500.done).toMatchObject({ status: 'failed', errorCode: 'GEN_PROVIDER_UNAVAILABLE' });
    let pollsAfter = 0;
    for (const out of [forever, vanished, view500]) {
      await out.engineClosed;
      const end = Date.parse(out.done.completedAt ?? out.done.updatedAt);
      pollsAfter += out.fake.calls().filter((c) => c.kind === 'poll' && c.time > end).length;
      await expectNoLeaks(out.fake, timers);
    }
    expect(pollsAfter).toBe(0);
    figure('PROV-10', { cancel_calls: cancels.length, polls_after_terminal: pollsAfter });
  });

  it('ends the table with no timer left and no unhandled rejection', async () => {
    await vi.waitFor(() => expect(tableTimers.alive()).toEqual([]), { timeout: 5000 });
    expect(unhandled).toBe(0);
    figure('PROV-leaks', { unhandled_rejections: unhandled, timers_left: tableTimers.alive().length });
  });
});

async function runAgainst(url: string, fallback: Record<string, unknown> = RETRY_3): Promise<Outcome> {
  const fake = await fakeProvider(); // unused by these rows: present so the leak check has the same shape
  const dataDir = tempDir('gw-faults-');
  const engine = await engineOn({ dataDir, providers: [jobConfig(url)] });
  const { generation } = await engine.generations.create(request({}, { provider: 'fake-job', fallback }));
  const done = await engine.generations.wait(generation.id);
  return { done, fake, dataDir, engineClosed: engine.close() };
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
