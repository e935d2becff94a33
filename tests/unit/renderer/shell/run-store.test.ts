import { describe, expect, it } from 'vitest';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc } from './fake-rpc';

function generation(id: string, nodeId: string, status: string, extra: Record<string, unknown> = {}) {
  return { id, nodeId, status, progress: null, result: null, socialContext: null, ...extra };
}

describe('run store', () => {
  it('follows generations.onDid* events per node and counts the queue', () => {
    const fake = createFakeRpc();
    const { run } = createStudioStores(fake.rpc);
    run.getState().start();
    fake.emit('generations.onDidCreate', { generation: generation('gen_1', 'node-a', 'pending') });
    fake.emit('generations.onDidCreate', { generation: generation('gen_2', 'node-b', 'pending') });
    expect(run.getState().queue).toEqual({ pending: 2, processing: 0 });
    fake.emit('generations.onDidChangeStatus', { generation: generation('gen_1', 'node-a', 'processing'), from: 'pending', to: 'processing' });
    fake.emit('generations.onDidProgress', { generationId: 'gen_1', progress: 0.5 });
    expect(run.getState().byNode['node-a']).toMatchObject({ status: 'processing', progress: 0.5, source: 'created' });
    expect(run.getState().queue).toEqual({ pending: 1, processing: 1 });
    const result = { origin: 'provider', kind: 'text', mediaType: 'text/plain', text: 'Hello' };
    fake.emit('generations.onDidChangeStatus', {
      generation: generation('gen_1', 'node-a', 'completed', { result, socialContext: { ratingClamped: true } }),
      from: 'processing',
      to: 'completed',
    });
    expect(run.getState().byNode['node-a']).toMatchObject({ status: 'completed', clamped: true, result });
    expect(run.getState().queue).toEqual({ pending: 1, processing: 0 });
  });

  it('updates only the node an event is about', () => {
    const fake = createFakeRpc();
    const { run } = createStudioStores(fake.rpc);
    run.getState().start();
    fake.emit('generations.onDidCreate', { generation: generation('gen_1', 'node-a', 'pending') });
    fake.emit('generations.onDidCreate', { generation: generation('gen_2', 'node-b', 'pending') });
    const b = run.getState().byNode['node-b'];
    fake.emit('generations.onDidReuse', { generationId: 'gen_1', why: { source: 'cache' } });
    expect(run.getState().byNode['node-a']!.source).toBe('cache');
    expect(run.getState().byNode['node-b']).toBe(b);
  });
});
