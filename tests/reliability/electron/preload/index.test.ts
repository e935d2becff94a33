import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, RPC_CHANNEL } from '../../../../core/rpc/method-names';
import { FakeWebContents, connectRenderer, contextBridge, fake, resetFakeElectron } from '../support/fake-electron';
import { figure } from '../../support/figure';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake);

type Bridge = Record<string, unknown> & { on(event: string, listener: (...args: unknown[]) => void): () => void; transport: string };

describe('the preload bridge', () => {
  let bridge: Bridge;
  let contents: FakeWebContents;
  const received: unknown[] = [];

  beforeAll(async () => {
    resetFakeElectron();
    contents = new FakeWebContents();
    connectRenderer(contents);
    fake.ipcMain.handle(RPC_CHANNEL, ((_event: unknown, frame: { id: string; method: string; input: unknown }) => {
      received.push(frame);
      return { v: 1, id: frame.id, ok: true, result: { echoed: frame.method } };
    }) as never);
    await import('../../../../electron/preload/index');
    bridge = contextBridge.exposed.get('genweave') as Bridge;
  });

  it('EL-8 exposes one function per contract method and nothing else', async () => {
    expect(Object.isFrozen(bridge)).toBe(true);
    const areas = new Map<string, string[]>();
    for (const method of METHOD_NAMES) {
      const [area, verb] = method.split('.') as [string, string];
      areas.set(area, [...(areas.get(area) ?? []), verb]);
    }
    expect(Object.keys(bridge).sort()).toEqual([...areas.keys(), 'on', 'transport'].sort());
    for (const [area, verbs] of areas) {
      const namespace = bridge[area] as Record<string, unknown>;
      expect(Object.isFrozen(namespace)).toBe(true);
      expect(Object.keys(namespace).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof namespace[verb]).toBe('function');
    }
    expect(bridge.transport).toBe('electron');
    for (const forbidden of ['ipcRenderer', 'require', 'process', 'invoke', 'send']) expect(bridge).not.toHaveProperty(forbidden);
    figure('EL-8', { methods: METHOD_NAMES.length, areas: areas.size, extra_keys: Object.keys(bridge).length - areas.size - 2 });

    const reply = await (bridge.generations as Record<string, (input: unknown) => Promise<unknown>>).get!({ id: 'g1' });
    expect(reply).toMatchObject({ ok: true, result: { echoed: 'generations.get' } });
    expect(received.at(-1)).toMatchObject({ v: 1, method: 'generations.get', input: { id: 'g1' } });
  });

  it('EL-8 lets on() subscribe to contract events only, passing the payload alone', () => {
    const payloads: unknown[][] = [];
    const off = bridge.on('settings.onDidChange', (...args) => payloads.push(args));
    contents.send(RPC_CHANNEL, { v: 1, event: 'settings.onDidChange', payload: { settings: { theme: 'dark' } } });
    contents.send(RPC_CHANNEL, { v: 1, event: 'providers.onDidChange', payload: { providers: [] } });
    expect(payloads).toEqual([[{ settings: { theme: 'dark' } }]]);
    off();
    contents.send(RPC_CHANNEL, { v: 1, event: 'settings.onDidChange', payload: { settings: {} } });
    expect(payloads).toHaveLength(1);
    for (const name of ['generations.onDidExplode', 'generations.create', '__proto__', '']) {
      expect(() => bridge.on(name, () => {})).toThrow(/Unknown event/);
    }
    expect(EVENT_NAMES.every((name) => typeof bridge.on(name, () => {}) === 'function')).toBe(true);
  });

  it('imports nothing but electron and the plain name lists', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../../electron/preload/index.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['electron', '../../core/rpc/method-names']);
  });
});
