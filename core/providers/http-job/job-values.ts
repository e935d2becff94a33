import type { ProviderJob } from '../adapter';

// providers.md §8.4: the values a mapping may name. Input bytes are read only when a template asks.

export async function resolveTemplateValues(
  names: ReadonlySet<string>,
  job: ProviderJob | null,
  jobId?: string,
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (const name of names) {
    const value = await valueFor(name, job, jobId);
    if (value !== undefined) values.set(name, value);
  }
  return values;
}

async function valueFor(name: string, job: ProviderJob | null, jobId: string | undefined): Promise<unknown> {
  if (name === 'jobId') return jobId;
  if (job === null) return undefined;
  switch (name) {
    case 'prompt':
      return job.prompt;
    case 'seed':
      return job.seed;
    case 'operation':
      return job.operation;
    case 'generationId':
      return job.generationId;
  }
  if (name.startsWith('modelParams.')) {
    const key = name.slice('modelParams.'.length);
    return Object.hasOwn(job.modelParams, key) ? job.modelParams[key] : undefined;
  }
  const input = /^inputs\.([a-z_]+)\.(sha256|base64)$/.exec(name);
  if (input !== null) {
    const found = job.inputs.find((entry) => entry.role === input[1]);
    if (found === undefined) return undefined;
    return input[2] === 'sha256' ? found.sha256 : Buffer.from(await found.read()).toString('base64');
  }
  return undefined;
}
