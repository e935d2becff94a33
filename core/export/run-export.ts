import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GenerationNodeConfigSchema,
  nodeSceneLinkIndex,
  operationForGenerationType,
  type ProjectDocument,
  type UserContentPreferences,
} from '../domain';
import { checkAssetFiles, requireProjectDocument, resolveAssetFile, sha256Hex, toStorageError } from '../project';
import { extensionForMediaType } from '../storage';
import { appVersion } from './app-version';
import { buildBundle, cacheKeyFormat } from './build-bundle';
import { BUNDLE_FILE, BUNDLE_SCHEMA_FILE, type BundleNodeResult, exportBundleJsonSchema, ExportBundleSchema } from './bundle-schema';
import { type ExportFs, type PlannedFile, prepareOutDir, writeBundleFiles } from './bundle-writer';
import { collectExportProblems, type ExportProblem, exportBlockedError } from './export-check';
import { sortedJson } from './sorted-json';

// project-format.md §6: export.check and export.run.

/** A stored result of a `once` node to embed with includeMedia: media bytes by hash, or text. */
export type ExportMediaResult =
  | { generationId: string; text: string }
  | { generationId: string; sha256: string; mediaType: string; read: () => Promise<Uint8Array> };

/**
 * Finds the newest completed, non-preview result of a node whose cache key matches `keyFormat` (the node's
 * current version); null when there is none. The host and the CLI build one from the engine.
 */
export type ExportMediaSource = (query: { projectId: string; nodeId: string; keyFormat: string }) => Promise<ExportMediaResult | null>;

export type ExportContext = {
  /** Configured provider ids (V53). */
  providers?: readonly string[];
  user?: UserContentPreferences;
  mediaSource?: ExportMediaSource;
  now?: () => Date;
  generator?: string;
  signal?: AbortSignal;
  /** File-system calls for the write phase (fault injection in tests). */
  fs?: ExportFs;
};

export type ExportCheckInput = { document: unknown; projectPath: string };
export type ExportRunInput = ExportCheckInput & { outDir: string; includeMedia?: boolean };
export type ExportRunResult = { outDir: string; files: string[]; bundleSha256: string; skippedNodes: string[] };

export async function checkExport(input: ExportCheckInput, context: ExportContext = {}): Promise<{ ok: boolean; problems: ExportProblem[] }> {
  const { ok, problems } = await inspect(requireProjectDocument(input.document), input.projectPath, context);
  return { ok, problems };
}

export async function runExport(input: ExportRunInput, context: ExportContext = {}): Promise<ExportRunResult> {
  const document = requireProjectDocument(input.document);
  const projectDir = path.dirname(path.resolve(input.projectPath));
  const check = await inspect(document, input.projectPath, context);
  if (!check.ok) throw exportBlockedError(document, check.blocking);

  const results = input.includeMedia === true ? await collectResults(document, check.exportedNodeIds, context.mediaSource) : new Map();
  const { bundle, assetCopies } = buildBundle({
    document,
    exportedNodeIds: check.exportedNodeIds,
    skippedNodes: check.skippedNodes,
    generator: context.generator ?? `Genweave Studio ${appVersion()}`,
    exportedAt: (context.now ?? (() => new Date()))().toISOString(),
    results: new Map([...results].map(([nodeId, entry]) => [nodeId, entry.result])),
  });
  // The bundle is checked against its own schema before any file is written.
  ExportBundleSchema.parse(bundle);

  const files: PlannedFile[] = [{ relativePath: BUNDLE_SCHEMA_FILE, bytes: Buffer.from(sortedJson(exportBundleJsonSchema())) }];
  for (const copy of assetCopies) {
    files.push({ relativePath: copy.bundlePath, bytes: await readAsset(projectDir, copy.sourcePath) });
  }
  for (const entry of results.values()) {
    if (entry.bytes !== undefined && entry.result.kind === 'media' && !files.some((f) => f.relativePath === entry.result.path)) {
      files.push({ relativePath: (entry.result as { path: string }).path, bytes: entry.bytes });
    }
  }
  const bundleText = sortedJson(bundle);
  files.push({ relativePath: BUNDLE_FILE, bytes: Buffer.from(bundleText) });

  const prepared = await prepareOutDir(input.outDir);
  await writeBundleFiles(prepared, files, {
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    ...(context.fs === undefined ? {} : { fs: context.fs }),
  });
  return {
    outDir: prepared.root,
    files: files.map((f) => f.relativePath),
    bundleSha256: sha256Hex(bundleText),
    skippedNodes: [...check.skippedNodes],
  };
}

async function inspect(document: ProjectDocument, projectPath: string, context: ExportContext) {
  const assetStatus = await checkAssetFiles(path.dirname(path.resolve(projectPath)), document.assets);
  return collectExportProblems(document, {
    assetStatus,
    ...(context.providers === undefined ? {} : { providers: context.providers }),
    ...(context.user === undefined ? {} : { user: context.user }),
  });
}

type CollectedResult = { result: BundleNodeResult; bytes?: Uint8Array };

/** includeMedia: the newest completed non-preview result of each exported `once` node at its current version. */
async function collectResults(
  document: ProjectDocument,
  exportedNodeIds: readonly string[],
  source: ExportMediaSource | undefined,
): Promise<Map<string, CollectedResult>> {
  const collected = new Map<string, CollectedResult>();
  if (source === undefined) return collected;
  const links = nodeSceneLinkIndex(document);
  for (const nodeId of exportedNodeIds) {
    const node = document.generationNodes.find((n) => n.id === nodeId)!;
    const config = GenerationNodeConfigSchema.parse(node.config);
    if (config.strategy !== 'once') continue;
    const { fromScene, toScene } = links.get(nodeId) ?? {};
    const keyFormat = cacheKeyFormat(operationForGenerationType(config.generationType), config, fromScene?.id, toScene?.id, config.version ?? 1);
    if (keyFormat === null) continue;
    const found = await source({ projectId: document.projectId, nodeId, keyFormat });
    if (found === null) continue;
    if ('text' in found) {
      collected.set(nodeId, { result: { kind: 'text', generationId: found.generationId, text: found.text } });
      continue;
    }
    const bytes = await found.read();
    // Media names are built from the hash, so the bytes must really have it.
    if (sha256Hex(bytes) !== found.sha256) continue;
    const mediaPath = `media/${found.sha256}.${extensionForMediaType(found.mediaType)}`;
    collected.set(nodeId, { result: { kind: 'media', generationId: found.generationId, path: mediaPath, mediaType: found.mediaType, sha256: found.sha256 }, bytes });
  }
  return collected;
}

/** Assets are read only from inside the project folder (symlinks resolved first). */
async function readAsset(projectDir: string, assetPath: string): Promise<Buffer> {
  try {
    return await readFile(await resolveAssetFile(projectDir, assetPath));
  } catch (cause) {
    throw toStorageError(cause, `read the asset '${assetPath}'`);
  }
}
