import type { FakeRoute } from './fake-state';

// providers.md §9: the openai-compatible protocol under /v1.

export const FAKE_MODEL = 'fake-model';

export const openAiRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/models$/,
    kind: 'other',
    handle({ sendJson }) {
      sendJson(200, { object: 'list', data: [{ id: FAKE_MODEL, object: 'model' }] });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/chat\/completions$/,
    kind: 'submit',
    handle({ step, hash, sendJson }) {
      if (step.mode === 'jobFailed') return sendJson(500, { error: { message: step.message ?? 'the model failed' } });
      const filtered = step.mode === 'filtered';
      sendJson(200, {
        id: `chatcmpl-${hash.slice(0, 8)}`,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: filtered ? '' : `fake reply ${hash.slice(0, 12)}` },
            finish_reason: filtered ? 'content_filter' : 'stop',
          },
        ],
        usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
      });
    },
  },
];
