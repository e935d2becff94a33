import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_TYPES } from '../../../core/domain';
import type { ProviderConfig } from '../../../core/domain';
import { localPreviewAdapter } from '../../../core/providers';
import type { ProviderContext, ProviderJob } from '../../../core/providers';

const CONFIG: ProviderConfig = { id: 'local-preview', kind: 'local-preview' };

function job(overrides: Partial<ProviderJob> = {}): ProviderJob {
  return {
    generationId: 'gen_1',
    operation: 'text_to_image',
    prompt: 'A storm <rolls> over "Harbour" & the sea',
    seed: 3735928559,
    modelParams: { delayMs: 0 },
    canonicalParams: {
      generationType: 'transition',
      style: { moodFrom: 'calm', moodTo: 'tense' },
      socialContext: { contentRating: 'romantic' },
      duration: {},
    },
    inputs: [],
    attempt: 1,
    deadlineAt: Number.MAX_SAFE_INTEGER,
    ...overrides,
  };
}

function ctx(overrides: Partial<ProviderContext> = {}): ProviderContext {
  return { config: CONFIG, secret: null, signal: new AbortController().signal, now: () => 0, progress: () => undefined, ...overrides };
}

async function run(j: ProviderJob) {
  const update = await localPreviewAdapter.submit(j, ctx());
  return localPreviewAdapter.fetch(update.resultRef, ctx());
}

describe('local-preview', () => {
  it('gives byte-identical output for the same operation, params and seed, and different output for another seed', async () => {
    const a = await run(job());
    const b = await run(job());
    const c = await run(job({ seed: 1 }));
    expect(Buffer.from(a.bytes!).equals(Buffer.from(b.bytes!))).toBe(true);
    expect(Buffer.from(a.bytes!).equals(Buffer.from(c.bytes!))).toBe(false);
  });

  it('draws a 640×360 SVG with the lines of §8.1, XML-escaped, without scripts or external references', async () => {
    const output = await run(job());
    expect(output).toMatchObject({ kind: 'image', mediaType: 'image/svg+xml', width: 640, height: 360 });
    const svg = Buffer.from(output.bytes!).toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="360"/);
    for (const line of ['text_to_image', 'transition', 'calm → tense', 'romantic', 'seed 3735928559']) expect(svg).toContain(`>${line}<`);
    expect(svg).toContain('A storm &lt;rolls&gt; over &quot;Harbour&quot; &amp; the sea');
    expect(svg).not.toMatch(/<script|href=|xlink|url\((?!#)|@import/i);
  });

  it('cuts the prompt line to 80 characters and drops characters XML cannot hold', async () => {
    const svg = Buffer.from((await run(job({ prompt: `\u0001${'p'.repeat(100)}` }))).bytes!).toString('utf8');
    expect(svg).toContain(`>${'p'.repeat(79)}<`);
    expect(svg).not.toContain('\u0001');
  });

  it('writes preview text: the seed in 8 hex digits, one to three phrases, then the first 200 characters of the prompt', async () => {
    const prompt = 'q'.repeat(250);
    const output = await run(job({ operation: 'text_generation', prompt, seed: 255 }));
    expect(output.kind).toBe('text');
    expect(output.mediaType).toBe('text/plain');
    expect(output.text).toMatch(new RegExp(`^\\[preview 000000ff\\] (?:[^.]+\\.\\s?){1,3}— ${'q'.repeat(200)}$`));
  });

  it('supports every operation and is free', () => {
    expect(localPreviewAdapter.capabilities(CONFIG)).toEqual({ operations: [...OPERATION_TYPES], poll: false, cancel: true, reportsCost: false });
    expect(localPreviewAdapter.estimateCostUsd(job(), { ...CONFIG, pricing: { perCallUsd: 1 } })).toBe(0);
  });

  describe('with fake timers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('completes after delayMs (default 300), reporting 0.25, 0.5 and 0.75 on the way', async () => {
      const progress: number[] = [];
      let done = false;
      const pending = localPreviewAdapter.submit(job({ modelParams: {} }), ctx({ progress: (v) => progress.push(v) })).then((u) => {
        done = true;
        return u;
      });
      await vi.advanceTimersByTimeAsync(299);
      expect(done).toBe(false);
      expect(progress).toEqual([0.25, 0.5, 0.75]);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe('completed');
    });

    it('stops its timer when cancelled', async () => {
      const controller = new AbortController();
      const pending = localPreviewAdapter.submit(job({ modelParams: { delayMs: 1000 } }), ctx({ signal: controller.signal }));
      await vi.advanceTimersByTimeAsync(100);
      const reason = new Error('cancelled');
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
