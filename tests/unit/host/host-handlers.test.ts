import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectInProcess } from '../../../core/host/in-process';
import { createStudioHost } from '../../../core/host/studio-host';
import { createRpcClient } from '../../../core/rpc/client';
import { DEFAULT_STUDIO_SETTINGS } from '../../../core/rpc/settings';
import { recordingLogger } from '../../reliability/rpc/support/fake-endpoint';
import { createFakeEngine } from '../../reliability/host/support/fake-engine';

async function studio(dataDir = mkdtempSync(join(tmpdir(), 'gw-host-'))) {
  const engine = createFakeEngine();
  const logger = recordingLogger();
  const host = await createStudioHost({ engine, dataDir, transport: 'browser', version: '9.9.9', logger, checkOutputs: true });
  const transport = connectInProcess(host);
  return { engine, host, dataDir, logger, client: createRpcClient(transport) };
}

describe('the host handlers', () => {
  it('replaces the renderer-sent user caps with the settings in create, validate, retry and resolve', async () => {
    const { engine, client } = await studio();
    await client.callOrThrow('settings.update', { patch: { user: { maxContentRating: 'sfw' } } });
    const loosened = { maxContentRating: 'restricted', reduceRomanticIntensity: false };
    const request = { projectId: 'p', nodeId: 'n', config: {}, user: loosened };
    await client.callOrThrow('generations.create', request);
    await client.call('generations.validate', request);
    await client.callOrThrow('prompts.resolve', request);
    await client.callOrThrow('generations.retry', { id: 'gen_1', priority: 1 });
    const expectedUser = { ...DEFAULT_STUDIO_SETTINGS.user, maxContentRating: 'sfw' };
    const seen = engine.calls.filter((c) => ['generations.create', 'generations.validate', 'prompts.resolve'].includes(c.method));
    expect(seen).toHaveLength(3);
    for (const call of seen) expect((call.args[0] as { user: unknown }).user).toEqual(expectedUser);
    const retry = engine.calls.find((c) => c.method === 'generations.retry');
    expect(retry?.args).toEqual(['gen_1', { user: expectedUser, priority: 1 }]);
  });

  it('keeps settings deep-merged, validated and on disk', async () => {
    const { client, dataDir } = await studio();
    expect(await client.callOrThrow('settings.get', {})).toEqual(DEFAULT_STUDIO_SETTINGS);
    const next = await client.callOrThrow('settings.update', { patch: { health: { p95WarnMs: 5000 }, user: { reduceRomanticIntensity: true } } });
    expect(next.user).toEqual({ ...DEFAULT_STUDIO_SETTINGS.user, reduceRomanticIntensity: true });
    expect(next.health.p95WarnMs).toBe(5000);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toEqual(next);

    for (const patch of [{ autosaveIntervalSec: 3 }, { theme: 'neon' }, { recent: [] }, { user: { maxContentRating: 'x' } }]) {
      const reply = await client.call('settings.update', { patch } as never);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('GEN_BAD_REQUEST');
    }
    // A second host on the same data dir reads what the first wrote.
    expect(await (await studio(dataDir)).client.callOrThrow('settings.get', {})).toEqual(next);
  });

  it('treats __proto__ in a settings patch as data, never as a prototype', async () => {
    const { client } = await studio();
    for (const patch of [JSON.parse('{"__proto__":{"polluted":1}}'), JSON.parse('{"user":{"__proto__":{"polluted":1}}}')]) {
      const reply = await client.call('settings.update', { patch });
      expect(reply.ok).toBe(false);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(await client.callOrThrow('settings.get', {})).toEqual(DEFAULT_STUDIO_SETTINGS);
  });

  it('starts from the defaults when settings.json is damaged, and says so in the log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gw-host-'));
    writeFileSync(join(dataDir, 'settings.json'), '{ "theme": ');
    const { client, logger } = await studio(dataDir);
    expect(await client.callOrThrow('settings.get', {})).toEqual(DEFAULT_STUDIO_SETTINGS);
    expect(logger.entries.map((e) => e.event)).toContain('settings.unreadable');
  });

  it('answers app.info, and dialogs as unsupported in browser mode', async () => {
    const { client, dataDir } = await studio();
    expect(await client.callOrThrow('app.info', {})).toEqual({ version: '9.9.9', transport: 'browser', dataDir, platform: process.platform, startupNotices: [], launchProject: null });
    expect(await client.callOrThrow('dialog.openProject', {})).toEqual({ path: null, supported: false });
  });

  it('announces provider changes without secrets', async () => {
    const { client } = await studio();
    const announced = new Promise((resolve) => client.on('providers.onDidChange', resolve));
    expect(await client.callOrThrow('providers.setSecret', { id: 'local-preview', secret: 'sk-canary-123' })).toEqual({ hasSecret: true, persisted: false });
    expect(JSON.stringify(await announced)).not.toContain('sk-canary');
  });
});
