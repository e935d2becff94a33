import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { mediaTypeFromExtension, OPERATION_TYPES } from '../../domain';
import type { ProviderConfig } from '../../domain';
import { ProviderError } from '../adapter';
import type { ProviderAdapter, ProviderJobInput, ProviderOutput, ProviderUpdate } from '../adapter';
import { estimateCostFromPricing } from '../cost';
import { createHttpSession } from '../http-session';
import type { HttpSession } from '../http-session';
import { narrowOperations } from '../narrow-operations';
import { essenceOf, extensionForMediaType, isAcceptedMediaType, mediaOutput } from '../output';
import { failedTest, transportWarnings } from '../provider-test';
import { cutProviderMessage } from '../redact';
import { HistorySchema, updateFromHistory } from './history';
import { decodeJobId, encodeJobId, IMAGE_PLACEHOLDERS, injectWorkflow, inputsToUpload, workflowValues } from './workflow';

// providers.md §8.3: upload inputs, queue the workflow, poll its history, fetch the chosen file.

/** ComfyUI routes progress messages by client id; one per engine process. */
const CLIENT_ID = randomUUID();

const UploadSchema = z.object({ name: z.string().min(1), subfolder: z.string().optional(), type: z.string().optional() });
const PromptSchema = z.object({ prompt_id: z.string().min(1), number: z.number().optional(), node_errors: z.record(z.string(), z.unknown()).optional() });
const QueueSchema = z.object({ queue_running: z.array(z.array(z.unknown())), queue_pending: z.array(z.array(z.unknown())) });
const FileRefSchema = z.object({ filename: z.string().min(1), subfolder: z.string(), type: z.string() });

/** The first node error's message, as ComfyUI reports a rejected workflow (HTTP 400 or node_errors). */
export function firstNodeError(nodeErrors: unknown): string | undefined {
  if (typeof nodeErrors !== 'object' || nodeErrors === null) return undefined;
  for (const node of Object.values(nodeErrors)) {
    const errors = (node as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const first = errors[0] as { message?: unknown; details?: unknown };
      if (typeof first.message === 'string') {
        return typeof first.details === 'string' && first.details !== '' ? `${first.message}: ${first.details}` : first.message;
      }
    }
  }
  return undefined;
}

function describePromptError(body: string): string | undefined {
  try {
    const value = JSON.parse(body) as { error?: { message?: unknown }; node_errors?: unknown };
    const nodeError = firstNodeError(value.node_errors);
    if (nodeError !== undefined) return nodeError;
    return typeof value.error?.message === 'string' ? value.error.message : undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return body.trim() === '' ? undefined : body;
  }
}

function workflowsOf(config: ProviderConfig) {
  return config.comfyui?.workflows ?? {};
}

async function upload(session: HttpSession, input: ProviderJobInput): Promise<string> {
  const bytes = await input.read();
  const boundary = `----genweave${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
  const fileName = `${input.sha256}.${extensionForMediaType(input.mediaType)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${fileName}"\r\nContent-Type: ${input.mediaType}\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="overwrite"\r\n\r\ntrue\r\n--${boundary}--\r\n`),
  ]);
  const result = await session.requestJson(
    { method: 'POST', target: '/upload/image', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
    UploadSchema,
  );
  return result.subfolder ? `${result.subfolder}/${result.name}` : result.name;
}

export const comfyUiAdapter: ProviderAdapter = {
  kind: 'comfyui',
  capabilities(config) {
    const workflows = workflowsOf(config);
    const withWorkflow = OPERATION_TYPES.filter((operation) => workflows[operation] !== undefined);
    return { operations: narrowOperations(withWorkflow, config), poll: true, cancel: true, reportsCost: false };
  },
  async submit(job, ctx): Promise<ProviderUpdate> {
    const workflow = workflowsOf(ctx.config)[job.operation];
    if (workflow === undefined) {
      throw new ProviderError('bad_request', `Provider '${ctx.config.id}' has no workflow for '${job.operation}'`);
    }
    const session = createHttpSession(ctx, { deadlineAt: job.deadlineAt });
    const uploaded = new Map<string, string>();
    for (const input of inputsToUpload(workflow, job.inputs)) {
      uploaded.set(IMAGE_PLACEHOLDERS[input.role], await upload(session, input));
    }
    const prompt = injectWorkflow(workflow, workflowValues(job, uploaded));
    const queued = await session.requestJson(
      { method: 'POST', target: '/prompt', json: { prompt, client_id: CLIENT_ID }, describeError: describePromptError },
      PromptSchema,
    );
    const nodeError = firstNodeError(queued.node_errors);
    if (queued.node_errors !== undefined && Object.keys(queued.node_errors).length > 0) {
      throw new ProviderError('bad_request', 'POST /prompt: the workflow has node errors', {
        ...(nodeError === undefined ? {} : { providerMessage: cutProviderMessage(nodeError, session.redact) }),
      });
    }
    return { status: 'pending', providerJobId: encodeJobId(queued.prompt_id, job.operation) };
  },
  async poll(providerJobId, ctx): Promise<ProviderUpdate> {
    const { promptId, video } = decodeJobId(providerJobId);
    const session = createHttpSession(ctx);
    const history = await session.requestJson({ method: 'GET', target: `/history/${encodeURIComponent(promptId)}` }, HistorySchema);
    return updateFromHistory(history, promptId, { video, outputNodeId: ctx.config.comfyui?.outputNodeId, redact: session.redact });
  },
  async cancel(providerJobId, ctx): Promise<void> {
    const { promptId } = decodeJobId(providerJobId);
    const session = createHttpSession(ctx);
    const queue = await session.requestJson({ method: 'GET', target: '/queue' }, QueueSchema);
    const running = queue.queue_running.some((entry) => entry[1] === promptId);
    if (running) await session.request({ method: 'POST', target: '/interrupt', json: { prompt_id: promptId } });
    else await session.request({ method: 'POST', target: '/queue', json: { delete: [promptId] } });
  },
  async fetch(resultRef, ctx): Promise<ProviderOutput> {
    const parsed = FileRefSchema.safeParse(resultRef);
    if (!parsed.success) throw new ProviderError('bad_response', 'comfyui: unreadable result reference', { reason: 'schema_mismatch' });
    const file = parsed.data;
    const session = createHttpSession(ctx);
    const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type });
    const response = await session.request({ method: 'GET', target: `/view?${query.toString()}` });
    const header = essenceOf(response.headers['content-type'] as string | undefined);
    const mediaType = header !== undefined && isAcceptedMediaType(header) ? header : mediaTypeFromExtension(file.filename);
    return mediaOutput(response.body, mediaType, 'GET /view');
  },
  estimateCostUsd(job, config) {
    return estimateCostFromPricing(job, config);
  },
  async test(ctx) {
    try {
      const session = createHttpSession(ctx);
      await session.requestJson({ method: 'GET', target: '/system_stats' }, z.record(z.string(), z.unknown()));
      return { ok: true, message: 'Connected to ComfyUI.', warnings: transportWarnings(ctx.config, ctx.secret) };
    } catch (error) {
      return failedTest(ctx, error);
    }
  },
};
