import { z } from 'zod';
import { OPERATION_TYPES, OperationTypeSchema } from '../../domain';
import type { ProviderAdapter, ProviderContext, ProviderJob, ProviderOutput, ProviderUpdate } from '../adapter';
import { ProviderError } from '../adapter';
import { errorForAbort } from '../http-client';
import { narrowOperations } from '../narrow-operations';
import { renderPreviewSvg, renderPreviewText } from './render';
import type { PreviewSpec } from './render';

// providers.md §8.1: offline and free. It waits `delayMs` (default 300) so the studio shows progress,
// then completes; it never fails, and cancelling stops its timer.

const DEFAULT_DELAY_MS = 300;

const PreviewSpecSchema = z.object({
  operation: OperationTypeSchema,
  seed: z.number(),
  prompt: z.string(),
  generationType: z.string().optional(),
  moodFrom: z.string().optional(),
  moodTo: z.string().optional(),
  contentRating: z.string().optional(),
});

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function specFor(job: ProviderJob): PreviewSpec {
  const params = job.canonicalParams;
  const style = (params.style ?? {}) as Record<string, unknown>;
  const social = (params.socialContext ?? {}) as Record<string, unknown>;
  const optional = {
    generationType: optionalString(params.generationType),
    moodFrom: optionalString(style.moodFrom),
    moodTo: optionalString(style.moodTo),
    contentRating: optionalString(social.contentRating),
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  return { operation: job.operation, seed: job.seed, prompt: job.prompt, ...present };
}

function delayFor(job: ProviderJob, ctx: ProviderContext): number {
  const value = job.modelParams.delayMs ?? ctx.config.defaults?.delayMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_DELAY_MS;
}

/** Waits `ms` in four steps, reporting 0.25, 0.5 and 0.75; an abort clears the timer at once. */
function waitWithProgress(ms: number, ctx: ProviderContext): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (ctx.signal.aborted) return reject(errorForAbort(ctx.signal, 'local preview'));
    let step = 0;
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(errorForAbort(ctx.signal, 'local preview'));
    };
    const tick = () => {
      step += 1;
      if (step === 4) {
        ctx.signal.removeEventListener('abort', onAbort);
        return resolve();
      }
      ctx.progress(step / 4);
      timer = setTimeout(tick, ms / 4);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(tick, ms / 4);
  });
}

export const localPreviewAdapter: ProviderAdapter = {
  kind: 'local-preview',
  capabilities(config) {
    return { operations: narrowOperations(OPERATION_TYPES, config), poll: false, cancel: true, reportsCost: false };
  },
  async submit(job, ctx): Promise<ProviderUpdate> {
    await waitWithProgress(delayFor(job, ctx), ctx);
    return { status: 'completed', progress: 1, resultRef: specFor(job) };
  },
  async fetch(resultRef): Promise<ProviderOutput> {
    const parsed = PreviewSpecSchema.safeParse(resultRef);
    if (!parsed.success) throw new ProviderError('bad_response', 'local preview: unreadable result reference', { reason: 'schema_mismatch' });
    const spec = parsed.data;
    if (spec.operation === 'text_generation') return { kind: 'text', mediaType: 'text/plain', text: renderPreviewText(spec) };
    return { kind: 'image', mediaType: 'image/svg+xml', bytes: Buffer.from(renderPreviewSvg(spec), 'utf8'), width: 640, height: 360 };
  },
  estimateCostUsd() {
    return 0;
  },
  async test() {
    return { ok: true, message: 'Local preview is ready.', warnings: [] };
  },
};
