import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeComfyConfig, fakeHttpJobConfig, fakeOpenAiConfig } from '../../fake-provider';
import { createRequest, makeTempDir, openTestEngine, startTestFakeProvider } from './engine-fixtures';

describe('create() against each network provider kind', () => {
  it('completes through http-job and sends the resolved prompt', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeHttpJobConfig(fake.url)] });
    const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-job' }));
    const done = await engine.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ origin: 'provider', kind: 'text' });
    const submit = fake.calls().find((c) => c.method === 'POST' && c.path === '/jobs');
    expect(submit?.body).toMatchObject({ prompt: 'The keeper greets Mara at the lighthouse.', seed: generation.seed });
  });

  it('completes through openai-compatible with the prompt as the user message', async () => {
    const fake = await startTestFakeProvider();
    const engine = await openTestEngine({ providers: [fakeOpenAiConfig(fake.url)] });
    const { generation } = await engine.generations.create(createRequest({}, { provider: 'fake-openai' }));
    const done = await engine.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(done.result && 'text' in done.result && done.result.text?.length).toBeGreaterThan(0);
    const chat = fake.calls().find((c) => c.path === '/v1/chat/completions');
    const messages = (chat?.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages.find((m) => m.role === 'user')?.content).toBe('The keeper greets Mara at the lighthouse.');
  });

  it('completes through comfyui with an uploaded seed image and stores the media', async () => {
    const fake = await startTestFakeProvider();
    const projectDir = makeTempDir('gw-project-');
    mkdirSync(join(projectDir, 'assets'));
    writeFileSync(join(projectDir, 'assets', 'mara.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    const engine = await openTestEngine({ providers: [fakeComfyConfig(fake.url)] });
    const request = createRequest(
      { projectPath: join(projectDir, 'harbor.genweave.json'), inputs: [{ role: 'seed_image', assetPath: 'assets/mara.png' }] },
      { provider: 'fake-comfy', generationType: 'npc_response' },
    );
    const { generation } = await engine.generations.create(request);
    expect(generation.inputs).toEqual([{ role: 'seed_image', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mediaType: 'image/png' }]);
    const done = await engine.generations.wait(generation.id);
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ origin: 'provider', mediaSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const prompt = fake.calls().find((c) => c.method === 'POST' && c.path === '/prompt');
    expect(JSON.stringify(prompt?.body)).toContain('The keeper greets Mara at the lighthouse.');
    expect(fake.calls().some((c) => c.path === '/upload/image')).toBe(true);
  });

  it('refuses an input path that leaves the project folder', async () => {
    const engine = await openTestEngine();
    const projectDir = makeTempDir('gw-project-');
    const request = createRequest({ projectPath: join(projectDir, 'p.json'), inputs: [{ role: 'seed_image', assetPath: '../secret.png' }] });
    await expect(engine.generations.create(request)).rejects.toMatchObject({ code: 'GEN_PATH_OUTSIDE_ROOT' });
  });
});
