import { z } from 'zod';
import { mediaTypeFromExtension, OPERATION_TYPES } from '../../domain';
import type { HttpJobMapping, ProviderConfig } from '../../domain';
import { ProviderError } from '../adapter';
import type { ProviderAdapter, ProviderContext, ProviderJob, ProviderOutput, ProviderUpdate } from '../adapter';
import { estimateCostFromPricing } from '../cost';
import { createHttpSession, parseJsonBody } from '../http-session';
import type { HttpSession } from '../http-session';
import { getJsonPointer } from '../json-pointer';
import { narrowOperations } from '../narrow-operations';
import { essenceOf, mediaOutput, textOutput } from '../output';
import { failedTest, transportWarnings } from '../provider-test';
import { collectPlaceholders, renderText, renderValue } from '../templates';
import { resolveTemplateValues } from './job-values';
import { updateFromResponse } from './job-response';
import type { HttpJobResultRef } from './job-response';

// providers.md §8.4: a generic submit/poll service described entirely by its mapping.

const AnyJsonSchema = z.unknown();
const ResultRefSchema = z.object({
  url: z.string().optional(),
  text: z.string().optional(),
  base64: z.string().optional(),
  mediaType: z.string().optional(),
  usage: z.object({ costUsd: z.number().optional(), tokensIn: z.number().optional(), tokensOut: z.number().optional() }).optional(),
});

function mappingOf(config: ProviderConfig): HttpJobMapping {
  if (config.httpJob === undefined) throw new ProviderError('bad_request', `Provider '${config.id}' has no httpJob mapping`);
  return config.httpJob;
}

type Rendered = { path: string; headers: Record<string, string>; body?: unknown };

async function renderRequest(
  template: { path: string; headers?: Record<string, string>; body?: unknown },
  job: ProviderJob | null,
  jobId?: string,
): Promise<Rendered> {
  const names = collectPlaceholders([template.path, template.headers ?? {}, template.body ?? null], true);
  const values = await resolveTemplateValues(names, job, jobId);
  const path = renderText(template.path, values, 'Mapping', encodeURIComponent);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers ?? {})) {
    const text = renderText(value, values, 'Mapping');
    // A line break would split the header and smuggle another one in.
    if (/[\r\n]/.test(text)) throw new ProviderError('bad_request', `Mapping header '${name}' contains a line break`);
    headers[name.toLowerCase()] = text;
  }
  const rendered: Rendered = { path, headers };
  if (template.body !== undefined) rendered.body = renderValue(template.body, values, 'Mapping', true);
  return rendered;
}

async function jsonExchange(session: HttpSession, method: string, rendered: Rendered): Promise<unknown> {
  return session.requestJson(
    { method, target: rendered.path, headers: rendered.headers, ...(rendered.body === undefined ? {} : { json: rendered.body }) },
    AnyJsonSchema,
  );
}

