import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createStudioHost } from '../../../core/host/studio-host';
import { connectInProcess } from '../../../core/host/in-process';
import type { RpcEndpoint } from '../../../core/host/rpc-endpoint';
import { buildCreateRequest } from '../../../core/project/build-create-request';
import { createRpcClient } from '../../../core/rpc/client';
import { fakeOpenAiConfig } from '../../fake-provider';
import { recordingLogger } from '../rpc/support/fake-endpoint';
import { engineOn, fakeProvider, request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md SEC-2: with key sk-canary-<uuid>, run a success, a 401, 400 and 500 that echo
// Authorization, a timeout, a filter, a save, an export and telemetry reads through the real host, engine and fake; then
// look for the key, plain, URL-encoded and base64 at every alignment, in every file written, the host
// log, the console, all RPC traffic out of the host and every error.

function needles(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64url')]);
  // base64 of the key inside a longer value ("Bearer …", "user:key") has 3 alignments; keep the stable core.
  for (const prefix of ['', 'x', 'xx']) {
    const encoded = Buffer.from(prefix + secret).toString('base64');
    forms.add(encoded.slice(prefix.length === 0 ? 0 : 4, encoded.length - 4));
  }
  return [...forms];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function hits(text: string, forms: string[]): number {
  return forms.reduce((sum, form) => sum + text.split(form).length - 1, 0);
}

describe('SEC-2 canary grep', () => {
  it('never writes the API key anywhere', { timeout: 60_000 }, async () => {
    const canary = `sk-canary-${randomUUID()}`;
    const forms = needles(canary);
    const fake = await fakeProvider();
    const dataDir = tempDir('gw-canary-data-');
    const home = tempDir('gw-canary-home-');
    const outDir = tempDir('gw-canary-export-');
    const config = fakeOpenAiConfig(fake.url, { timeoutMs: 1000 });
    const engine = await engineOn({ dataDir, providers: [config] });
    const logger = recordingLogger();
    const consoleLines: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
    }
    onTestFinished(() => void vi.restoreAllMocks());
    const studio = await createStudioHost({ engine, dataDir, transport: 'in-process', version: '0.0.0-test', logger, checkOutputs: true, homeDir: home });
    onTestFinished(() => studio.close());

    // Everything the host sends out: replies and events. The one setSecret request is the only inbound frame with the key.
    const outbound: unknown[] = [];
    const recorded: RpcEndpoint = {
      dataDir: studio.dataDir,
      dispatch: async (frame, session, options) => {
        const reply = await studio.dispatch(frame, session, options);
        outbound.push(reply);
        return reply;
      },
      dispatchText: (text, session) => studio.dispatchText(text, session),
      connect: (send) => studio.connect((event) => (outbound.push(event), send(event))),
      disconnect: (session) => studio.disconnect(session),
    };
    const transport = connectInProcess(recorded);
    onTestFinished(() => transport.close());
    const client = createRpcClient(transport);

    expect(await client.callOrThrow('providers.setSecret', { id: 'fake-openai', secret: canary })).toMatchObject({ hasSecret: true });
    const scenarios = [
      { name: 'success', steps: [{ mode: 'ok' as const }] },
      { name: 'auth_echo', steps: [{ mode: 'error401' as const, echoAuthorization: true }] },
      // Classes whose provider text is kept (redacted) in details.providerMessage and the attempt rows.
      { name: 'rejected_echo', steps: [{ mode: 'error401' as const, status: 400, echoAuthorization: true }] },
      { name: 'server_echo', steps: [{ mode: 'error401' as const, status: 500, echoAuthorization: true }] },
      { name: 'timeout', steps: [{ mode: 'timeout' as const }] },
      { name: 'filtered', steps: [{ mode: 'filtered' as const }] },
    ];
    const statuses: string[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      fake.setScript(scenario.steps);
      const { generation } = await client.callOrThrow(
        'generations.create',
        request({ nodeId: `gen-canary-${index}` }, { provider: 'fake-openai', fallback: { mode: 'placeholder', timeoutMs: 1000 } }) as never,
      );
      statuses.push((await engine.generations.wait(generation.id)).status);
    }
    expect(statuses).toEqual(['completed', 'failed', 'failed', 'failed', 'failed', 'failed']);
    // The fake did receive the key: the header is where it belongs (SEC-4), so the grep below is meaningful.
    expect(fake.calls().some((call) => call.headers.authorization === `Bearer ${canary}`)).toBe(true);

    const created = await client.callOrThrow('project.new', { template: 'sample' });
    const opened = await client.callOrThrow('project.open', { path: created.path! });
    const saved = await client.callOrThrow('project.saveAs', { document: opened.document, path: join(dirname(created.path!), 'saved.genweave.json') });
    await client.callOrThrow('export.run', { document: opened.document, projectPath: saved.path, outDir });
    await client.call('project.autosave', { document: opened.document });
    const node = opened.document.generationNodes[0];
    if (node !== undefined) await client.call('generations.create', buildCreateRequest(opened.document, node.id, { projectPath: saved.path }) as never);
    for (const method of ['telemetry.providers', 'telemetry.errors', 'telemetry.operations'] as const) await client.call(method, { window: '24h' } as never);
    await client.call('providers.list', {});
    await client.call('providers.test', { id: 'fake-openai' } as never);
    await client.call('providers.configure', { config: { ...config, label: 'Fake (canary run)' } } as never);

    await engine.close();
    const fileHits = [dataDir, home, outDir].flatMap(filesUnder).map((file) => ({ file, n: hits(readFileSync(file).toString('latin1'), forms) }));
    const counts = {
      files: fileHits.reduce((sum, f) => sum + f.n, 0),
      rpc_out: hits(JSON.stringify(outbound), forms),
      log: hits(JSON.stringify(logger.entries, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v)), forms),
      console: hits(consoleLines.join('\n'), forms),
    };
    const leaks = counts.files + counts.rpc_out + counts.log + counts.console;
    vi.restoreAllMocks();
    figure('SEC-2', { leaks, files_scanned: fileHits.length, rpc_frames_out: outbound.length, ...counts });
    expect(fileHits.filter((f) => f.n > 0)).toEqual([]);
    expect(counts).toEqual({ files: 0, rpc_out: 0, log: 0, console: 0 });
  });
});
