import type { FakeJob, FakeRequest, FakeRoute } from './fake-state';
import { fakeText, nextId, outputFile } from './fake-state';

// providers.md §9: the http-job protocol that fakeHttpJobMapping() describes.

const VIDEO_OPERATIONS = new Set(['text_to_video', 'image_to_video', 'video_extend', 'video_transition']);

function applyJobMode(job: FakeJob, request: FakeRequest): void {
  if (request.step.mode === 'filtered') job.state = 'filtered';
  if (request.step.mode === 'jobFailed') {
    job.state = 'failed';
    job.error = request.step.message ?? 'the fake job failed';
  }
}

function jobBody(job: FakeJob, request: FakeRequest): Record<string, unknown> {
  switch (job.state) {
    case 'done': {
      const file = outputFile(request.state, job);
      return { id: job.id, status: 'done', progress: 1, output: { text: fakeText(job.hash), url: `/files/${file.name}` }, costUsd: 0.002 };
    }
    case 'failed':
      return { id: job.id, status: 'failed', error: job.error };
    case 'filtered':
      return { id: job.id, status: 'filtered', error: 'the content was filtered' };
    default:
      return { id: job.id, status: job.state, progress: job.state === 'running' ? 0.5 : 0 };
  }
}

export const httpJobRoutes: FakeRoute[] = [
  {
    method: 'POST',
    pattern: /^\/jobs$/,
    kind: 'submit',
    handle(request) {
      const body = (request.json ?? {}) as { operation?: unknown };
      const job: FakeJob = {
        id: nextId(request.state, 'job'),
        hash: request.hash,
        state: 'queued',
        video: typeof body.operation === 'string' && VIDEO_OPERATIONS.has(body.operation),
      };
      applyJobMode(job, request);
      request.state.jobs.set(job.id, job);
      request.sendJson(200, { id: job.id, status: 'queued' });
    },
  },
  {
    method: 'GET',
    pattern: /^\/jobs\/(?<id>[^/]+)$/,
    kind: 'poll',
    handle(request) {
      const job = request.state.jobs.get(request.params.id!);
      if (job === undefined) return request.sendJson(404, { error: 'job not found' });
      applyJobMode(job, request);
      if (request.step.mode === 'pending' && (job.state === 'queued' || job.state === 'running')) job.state = 'running';
      else if (job.state === 'queued' || job.state === 'running') job.state = 'done';
      request.sendJson(200, jobBody(job, request));
    },
  },
  {
    method: 'POST',
    pattern: /^\/jobs\/(?<id>[^/]+)\/cancel$/,
    kind: 'other',
    handle(request) {
      const job = request.state.jobs.get(request.params.id!);
      if (job === undefined) return request.sendJson(404, { error: 'job not found' });
      if (job.state === 'queued' || job.state === 'running') job.state = 'cancelled';
      request.sendJson(200, { id: job.id, status: job.state });
    },
  },
  {
    method: 'GET',
    pattern: /^\/files\/(?<name>[^/]+)$/,
    kind: 'fetch',
    handle(request) {
      const file = request.state.files.get(request.params.name!);
      if (file === undefined) return request.sendJson(404, { error: 'file not found' });
      request.res.writeHead(200, { 'content-type': file.mediaType, 'content-length': String(file.bytes.byteLength) });
      request.res.end(file.bytes);
    },
  },
];
