import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { comfyUiAdapter } from '../../../core/providers';
import { fakeComfyConfig } from '../../fake-provider';
import { fakeProviderPerTest, makeContext, makeJob } from './provider-harness';

const fake = fakeProviderPerTest();

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PNG_SHA = createHash('sha256').update(PNG_BYTES).digest('hex');

describe('comfyui adapter against the fake', () => {
  it('injects typed prompt, seed and negative prompt, polls the history and fetches the image', async () => {
    const ctx = makeContext(fakeComfyConfig(fake().url));
    const job = makeJob({ operation: 'text_to_image', modelParams: { negativePrompt: 'blurry' } });
    const submitted = await comfyUiAdapter.submit(job, ctx);
    expect(submitted.status).toBe('pending');
    const [prompt] = fake().calls();
    const body = prompt!.body as { prompt: Record<string, { inputs: Record<string, unknown> }>; client_id: string };
    expect(body.prompt['6']!.inputs.text).toBe(job.prompt);
    expect(body.prompt['7']!.inputs.text).toBe('blurry');
    expect(body.prompt['3']!.inputs.seed).toBe(job.seed);
    expect(typeof body.client_id).toBe('string');

    const polled = await comfyUiAdapter.poll!(submitted.providerJobId!, ctx);
    expect(polled.status).toBe('completed');
    const output = await comfyUiAdapter.fetch(polled.resultRef, ctx);
    expect(output).toMatchObject({ kind: 'image', mediaType: 'image/svg+xml' });
    const view = fake().calls().at(-1)!;
    expect(view.path).toBe('/view');
    expect(new URLSearchParams(view.query).get('type')).toBe('output');
  });

  it('uploads the seed image and selects the video output for a video operation', async () => {
    const ctx = makeContext(fakeComfyConfig(fake().url));
    const job = makeJob({
      operation: 'image_to_video',
      inputs: [{ role: 'seed_image', sha256: PNG_SHA, mediaType: 'image/png', read: async () => PNG_BYTES }],
    });
    const submitted = await comfyUiAdapter.submit(job, ctx);
    const [upload, prompt] = fake().calls();
    expect(upload).toMatchObject({ method: 'POST', path: '/upload/image' });
    expect(String(upload!.body)).toContain(`filename="${PNG_SHA}.png"`);
    expect(String(upload!.body)).toContain('name="overwrite"');
    const workflow = (prompt!.body as { prompt: Record<string, { inputs: Record<string, unknown> }> }).prompt;
    expect(workflow['1']!.inputs.image).toBe(`${PNG_SHA}.png`);

    const polled = await comfyUiAdapter.poll!(submitted.providerJobId!, ctx);
    const output = await comfyUiAdapter.fetch(polled.resultRef, ctx);
    expect(output).toMatchObject({ kind: 'video', mediaType: 'video/mp4' });
  });

  it('reports processing while the prompt is not in the history, and a failed run with its message', async () => {
    fake().setScript([{ mode: 'pending' }, { mode: 'jobFailed', match: 'poll', message: 'CUDA out of memory' }]);
    const ctx = makeContext(fakeComfyConfig(fake().url));
    const { providerJobId } = await comfyUiAdapter.submit(makeJob({ operation: 'text_to_image' }), ctx);
    expect(await comfyUiAdapter.poll!(providerJobId!, ctx)).toEqual({ status: 'processing' });
    expect(await comfyUiAdapter.poll!(providerJobId!, ctx)).toEqual({ status: 'failed', errorMessage: 'CUDA out of memory' });
  });

  it('rejects a workflow with node errors as bad_request carrying the first node error', async () => {
    fake().setScript([{ mode: 'error400', match: 'submit' }]);
    const ctx = makeContext(fakeComfyConfig(fake().url));
    await expect(comfyUiAdapter.submit(makeJob({ operation: 'text_to_image' }), ctx)).rejects.toMatchObject({
      errorClass: 'bad_request',
      httpStatus: 400,
      providerMessage: 'Required input is missing: text',
    });
  });

  it('fails a placeholder without a value before any request', async () => {
    const config = fakeComfyConfig(fake().url, {
      comfyui: { workflows: { text_to_image: { '3': { class_type: 'KSampler', inputs: { steps: '{{steps}}' } } } } },
    });
    await expect(comfyUiAdapter.submit(makeJob({ operation: 'text_to_image' }), makeContext(config))).rejects.toMatchObject({
      errorClass: 'bad_request',
    });
    expect(fake().calls()).toHaveLength(0);
  });

  it('cancels a running prompt with /interrupt and a queued one with a queue delete', async () => {
    const ctx = makeContext(fakeComfyConfig(fake().url));
    const queued = await comfyUiAdapter.submit(makeJob({ operation: 'text_to_image' }), ctx);
    await comfyUiAdapter.cancel!(queued.providerJobId!, ctx);
    expect(fake().calls().slice(-2).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /queue', 'POST /queue']);
    expect(fake().calls().at(-1)!.body).toEqual({ delete: [queued.providerJobId!.split('|')[0]] });

    fake().setScript([{ mode: 'pending' }]);
    const running = await comfyUiAdapter.submit(makeJob({ operation: 'text_to_image', seed: 7 }), ctx);
    await comfyUiAdapter.poll!(running.providerJobId!, ctx);
    await comfyUiAdapter.cancel!(running.providerJobId!, ctx);
    expect(fake().calls().slice(-2).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /queue', 'POST /interrupt']);
  });

  it('tests with GET /system_stats and lists only operations that have a workflow', async () => {
    const config = fakeComfyConfig(fake().url);
    expect(await comfyUiAdapter.test(makeContext(config))).toMatchObject({ ok: true, warnings: [] });
    expect(fake().calls()[0]!.path).toBe('/system_stats');
    expect(comfyUiAdapter.capabilities(config).operations).toEqual(['text_to_image', 'image_to_video']);
    expect(comfyUiAdapter.capabilities({ ...config, operations: ['image_to_video'] }).operations).toEqual(['image_to_video']);
  });
});
