import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedactor, exchange, httpJobAdapter, JSON_BODY_MAX_BYTES } from '../../../core/providers';
import { fakeHttpJobConfig, startFakeProvider } from '../../fake-provider';
import type { FakeProvider } from '../../fake-provider';
import { activeTimers, expectNoLeaks, makeContext, makeJob, rejectionOf } from './provider-harness';

let fake: FakeProvider;
let timersBefore: number;

beforeEach(async () => {
  timersBefore = activeTimers();
  fake = await startFakeProvider();
});
afterEach(async () => {
  await fake.close();
  await expectNoLeaks(fake, timersBefore);
});

async function call(method: string, path: string, json?: unknown): Promise<unknown> {
  const response = await exchange({
    method,
    url: new URL(`${fake.url}${path}`),
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    signal: new AbortController().signal,
    timeoutMs: 5000,
    now: () => Date.now(),
    maxBytes: JSON_BODY_MAX_BYTES,
    redact: createRedactor([]),
    what: `${method} ${path}`,
  });
  return JSON.parse(response.body.toString('utf8'));
}

describe('fake provider', () => {
  it('binds 127.0.0.1 and is scripted, logged and reset over its control endpoints', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await call('POST', '/__fake/script', [{ mode: 'error500' }]);
    const ctx = makeContext(fakeHttpJobConfig(fake.url), { secret: 'k' });
    await expect(httpJobAdapter.submit(makeJob(), ctx)).rejects.toMatchObject({ errorClass: 'server_error' });
    const calls = (await call('GET', '/__fake/calls')) as Array<Record<string, unknown>>;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/jobs', hasAuthorization: true, kind: 'submit', mode: 'error500' });
    expect(calls[0]!.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof calls[0]!.time).toBe('number');
    await call('POST', '/__fake/reset');
    expect(fake.calls()).toEqual([]);
  });

  it('consumes a step only with a request it matches, and succeeds once the script is exhausted', async () => {
    fake.setScript([{ mode: 'jobFailed', match: 'poll', message: 'late failure' }]);
    const ctx = makeContext(fakeHttpJobConfig(fake.url));
    const first = await httpJobAdapter.submit(makeJob(), ctx);
    expect(fake.calls()[0]!.mode).toBe('ok');
    expect(await httpJobAdapter.poll!(first.providerJobId!, ctx)).toMatchObject({ status: 'failed', errorMessage: 'late failure' });
    const second = await httpJobAdapter.submit(makeJob({ seed: 2 }), ctx);
    expect((await httpJobAdapter.poll!(second.providerJobId!, ctx)).status).toBe('completed');
  });

  it('derives its output from the request body hash', async () => {
    const ctx = makeContext(fakeHttpJobConfig(fake.url));
    const texts: string[] = [];
    for (const seed of [1, 1, 2]) {
      const { providerJobId } = await httpJobAdapter.submit(makeJob({ seed }), ctx);
      const done = await httpJobAdapter.poll!(providerJobId!, ctx);
      texts.push((await httpJobAdapter.fetch(done.resultRef, ctx)).text!);
    }
    expect(texts[0]).toBe(texts[1]);
    expect(texts[2]).not.toBe(texts[0]);
  });

  it('destroys a held connection on close', async () => {
    fake.setScript([{ mode: 'timeout' }]);
    const pending = httpJobAdapter.submit(makeJob(), makeContext(fakeHttpJobConfig(fake.url)));
    await vi.waitFor(() => expect(fake.openSockets()).toBe(1));
    const failure = rejectionOf(pending);
    await fake.close();
    expect(await failure).toMatchObject({ errorClass: 'connection' });
    expect(fake.openSockets()).toBe(0);
  });

  it('runs as a process that prints FAKE_PROVIDER_URL=<url> on its first line', async () => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/fake-provider/main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const [first] = await new Promise<string[]>((resolve) => lines.once('line', (line) => resolve([line])));
    expect(first).toMatch(/^FAKE_PROVIDER_URL=http:\/\/127\.0\.0\.1:\d+$/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    lines.close();
  });
});
