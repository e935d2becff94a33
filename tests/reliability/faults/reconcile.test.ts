import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { createRequest, makeTempDir, openTestEngine, startTestFakeProvider } from '../../integration/engine/engine-fixtures';

const CHILD = fileURLToPath(new URL('../../integration/engine/writer-child.ts', import.meta.url));

function startWriter(dataDir: string, providers: unknown[], requests: unknown[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    env: { ...process.env, GW_PROVIDERS: JSON.stringify(providers), GW_REQUESTS: JSON.stringify(requests) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ACK ')) acks.push(line.slice(4));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, acks, exited };
}

describe('two processes on one data folder', () => {
  it('CONC-2 makes one call when two processes share a data folder', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'ok', delayMs: 300, match: 'submit' }]);
    const providers = [fakeHttpJobConfig(fake.url)];
    const requests = Array.from({ length: 25 }, () => createRequest({}, { provider: 'fake-job' }));
    const dataDir = makeTempDir();
    // Open the database once first so that both children find it migrated.
    const engine = await openTestEngine({ dataDir, providers });
    const writers = [startWriter(dataDir, providers, requests), startWriter(dataDir, providers, requests)];
    await vi.waitFor(() => expect(writers.every((w) => w.acks.length === 25)).toBe(true), { timeout: 30_000, interval: 50 });
    const ids = new Set(writers.flatMap((w) => w.acks));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect((await engine.generations.wait(id, { timeoutMs: 30_000 })).status).toBe('completed');
    expect(fake.calls().filter((c) => c.method === 'POST' && c.path === '/jobs')).toHaveLength(1);
  });
});

describe('start-up reconciliation', () => {
  it('CONC-6 resumes known jobs, runs the queue and interrupts the rest after a SIGKILL', async () => {
    const jobs = await startTestFakeProvider();
    const hang = await startTestFakeProvider();
    jobs.setScript([{ mode: 'pending', times: 100_000 }]);
    hang.setScript([{ mode: 'timeout', match: 'submit' }]);
    const providers = [
      fakeHttpJobConfig(jobs.url, { concurrency: 2, timeoutMs: 120_000 }),
      fakeHttpJobConfig(hang.url, { id: 'fake-hang', timeoutMs: 120_000, requestTimeoutMs: 120_000 }),
    ];
    const requests = [
      createRequest({ nodeId: 'a' }, { provider: 'fake-job' }),
      createRequest({ nodeId: 'b' }, { provider: 'fake-job' }),
      createRequest({ nodeId: 'c' }, { provider: 'fake-hang' }),
      createRequest({ nodeId: 'd' }, { provider: 'fake-job' }),
    ];
    const dataDir = makeTempDir();
    const writer = startWriter(dataDir, providers, requests);
    await vi.waitFor(
      () => {
        expect(writer.acks).toHaveLength(4);
        expect(jobs.calls().filter((c) => c.method === 'GET').map((c) => c.path)).toEqual(
          expect.arrayContaining([expect.stringMatching(/^\/jobs\//), expect.stringMatching(/^\/jobs\//)]),
        );
        expect(new Set(jobs.calls().filter((c) => c.method === 'GET').map((c) => c.path)).size).toBe(2);
        expect(hang.calls().some((c) => c.method === 'POST' && c.path === '/jobs')).toBe(true);
      },
      { timeout: 30_000, interval: 50 },
    );
    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');

    jobs.setScript([]);
    const engine = await openTestEngine({ dataDir, providers });
    expect(engine.startupNotices).toEqual([expect.objectContaining({ code: 'GEN_INTERRUPTED' })]);
    const [a, b, c, d] = writer.acks as [string, string, string, string];
    const ended = await Promise.all([a, b, c, d].map((id) => engine.generations.wait(id, { timeoutMs: 30_000 })));
    expect(ended.map((g) => g.status)).toEqual(['completed', 'completed', 'failed', 'completed']);
    expect(ended[2]).toMatchObject({ errorCode: 'GEN_INTERRUPTED', errorMessage: 'Interrupted before the provider job id was recorded' });
    const submittedSeeds = jobs.calls().filter((call) => call.method === 'POST' && call.path === '/jobs').map((call) => (call.body as { seed: number }).seed);
    expect(submittedSeeds.sort()).toEqual([0, 1, 3].map((i) => ended[i]?.seed).sort());
    expect((await engine.generations.events(a)).map((e) => e.type)).toContain('generation.resumed');
    const open = await engine.generations.list({ status: ['pending', 'processing'] });
    expect(open.total).toBe(0);
  });
});
