import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenerationFilter, GenerationList, UserContentPreferences } from '../domain';
import { extensionForMediaType } from '../storage';
import { cacheKeyMatchesFormat } from './build-bundle';
import { checkExport, type ExportCheckInput, type ExportContext, type ExportMediaSource, type ExportRunInput, runExport } from './run-export';

// The export.* handlers as the host and the CLI use them: the configured providers, the user's preferences
// and the engine's stored results are looked up at call time.

export type ExporterOptions = {
  providerIds?: () => Promise<readonly string[]> | readonly string[];
  user?: () => UserContentPreferences | undefined;
  mediaSource?: ExportMediaSource;
  now?: () => Date;
};

export function createExporter(options: ExporterOptions = {}) {
  async function context(): Promise<ExportContext> {
    const providers = options.providerIds === undefined ? undefined : await options.providerIds();
    const user = options.user?.();
    return {
      ...(providers === undefined ? {} : { providers }),
      ...(user === undefined ? {} : { user }),
      ...(options.mediaSource === undefined ? {} : { mediaSource: options.mediaSource }),
      ...(options.now === undefined ? {} : { now: options.now }),
    };
  }
  return {
    check: async (input: ExportCheckInput) => checkExport(input, await context()),
    run: async (input: ExportRunInput, run: { signal?: AbortSignal } = {}) =>
      runExport(input, { ...(await context()), ...(run.signal === undefined ? {} : { signal: run.signal }) }),
  };
}

type GenerationLister = { generations: { list(filter: GenerationFilter): Promise<GenerationList> | GenerationList } };

/** Reads stored results from an engine and its data dir's media store (engine.md §5). */
export function engineMediaSource(engine: GenerationLister, dataDir: string): ExportMediaSource {
  return async ({ projectId, nodeId, keyFormat }) => {
    let cursor: string | undefined;
    do {
      const page = await engine.generations.list({ projectId, nodeId, status: 'completed', limit: 200, ...(cursor === undefined ? {} : { cursor }) });
      // Pages are newest first, so the first match is the newest.
      for (const generation of page.items) {
        const result = generation.result;
        if (generation.preview || generation.cacheKey === null || !cacheKeyMatchesFormat(generation.cacheKey, keyFormat)) continue;
        if (result === null || result.origin !== 'provider') continue;
        if (result.kind === 'text' && result.text !== undefined) return { generationId: generation.id, text: result.text };
        const sha256 = result.mediaSha256;
        if (sha256 === undefined) continue;
        const file = path.join(dataDir, 'media', sha256.slice(0, 2), `${sha256}.${extensionForMediaType(result.mediaType)}`);
        return { generationId: generation.id, sha256, mediaType: result.mediaType, read: () => readFile(file) };
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return null;
  };
}
