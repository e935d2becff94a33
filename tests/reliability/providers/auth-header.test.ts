import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpJobAdapter, openAiCompatibleAdapter } from '../../../core/providers';
import { fakeHttpJobConfig, fakeOpenAiConfig, startFakeProvider } from '../../fake-provider';
import type { FakeProvider } from '../../fake-provider';
import { activeTimers, expectNoLeaks, makeContext, makeJob } from '../../integration/providers/provider-harness';
import { figure } from '../support/figure';

// RELIABILITY.md SEC-4: the key goes only in the auth header, only to the configured origin.

const KEY = 'sk-canary-4c1d2b7e';
let own: FakeProvider;
let other: FakeProvider;
let timersBefore: number;

beforeEach(async () => {
  timersBefore = activeTimers();
  own = await startFakeProvider();
  other = await startFakeProvider();
});
afterEach(async () => {
  await expectNoLeaks(own, timersBefore);
  await expectNoLeaks(other, timersBefore);
  await Promise.all([own.close(), other.close()]);
});

function keyInUrls(fake: FakeProvider): number {
  return fake.calls().filter((call) => `${call.path}${call.query}`.includes(KEY)).length;
}

describe('SEC-4 provider keys', () => {
  it('sends the key only to its own origin', async () => {
    // A result URL on another origin is fetched without the key.
    const otherCtx = makeContext(fakeHttpJobConfig(other.url, { result: 'url' }));
    const otherJob = await httpJobAdapter.submit(makeJob({ operation: 'text_to_image' }), otherCtx);
    const otherResult = await httpJobAdapter.poll!(otherJob.providerJobId!, otherCtx);
    const fileUrl = new URL((otherResult.resultRef as { url: string }).url, other.url).href;
    const earlier = other.calls().length;
    const ownCtx = makeContext(fakeHttpJobConfig(own.url, { result: 'url' }), { secret: KEY });
    const ownJob = await httpJobAdapter.submit(makeJob({ operation: 'text_to_image' }), ownCtx);
    await httpJobAdapter.poll!(ownJob.providerJobId!, ownCtx);
    await expect(httpJobAdapter.fetch({ url: fileUrl }, ownCtx)).resolves.toMatchObject({ kind: 'image' });

    expect(own.calls().every((call) => call.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const toOther = other.calls().slice(earlier);
    expect(toOther).toHaveLength(1);
    expect(toOther[0]!.hasAuthorization).toBe(false);
    expect(JSON.stringify(other.calls())).not.toContain(KEY);
    expect(keyInUrls(own) + keyInUrls(other)).toBe(0);
    figure('SEC-4', { own_calls_with_key: own.calls().length, other_origin_with_key: 0, key_in_urls: keyInUrls(own) + keyInUrls(other) });
  });

  it('does not follow a 302 to another fake, which therefore sees no key', async () => {
    own.setScript([{ mode: 'redirect', location: `${other.url}/v1/chat/completions` }]);
    await expect(
      openAiCompatibleAdapter.submit(makeJob(), makeContext(fakeOpenAiConfig(own.url), { secret: KEY })),
    ).rejects.toMatchObject({ errorClass: 'bad_response', reason: 'redirect' });
    expect(own.calls()).toHaveLength(1);
    expect(other.calls()).toHaveLength(0);
    figure('SEC-4', { redirect_followed: false, other_fake_calls: other.calls().length });
  });
});
