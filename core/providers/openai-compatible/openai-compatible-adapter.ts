import { z } from 'zod';
import type { ProviderAdapter, ProviderJob, ProviderUpdate, Usage } from '../adapter';
import { ProviderError } from '../adapter';
import { estimateCostFromPricing } from '../cost';
import { createHttpSession } from '../http-session';
import { narrowOperations } from '../narrow-operations';
import { textOutput } from '../output';
import { failedTest, transportWarnings } from '../provider-test';

// providers.md §8.2: one synchronous chat completion per attempt. No poll; cancel aborts the request.

export const DEFAULT_SYSTEM_PROMPT = 'You write content for an interactive story. Reply with the requested text only.';

const ChatResponseSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
    .nullable()
    .optional(),
});

const ModelsResponseSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

const ResultRefSchema = z.object({
  text: z.string(),
  usage: z.object({ tokensIn: z.number().optional(), tokensOut: z.number().optional() }).optional(),
});

/** The exact body of §8.2: only model, messages, stream, seed and the three sampling params. */
export function chatCompletionBody(job: ProviderJob, configModel: string | undefined): Record<string, unknown> {
  const params = job.modelParams;
  const model = typeof params.model === 'string' ? params.model : configModel;
  const system = typeof params.system === 'string' ? params.system : DEFAULT_SYSTEM_PROMPT;
  const body: Record<string, unknown> = {
    model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: job.prompt },
    ],
    stream: false,
    seed: job.seed,
  };
  if (typeof params.temperature === 'number') body.temperature = params.temperature;
  if (typeof params.topP === 'number') body.top_p = params.topP;
  if (typeof params.maxTokens === 'number') body.max_tokens = params.maxTokens;
  return body;
}

export const openAiCompatibleAdapter: ProviderAdapter = {
  kind: 'openai-compatible',
  capabilities(config) {
    return { operations: narrowOperations(['text_generation'], config), poll: false, cancel: true, reportsCost: false };
  },
  async submit(job, ctx): Promise<ProviderUpdate> {
    const session = createHttpSession(ctx, { deadlineAt: job.deadlineAt });
    const response = await session.requestJson(
      { method: 'POST', target: '/chat/completions', json: chatCompletionBody(job, ctx.config.model) },
      ChatResponseSchema,
    );
    const choice = response.choices[0]!;
    const usage: Usage = {};
    if (response.usage?.prompt_tokens !== undefined) usage.tokensIn = response.usage.prompt_tokens;
    if (response.usage?.completion_tokens !== undefined) usage.tokensOut = response.usage.completion_tokens;
    const withUsage = Object.keys(usage).length === 0 ? {} : { usage };
    if (choice.finish_reason === 'content_filter') return { status: 'filtered', ...withUsage };
    // Checked here, so an empty reply fails the attempt instead of reaching fetch.
    const output = textOutput(choice.message.content ?? '', 'POST /chat/completions');
    return { status: 'completed', progress: 1, resultRef: { text: output.text, ...withUsage }, ...withUsage };
  },
  async fetch(resultRef) {
    const parsed = ResultRefSchema.safeParse(resultRef);
    if (!parsed.success) throw new ProviderError('bad_response', 'chat: unreadable result reference', { reason: 'schema_mismatch' });
    return textOutput(parsed.data.text, 'POST /chat/completions', parsed.data.usage);
  },
  estimateCostUsd(job, config) {
    return estimateCostFromPricing(job, config);
  },
  async test(ctx) {
    try {
      const session = createHttpSession(ctx);
      const response = await session.requestJson({ method: 'GET', target: '/models' }, ModelsResponseSchema);
      const models = response.data.map((entry) => entry.id);
      const warnings = transportWarnings(ctx.config, ctx.secret);
      if (ctx.config.model !== undefined && !models.includes(ctx.config.model)) {
        warnings.push(`Model '${ctx.config.model}' is not in the provider's model list.`);
      }
      return { ok: true, message: `Connected; ${models.length} model(s) available.`, models, warnings };
    } catch (error) {
      return failedTest(ctx, error);
    }
  },
};