function jobIdFrom(document: unknown, pointer: string): string | undefined {
  const value = getJsonPointer(document, pointer);
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function resultUrl(ref: string, baseUrl: URL): URL {
  const base = baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`;
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch (error) {
    throw new ProviderError('bad_response', 'http-job: the result URL is not a URL', { reason: 'bad_url', cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProviderError('bad_response', `http-job: the result URL uses '${url.protocol}'`, { reason: 'bad_url' });
  }
  return url;
}

async function fetchUrl(session: HttpSession, ref: HttpJobResultRef & { url: string }): Promise<ProviderOutput> {
  const url = resultUrl(ref.url, session.baseUrl);
  const response = await session.request({ method: 'GET', target: url });
  const header = essenceOf(response.headers['content-type'] as string | undefined);
  const generic = header === undefined || header === 'application/octet-stream';
  const mediaType = ref.mediaType ?? (generic ? mediaTypeFromExtension(url.pathname) : header);
  return mediaOutput(response.body, mediaType, `GET ${url.pathname}`, ref.usage);
}

function decodeBase64(data: string): Uint8Array {
  const compact = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) {
    throw new ProviderError('bad_response', 'http-job: the base64 result is not base64', { reason: 'schema_mismatch' });
  }
  return Buffer.from(compact, 'base64');
}

export const httpJobAdapter: ProviderAdapter = {
  kind: 'http-job',
  capabilities(config) {
    const mapping = config.httpJob;
    return {
      operations: narrowOperations(OPERATION_TYPES, { ...config, operations: config.operations ?? [] }),
      poll: true,
      cancel: mapping?.cancel !== undefined,
      reportsCost: mapping?.usage?.costUsdPointer !== undefined,
    };
  },
  async submit(job, ctx): Promise<ProviderUpdate> {
    const mapping = mappingOf(ctx.config);
    const session = createHttpSession(ctx, { deadlineAt: job.deadlineAt });
    const rendered = await renderRequest(mapping.submit, job);
    const document = await jsonExchange(session, mapping.submit.method, rendered);
    const what = `${mapping.submit.method} ${mapping.submit.path}`;
    const update = updateFromResponse(document, mapping, session.redact, what, { statusOptional: true });
    const jobId = jobIdFrom(document, mapping.jobIdPointer);
    const terminal = update.status !== 'pending' && update.status !== 'processing';
    if (jobId === undefined && !terminal) {
      throw new ProviderError('bad_response', `${what}: no job id at '${mapping.jobIdPointer}'`, { reason: 'schema_mismatch' });
    }
    return jobId === undefined ? update : { ...update, providerJobId: jobId };
  },
  async poll(providerJobId, ctx): Promise<ProviderUpdate> {
    const mapping = mappingOf(ctx.config);
    const session = createHttpSession(ctx);
    const rendered = await renderRequest(mapping.poll, null, providerJobId);
    const response = await session.request({ method: mapping.poll.method, target: rendered.path, maxBytes: 4 * 1024 * 1024 });
    const what = `${mapping.poll.method} ${mapping.poll.path}`;
    const document = parseJsonBody(response.body, AnyJsonSchema, what);
    return updateFromResponse(document, mapping, session.redact, what, { statusOptional: false });
  },
  async cancel(providerJobId, ctx): Promise<void> {
    const mapping = mappingOf(ctx.config);
    if (mapping.cancel === undefined) return;
    const session = createHttpSession(ctx);
    const rendered = await renderRequest(mapping.cancel, null, providerJobId);
    await session.request({ method: mapping.cancel.method, target: rendered.path, maxBytes: 4 * 1024 * 1024 });
  },
  async fetch(resultRef, ctx): Promise<ProviderOutput> {
    const parsed = ResultRefSchema.safeParse(resultRef);
    if (!parsed.success) throw new ProviderError('bad_response', 'http-job: unreadable result reference', { reason: 'schema_mismatch' });
    const ref = parsed.data;
    if (ref.url !== undefined) return fetchUrl(createHttpSession(ctx), { ...ref, url: ref.url });
    if (ref.text !== undefined) return textOutput(ref.text, 'http-job result', ref.usage);
    if (ref.base64 !== undefined) return mediaOutput(decodeBase64(ref.base64), ref.mediaType, 'http-job result', ref.usage);
    throw new ProviderError('bad_response', 'http-job: completed without content', { reason: 'empty_output' });
  },
  estimateCostUsd(job, config) {
    return estimateCostFromPricing(job, config);
  },
  async test(ctx: ProviderContext) {
    const mapping = mappingOf(ctx.config);
    const warnings = transportWarnings(ctx.config, ctx.secret);
    if (mapping.test === undefined) return { ok: true, message: 'No test request is configured; nothing was sent.', warnings };
    try {
      const session = createHttpSession(ctx);
      await session.request({ method: mapping.test.method, target: mapping.test.path, maxBytes: 4 * 1024 * 1024 });
      return { ok: true, message: 'Connected.', warnings };
    } catch (error) {
      return failedTest(ctx, error);
    }
  },
};
