import { describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_PROMPT, openAiCompatibleAdapter, ProviderError } from '../../../core/providers';
import { FAKE_MODEL, fakeOpenAiConfig } from '../../fake-provider';
import { fakeProviderPerTest, makeContext, makeJob, rejectionOf } from './provider-harness';

const fake = fakeProviderPerTest();

describe('openai-compatible adapter against the fake', () => {
  it('sends the exact chat body of providers.md §8.2 and returns the trimmed reply with usage', async () => {
    const config = fakeOpenAiConfig(fake().url);
    const job = makeJob({ modelParams: { model: FAKE_MODEL, temperature: 0.7, topP: 0.9, maxTokens: 64, style: 'ignored' } });
    const update = await openAiCompatibleAdapter.submit(job, makeContext(config, { secret: 'sk-test-1' }));
    expect(update.status).toBe('completed');
    expect(update.usage).toEqual({ tokensIn: 12, tokensOut: 7 });

    const [call] = fake().calls();
    expect(call).toMatchObject({ method: 'POST', path: '/v1/chat/completions', hasAuthorization: true });
    expect(call!.headers.authorization).toBe('Bearer sk-test-1');
    expect(call!.headers['user-agent']).toMatch(/^GenweaveStudio\/\d+\.\d+\.\d+/);
    expect(call!.body).toEqual({
      model: FAKE_MODEL,
      messages: [
        { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
        { role: 'user', content: job.prompt },
      ],
      stream: false,
      seed: job.seed,
      temperature: 0.7,
      top_p: 0.9,
      max_tokens: 64,
    });

    const output = await openAiCompatibleAdapter.fetch(update.resultRef, makeContext(config));
    expect(output.kind).toBe('text');
    expect(output.mediaType).toBe('text/plain');
    expect(output.text).toBe(`fake reply ${call!.bodySha256.slice(0, 12)}`);
  });

  it('uses the provider model and the node system prompt, and sends no Authorization without a secret', async () => {
    const config = fakeOpenAiConfig(fake().url);
    await openAiCompatibleAdapter.submit(makeJob({ modelParams: { system: 'Be terse.' } }), makeContext(config));
    const [call] = fake().calls();
    expect(call!.hasAuthorization).toBe(false);
    expect(call!.body).toMatchObject({ model: FAKE_MODEL, messages: [{ role: 'system', content: 'Be terse.' }, { role: 'user' }] });
    expect(Object.keys(call!.body as object)).not.toContain('temperature');
  });

  it('reports finish_reason content_filter as the filtered status', async () => {
    fake().setScript([{ mode: 'filtered' }]);
    const update = await openAiCompatibleAdapter.submit(makeJob(), makeContext(fakeOpenAiConfig(fake().url)));
    expect(update.status).toBe('filtered');
  });

  it('fails an empty reply as bad_response with reason empty_output', async () => {
    const config = fakeOpenAiConfig(fake().url);
    const error = await rejectionOf(openAiCompatibleAdapter.fetch({ text: '   \n' }, makeContext(config)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ errorClass: 'bad_response', reason: 'empty_output' });
  });

  it('lists the models on test and warns when the configured model is missing', async () => {
    const ok = await openAiCompatibleAdapter.test(makeContext(fakeOpenAiConfig(fake().url)));
    expect(ok).toMatchObject({ ok: true, models: [FAKE_MODEL], warnings: [] });
    const missing = await openAiCompatibleAdapter.test(makeContext(fakeOpenAiConfig(fake().url, { model: 'other-model' })));
    expect(missing.ok).toBe(true);
    expect(missing.warnings).toEqual(["Model 'other-model' is not in the provider's model list."]);
    expect(fake().calls().map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1/models', 'GET /v1/models']);
  });

  it('answers a failed test with the errors.md message of its class', async () => {
    fake().setScript([{ mode: 'error401' }]);
    const result = await openAiCompatibleAdapter.test(makeContext(fakeOpenAiConfig(fake().url), { secret: 'sk-x' }));
    expect(result).toEqual({
      ok: false,
      message: "Provider 'fake-openai' rejected the credentials. Check its API key under Providers.",
      warnings: [],
    });
  });
});
