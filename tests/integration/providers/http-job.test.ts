import { describe, expect, it } from 'vitest';
import { httpJobAdapter } from '../../../core/providers';
import { fakeHttpJobConfig } from '../../fake-provider';
import { fakeProviderPerTest, makeContext, makeJob } from './provider-harness';

const fake = fakeProviderPerTest();

describe('http-job adapter against the fake', () => {
  it('submits the templated body with typed values, polls and fetches the text result with its cost', async () => {
    const config = fakeHttpJobConfig(fake().url);
    const ctx = makeContext(config, { secret: 'sk-job' });
    const job = makeJob();
    const submitted = await httpJobAdapter.submit(job, ctx);
    expect(submitted).toMatchObject({ status: 'pending', providerJobId: 'job-1' });
    const [submit] = fake().calls();
    expect(submit).toMatchObject({ method: 'POST', path: '/jobs', hasAuthorization: true });
    expect(submit!.body).toEqual({ prompt: job.prompt, seed: job.seed, operation: 'text_generation' });

    const polled = await httpJobAdapter.poll!('job-1', ctx);
    expect(polled).toMatchObject({ status: 'completed', progress: 1, usage: { costUsd: 0.002 } });
    const output = await httpJobAdapter.fetch(polled.resultRef, ctx);
    expect(output).toMatchObject({ kind: 'text', mediaType: 'text/plain', text: `fake output ${submit!.bodySha256.slice(0, 12)}` });
  });

  it('reports processing with progress while the job runs', async () => {
    fake().setScript([{ mode: 'pending', times: 2 }]);
    const ctx = makeContext(fakeHttpJobConfig(fake().url));
    const { providerJobId } = await httpJobAdapter.submit(makeJob(), ctx);
    expect(await httpJobAdapter.poll!(providerJobId!, ctx)).toEqual({ status: 'processing', progress: 0.5 });
    expect(await httpJobAdapter.poll!(providerJobId!, ctx)).toEqual({ status: 'processing', progress: 0.5 });
    expect((await httpJobAdapter.poll!(providerJobId!, ctx)).status).toBe('completed');
  });

  it('fetches a relative result URL against baseUrl with the media type from Content-Type', async () => {
    const ctx = makeContext(fakeHttpJobConfig(fake().url, { result: 'url' }), { secret: 'sk-job' });
    const { providerJobId } = await httpJobAdapter.submit(makeJob({ operation: 'text_to_image' }), ctx);
    const polled = await httpJobAdapter.poll!(providerJobId!, ctx);
    const output = await httpJobAdapter.fetch(polled.resultRef, ctx);
    expect(output.kind).toBe('image');
    expect(output.mediaType).toBe('image/svg+xml');
    expect(Buffer.from(output.bytes!).toString()).toContain('<svg');
    const fetchCall = fake().calls().at(-1)!;
    expect(fetchCall).toMatchObject({ method: 'GET', kind: 'fetch', hasAuthorization: true });
    expect(fetchCall.path).toMatch(/^\/files\/fake_[0-9a-f]{12}\.svg$/);
  });

  it('maps failed and filtered job statuses, with the provider message redacted', async () => {
    fake().setScript([{ mode: 'jobFailed', match: 'poll', message: 'GPU fell over with key sk-job' }]);
    const ctx = makeContext(fakeHttpJobConfig(fake().url), { secret: 'sk-job' });
    const first = await httpJobAdapter.submit(makeJob(), ctx);
    expect(await httpJobAdapter.poll!(first.providerJobId!, ctx)).toEqual({ status: 'failed', errorMessage: 'GPU fell over with key ***' });

    fake().setScript([{ mode: 'filtered', match: 'submit' }]);
    const second = await httpJobAdapter.submit(makeJob(), ctx);
    expect((await httpJobAdapter.poll!(second.providerJobId!, ctx)).status).toBe('filtered');
  });

  it('cancels through the mapping and then reports cancelled', async () => {
    fake().setScript([{ mode: 'pending' }]);
    const ctx = makeContext(fakeHttpJobConfig(fake().url));
    const { providerJobId } = await httpJobAdapter.submit(makeJob(), ctx);
    await httpJobAdapter.cancel!(providerJobId!, ctx);
    expect(fake().calls().at(-1)).toMatchObject({ method: 'POST', path: `/jobs/${providerJobId}/cancel` });
    expect((await httpJobAdapter.poll!(providerJobId!, ctx)).status).toBe('cancelled');
  });

  it('uses the mapping secret header instead of Authorization', async () => {
    const base = fakeHttpJobConfig(fake().url);
    const config = { ...base, httpJob: { ...base.httpJob!, secretHeader: 'X-Api-Key' } };
    await httpJobAdapter.submit(makeJob(), makeContext(config, { secret: 'key-123' }));
    const [call] = fake().calls();
    expect(call!.hasAuthorization).toBe(false);
    expect(call!.headers['x-api-key']).toBe('key-123');
  });

  it('takes a terminal status in the submit response as final, without a poll', async () => {
    const base = fakeHttpJobConfig(fake().url);
    const config = { ...base, httpJob: { ...base.httpJob!, statusMap: { ...base.httpJob!.statusMap, queued: 'cancelled' as const } } };
    const update = await httpJobAdapter.submit(makeJob(), makeContext(config));
    expect(update).toEqual({ status: 'cancelled', providerJobId: 'job-1' });
  });

  it('fails a mapping placeholder without a value as bad_request before any request', async () => {
    const base = fakeHttpJobConfig(fake().url);
    const missing = { ...base, httpJob: { ...base.httpJob!, submit: { ...base.httpJob!.submit, body: { style: '{{modelParams.style}}' } } } };
    await expect(httpJobAdapter.submit(makeJob(), makeContext(missing))).rejects.toMatchObject({ errorClass: 'bad_request' });
    expect(fake().calls()).toHaveLength(0);
  });

  it('fails an unmapped status as bad_response', async () => {
    const base = fakeHttpJobConfig(fake().url);
    const { done: _done, ...statusMap } = base.httpJob!.statusMap;
    const config = { ...base, httpJob: { ...base.httpJob!, statusMap } };
    const ctx = makeContext(config);
    const { providerJobId } = await httpJobAdapter.submit(makeJob(), ctx);
    await expect(httpJobAdapter.poll!(providerJobId!, ctx)).rejects.toMatchObject({ errorClass: 'bad_response', reason: 'unmapped_status' });
  });

  it('decodes a base64 result with its media type and refuses a media type outside the accepted list', async () => {
    const ctx = makeContext(fakeHttpJobConfig(fake().url));
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const output = await httpJobAdapter.fetch({ base64: png.toString('base64'), mediaType: 'image/png' }, ctx);
    expect(output).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    expect(Buffer.from(output.bytes!).equals(png)).toBe(true);
    await expect(httpJobAdapter.fetch({ base64: png.toString('base64'), mediaType: 'text/html' }, ctx)).rejects.toMatchObject({
      errorClass: 'bad_response',
      reason: 'media_type',
    });
  });

  it('cuts a media download at maxResultBytes', async () => {
    fake().setScript([{ mode: 'hugeBody', match: 'fetch' }]);
    const ctx = makeContext(fakeHttpJobConfig(fake().url, { result: 'url', maxResultBytes: 1024 * 1024 }));
    await expect(httpJobAdapter.fetch({ url: '/files/huge.png' }, ctx)).rejects.toMatchObject({ errorClass: 'bad_response', reason: 'size_cap' });
    expect(fake().calls()[0]!.bytesSent).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a rendered header with a line break before sending anything', async () => {
    const base = fakeHttpJobConfig(fake().url);
    const config = { ...base, httpJob: { ...base.httpJob!, submit: { ...base.httpJob!.submit, headers: { 'x-prompt': '{{prompt}}' } } } };
    await expect(httpJobAdapter.submit(makeJob({ prompt: 'line\r\nx-evil: 1' }), makeContext(config))).rejects.toMatchObject({
      errorClass: 'bad_request',
    });
    expect(fake().calls()).toHaveLength(0);
  });

  it('tests without a call when the mapping has no test request', async () => {
    const result = await httpJobAdapter.test(makeContext(fakeHttpJobConfig(fake().url)));
    expect(result.ok).toBe(true);
    expect(fake().calls()).toHaveLength(0);
  });
});
