import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeStep, RequestKind } from './script';

// What the fake's protocols share: jobs, ComfyUI prompts and the files they produced.

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'filtered' | 'cancelled';

export type FakeJob = { id: string; hash: string; state: JobState; error?: string; video: boolean };

export type FakeState = {
  counter: number;
  jobs: Map<string, FakeJob>;
  files: Map<string, { bytes: Buffer; mediaType: string }>;
};

export type FakeRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  json: unknown;
  hash: string;
  step: FakeStep;
  state: FakeState;
  baseUrl: string;
  params: Record<string, string>;
  sendJson(status: number, value: unknown, headers?: Record<string, string>): void;
};

export type FakeRoute = {
  method: string;
  pattern: RegExp;
  kind: RequestKind;
  handle(request: FakeRequest): void;
};

export function createFakeState(): FakeState {
  return { counter: 0, jobs: new Map(), files: new Map() };
}

export function nextId(state: FakeState, prefix: string): string {
  state.counter += 1;
  return `${prefix}-${state.counter}`;
}

/** A tiny deterministic image whose text is the hash of the request that produced it. */
export function fakeSvg(hash: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="36" viewBox="0 0 64 36"><text x="2" y="20" font-size="6">${hash.slice(0, 16)}</text></svg>`,
  );
}

export function fakeText(hash: string): string {
  return `fake output ${hash.slice(0, 12)}`;
}

/** The job's output file, registered under a name derived from the job's hash. */
export function outputFile(state: FakeState, job: FakeJob): { name: string; mediaType: string } {
  const video = job.video;
  const name = `fake_${job.hash.slice(0, 12)}.${video ? 'mp4' : 'svg'}`;
  const mediaType = video ? 'video/mp4' : 'image/svg+xml';
  if (!state.files.has(name)) {
    const bytes = video ? Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0018ftypmp42'), Buffer.from(job.hash)]) : fakeSvg(job.hash);
    state.files.set(name, { bytes, mediaType });
  }
  return { name, mediaType };
}
