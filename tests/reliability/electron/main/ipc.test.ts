import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRpcIpc } from '../../../../electron/main/ipc';
import { RPC_CHANNEL } from '../../../../core/rpc/method-names';
import { createFakeEndpoint } from '../../rpc/support/fake-endpoint';
import { FakeWebContents, FakeWebFrame, fake, resetFakeElectron } from '../support/fake-electron';
import { figure } from '../../support/figure';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake);

describe('the IPC adapter', () => {
  beforeEach(() => resetFakeElectron());

  it('EL-4 refuses IPC from any frame that is not our main frame', async () => {
    const endpoint = createFakeEndpoint();
    const adapter = registerRpcIpc({ ipcMain: fake.ipcMain as never, endpoint, logger: endpoint.logger });
    const ours = new FakeWebContents();
    adapter.attach(ours as never);
    const stranger = new FakeWebContents();
    const request = { v: 1, id: 'i1', method: 'app.info', input: {} };
    const senders = [
      { name: 'a foreign origin', sender: ours, senderFrame: new FakeWebFrame('https://evil.example/') },
      { name: 'an app://genweave subframe', sender: ours, senderFrame: new FakeWebFrame('app://genweave/index.html', ours.mainFrame) },
      { name: 'about:blank', sender: ours, senderFrame: new FakeWebFrame('about:blank') },
      { name: 'a destroyed frame', sender: ours, senderFrame: null },
      { name: 'an unknown webContents', sender: stranger, senderFrame: stranger.mainFrame },
      { name: 'our main frame', sender: ours, senderFrame: ours.mainFrame },
    ];
    const outcomes: string[] = [];
    for (const sender of senders) {
      const reply = (await fake.ipcMain.invokeAs(sender, RPC_CHANNEL, request)) as { ok: boolean; error?: { code: string; message: string; details: unknown } };
      outcomes.push(reply.ok ? 'dispatched' : reply.error!.code);
      if (!reply.ok) expect(reply.error).toEqual({ code: 'GEN_RPC_FORBIDDEN', message: 'This request was refused.', details: {} });
    }
    expect(outcomes).toEqual([...Array(5).fill('GEN_RPC_FORBIDDEN'), 'dispatched']);
    expect(endpoint.calls.get('app.info')).toHaveLength(1);
    expect(endpoint.logger.entries.filter((e) => e.event === 'ipc.forbidden_sender')).toHaveLength(5);
    figure('EL-4', { senders: senders.length, dispatched: `${outcomes.filter((o) => o === 'dispatched').length}/${senders.length}`, forbidden: outcomes.filter((o) => o === 'GEN_RPC_FORBIDDEN').length });
  });

  it('sends events to its own windows only, and forgets a destroyed one', () => {
    const endpoint = createFakeEndpoint();
    const adapter = registerRpcIpc({ ipcMain: fake.ipcMain as never, endpoint, logger: endpoint.logger });
    const ours = new FakeWebContents();
    const other = new FakeWebContents();
    adapter.attach(ours as never);
    endpoint.emit('settings.onDidChange', { settings: {} });
    expect(ours.sent).toEqual([{ channel: RPC_CHANNEL, args: [{ v: 1, event: 'settings.onDidChange', payload: { settings: {} } }] }]);
    expect(other.sent).toEqual([]);
    ours.destroy();
    endpoint.emit('settings.onDidChange', { settings: {} });
    expect(ours.sent).toHaveLength(1);
    expect(adapter.sessionOf(ours as never)).toBeUndefined();
  });
});
