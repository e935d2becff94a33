import { describe, expect, it } from 'vitest';
import { createRequest, openTestEngine } from './engine-fixtures';

describe('create() with the local preview provider', () => {
  it('runs a text generation to completed and stores the resolved prompt', async () => {
    const engine = await openTestEngine();
    const { generation, why } = await engine.generations.create(createRequest());
    expect(why.source).toBe('created');
    expect(why.reason).toBe('new');
    expect(generation.status).toBe('pending');
    expect(generation.finalPrompt).toBe('The keeper greets Mara at the lighthouse.');
    const done = await engine.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(done.result?.origin).toBe('provider');
    expect(done.result && 'text' in done.result ? done.result.text : '').toContain('The keeper greets Mara');
    const events = await engine.generations.events(generation.id);
    expect(events.map((e) => e.type)).toContain('generation.statusChanged');
  });

  it('stores an image result in the media store', async () => {
    const engine = await openTestEngine();
    const { generation } = await engine.generations.create(createRequest({}, { generationType: 'transition' }));
    const done = await engine.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ origin: 'provider', kind: 'image', mediaType: 'image/svg+xml' });
  });
});
