import type { FakeJob, FakeRequest, FakeRoute } from './fake-state';
import { nextId, outputFile } from './fake-state';

// providers.md §9: the ComfyUI protocol (prompt queue, history, view, queue, interrupt, upload).

function isVideoWorkflow(workflow: unknown): boolean {
  if (typeof workflow !== 'object' || workflow === null) return false;
  return Object.values(workflow).some((node) => /video/i.test(String((node as { class_type?: unknown })?.class_type ?? '')));
}

function historyEntry(job: FakeJob, request: FakeRequest): Record<string, unknown> {
  if (job.state === 'failed' || job.state === 'cancelled') {
    const message = job.state === 'failed' ? job.error : 'Interrupted';
    return {
      status: { status_str: 'error', completed: false, messages: [['execution_start', {}], ['execution_error', { exception_message: message }]] },
      outputs: {},
    };
  }
  if (job.state === 'filtered') return { status: { status_str: 'filtered', completed: true, messages: [] }, outputs: {} };
  const file = outputFile(request.state, job);
  const list = job.video ? 'videos' : 'images';
  return {
    status: { status_str: 'success', completed: true, messages: [] },
    outputs: { '9': { [list]: [{ filename: file.name, subfolder: '', type: 'output' }] } },
  };
}

function queueEntries(request: FakeRequest, state: 'queued' | 'running'): unknown[] {
  return [...request.state.jobs.values()].filter((job) => job.state === state).map((job, i) => [i, job.id, {}, {}, []]);
}

export const comfyRoutes: FakeRoute[] = [
  {
    method: 'POST',
    pattern: /^\/prompt$/,
    kind: 'submit',
    handle(request) {
      const body = (request.json ?? {}) as { prompt?: unknown };
      const job: FakeJob = { id: nextId(request.state, 'prompt'), hash: request.hash, state: 'queued', video: isVideoWorkflow(body.prompt) };
      if (request.step.mode === 'filtered') job.state = 'filtered';
      if (request.step.mode === 'jobFailed') {
        job.state = 'failed';
        job.error = request.step.message ?? 'the fake workflow failed';
      }
      request.state.jobs.set(job.id, job);
      request.sendJson(200, { prompt_id: job.id, number: request.state.counter, node_errors: {} });
    },
  },
  {
    method: 'GET',
    pattern: /^\/history\/(?<id>[^/]+)$/,
    kind: 'poll',
    handle(request) {
      const job = request.state.jobs.get(request.params.id!);
      if (job === undefined) return request.sendJson(200, {});
      if (request.step.mode === 'filtered') job.state = 'filtered';
      if (request.step.mode === 'jobFailed') {
        job.state = 'failed';
        job.error = request.step.message ?? 'the fake workflow failed';
      }
      const active = job.state === 'queued' || job.state === 'running';
      if (active && request.step.mode === 'pending') {
        job.state = 'running';
        return request.sendJson(200, {});
      }
      if (active) job.state = 'done';
      request.sendJson(200, { [job.id]: historyEntry(job, request) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/view$/,
    kind: 'fetch',
    handle(request) {
      const file = request.state.files.get(request.url.searchParams.get('filename') ?? '');
      if (file === undefined) return request.sendJson(404, { error: 'file not found' });
      request.res.writeHead(200, { 'content-type': file.mediaType, 'content-length': String(file.bytes.byteLength) });
      request.res.end(file.bytes);
    },
  },
  {
    method: 'GET',
    pattern: /^\/queue$/,
    kind: 'other',
    handle(request) {
      request.sendJson(200, { queue_running: queueEntries(request, 'running'), queue_pending: queueEntries(request, 'queued') });
    },
  },
  {
    method: 'POST',
    pattern: /^\/queue$/,
    kind: 'other',
    handle(request) {
      const ids = ((request.json ?? {}) as { delete?: unknown }).delete;
      for (const id of Array.isArray(ids) ? ids : []) {
        const job = request.state.jobs.get(String(id));
        if (job !== undefined && job.state === 'queued') job.state = 'cancelled';
      }
      request.sendJson(200, {});
    },
  },
  {
    method: 'POST',
    pattern: /^\/interrupt$/,
    kind: 'other',
    handle(request) {
      for (const job of request.state.jobs.values()) if (job.state === 'running') job.state = 'cancelled';
      request.sendJson(200, {});
    },
  },
  {
    method: 'POST',
    pattern: /^\/upload\/image$/,
    kind: 'other',
    handle(request) {
      const text = typeof request.json === 'string' ? request.json : '';
      const name = /filename="([^"]+)"/.exec(text)?.[1];
      if (name === undefined) return request.sendJson(400, { error: 'no image field' });
      request.sendJson(200, { name, subfolder: '', type: 'input' });
    },
  },
  {
    method: 'GET',
    pattern: /^\/system_stats$/,
    kind: 'other',
    handle(request) {
      request.sendJson(200, { system: { os: 'fake', comfyui_version: 'fake' }, devices: [] });
    },
  },
];
