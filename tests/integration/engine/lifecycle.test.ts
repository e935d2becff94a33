import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fakeHttpJobConfig } from '../../fake-provider';
import { WAIT, createRequest, makeTempDir, openTestEngine, startTestFakeProvider } from './engine-fixtures';
import { openEngine } from '../../../core/engine';

describe('engine lifecycle', () => {
  it('leaves no timers or sockets behind: a process exits on its own after close()', async () => {
    const fake = await startTestFakeProvider();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./exit-child.ts', import.meta.url)), makeTempDir()], {
      env: {
        ...process.env,
        GW_PROVIDERS: JSON.stringify([fakeHttpJobConfig(fake.url)]),
        GW_REQUEST: JSON.stringify(createRequest({}, { provider: 'fake-job' })),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(out).toContain('STATUS completed');
  });

  it('keeps a generation with a known job id processing across close() and resumes it at the next open', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'pending', times: 100_000 }]);
    const dataDir = makeTempDir();
    const providers = [fakeHttpJobConfig(fake.url)];
    const first = await openEngine({ dataDir, providers });
    const { generation } = await first.generations.create(createRequest({}, { provider: 'fake-job' }));
    await vi.waitFor(() => expect(fake.calls().some((c) => c.method === 'GET')).toBe(true), WAIT);
    await first.close();
    fake.setScript([]);
    const second = await openTestEngine({ dataDir, providers });
    expect(second.startupNotices).toEqual([]);
    const done = await second.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(fake.calls().filter((c) => c.method === 'POST' && c.path === '/jobs')).toHaveLength(1);
  });

  it('fails a generation aborted by close() before its job id was known with GEN_INTERRUPTED', async () => {
    const fake = await startTestFakeProvider();
    fake.setScript([{ mode: 'timeout', match: 'submit' }]);
    const dataDir = makeTempDir();
    const engine = await openEngine({ dataDir, providers: [fakeHttpJobConfig(fake.url, { timeoutMs: 120_000, requestTimeoutMs: 120_000 })] });
    const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    await vi.waitFor(() => expect(fake.calls()).toHaveLength(1), WAIT);
    await engine.close();
    const reopened = await openTestEngine({ dataDir, providers: [fakeHttpJobConfig(fake.url)] });
    const ended = await reopened.generations.get(generation.id);
    expect(ended).toMatchObject({ status: 'failed', errorCode: 'GEN_INTERRUPTED', result: { origin: 'fallback', kind: 'placeholder' } });
  }, 20_000);
});

describe('list, events and providers', () => {
  it('pages newest first with a cursor tied to its filter and counts per status', async () => {
    const engine = await openTestEngine();
    const ids: string[] = [];
    for (const nodeId of ['a', 'b', 'c', 'd', 'e']) ids.push((await engine.generations.create(createRequest({ nodeId }))).generation.id);
    await Promise.all(ids.map((id) => engine.generations.wait(id)));
    const page1 = await engine.generations.list({ projectId: 'proj-1', limit: 2 });
    expect(page1.items.map((g) => g.id)).toEqual([ids[4], ids[3]]);
    expect(page1.total).toBe(5);
    expect(page1.counts).toEqual({ pending: 0, processing: 0, completed: 5, failed: 0, cancelled: 0 });
    const page2 = await engine.generations.list({ projectId: 'proj-1', limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((g) => g.id)).toEqual([ids[2], ids[1]]);
    const page3 = await engine.generations.list({ projectId: 'proj-1', limit: 2, cursor: page2.nextCursor });
    expect(page3).toMatchObject({ nextCursor: null, items: [expect.objectContaining({ id: ids[0] })] });
    await expect(engine.generations.list({ projectId: 'other', cursor: page1.nextCursor })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    const failedOnly = await engine.generations.list({ status: 'failed' });
    expect(failedOnly).toMatchObject({ total: 0, counts: { completed: 5 } });
    const timeline = await engine.generations.events(ids[0] as string);
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i));
    expect(timeline.map((e) => e.type).slice(0, 3)).toEqual(['generation.created', 'generation.statusChanged', 'generation.statusChanged']);
  });

  it('writes configured providers to providers.json only when the list was not given to openEngine', async () => {
    const dataDir = makeTempDir();
    const first = await openEngine({ dataDir });
    await first.providers.configure({ config: { id: 'second-preview', kind: 'local-preview', defaults: { delayMs: 5 } } });
    await first.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'providers.json'), 'utf8'))).toEqual([
      { id: 'local-preview', kind: 'local-preview' },
      { id: 'second-preview', kind: 'local-preview', defaults: { delayMs: 5 } },
    ]);
    const again = await openTestEngine({ dataDir });
    expect((await again.providers.list()).map((p) => p.id)).toEqual(['local-preview', 'second-preview']);
    const givenDir = makeTempDir();
    const given = await openTestEngine({ dataDir: givenDir, providers: [] });
    await given.providers.configure({ config: { id: 'temp', kind: 'local-preview' } });
    expect(existsSync(join(givenDir, 'providers.json'))).toBe(false);
  });

  it('lists, configures and tests providers without ever returning a secret', async () => {
    const fake = await startTestFakeProvider();
    const secrets = new Map<string, string>();
    const engine = await openTestEngine({
      secretStore: {
        get: (id) => secrets.get(id) ?? null,
        set: (id, s) => (secrets.set(id, s), { persisted: false }),
        clear: (id) => void secrets.delete(id),
        has: (id) => secrets.has(id),
      },
    });
    expect((await engine.providers.list()).map((p) => p.id)).toEqual(['local-preview']);
    const list = await engine.providers.configure({ config: fakeHttpJobConfig(fake.url) });
    expect(list.map((p) => [p.id, p.hasSecret])).toEqual([['local-preview', false], ['fake-job', false]]);
    expect(await engine.providers.setSecret({ id: 'fake-job', secret: 'sk-very-secret' })).toEqual({ hasSecret: true, persisted: false });
    expect(JSON.stringify(await engine.providers.list())).not.toContain('sk-very-secret');
    await expect(engine.providers.configure({ remove: 'local-preview' })).rejects.toMatchObject({ code: 'GEN_BAD_REQUEST' });
    await expect(engine.providers.test('nope')).rejects.toMatchObject({ code: 'GEN_PROVIDER_NOT_FOUND' });
    const tested = await engine.providers.test('local-preview');
    expect(tested.ok).toBe(true);
    const health = await engine.telemetry.providers({ window: 'all' });
    expect(health.find((h) => h.providerId === 'local-preview')?.lastTest).toMatchObject({ ok: true });
    expect((await engine.providers.configure({ remove: 'fake-job' })).map((p) => p.id)).toEqual(['local-preview']);
  });
});
