import { lstat, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Asset,
  GenError,
  type GenerationNode,
  PROJECT_ID_PREFIXES,
  type ProjectDocument,
  type PromptFamily,
  type PromptVersion,
} from '../domain';
import { ExportBundleSchema, type BundleNode } from '../export/bundle-schema';
import { toStorageError } from './atomic-write';
import { outsideRoot } from './project-assets';
import { sortedJson } from '../export/sorted-json';
import { errnoOf, formatIssuePath, readProjectFile, sha256Hex } from './project-file';
import { generateEntityId, sanitizeFileName, uniqueFileName } from './safe-names';

// project-format.md §3 (import): nodes and prompts from another project file or an export bundle folder.
// There is no archive import. Every asset path of the source is checked before anything is read or written:
// an absolute path or one containing `..` refuses the whole import with GEN_PATH_OUTSIDE_ROOT.

export type ImportConflict = {
  kind: 'node' | 'promptFamily' | 'promptVersion' | 'asset';
  id: string;
  resolution: 'renamed' | 'kept-existing';
  newId?: string;
  message: string;
};

export type ImportResult = {
  document: ProjectDocument;
  imported: { nodes: string[]; promptFamilies: string[]; promptVersions: string[]; assets: string[] };
  conflicts: ImportConflict[];
};

type Source = { root: string; nodes: GenerationNode[]; families: PromptFamily[]; versions: PromptVersion[]; assets: Asset[] };

export async function importFromProject(options: {
  document: ProjectDocument;
  projectPath: string;
  sourcePath: string;
  nodeIds?: readonly string[];
}): Promise<ImportResult> {
  const source = await loadSource(path.resolve(options.sourcePath));
  for (const asset of source.assets) {
    if (!isRelativeInside(asset.path)) throw outsideRoot(asset.path, 'project');
  }
  const wanted = options.nodeIds === undefined ? source.nodes : source.nodes.filter((node) => options.nodeIds!.includes(node.id));
  const target = structuredClone(options.document);
  const conflicts: ImportConflict[] = [];
  const imported: ImportResult['imported'] = { nodes: [], promptFamilies: [], promptVersions: [], assets: [] };

  mergePrompts(target, source, conflicts, imported);

  // Assets the imported nodes use: read (inside the source) before anything is written.
  const neededAssetIds = new Set(wanted.map((node) => defaultContentIdOf(node.config)).filter((id): id is string => id !== undefined));
  const copies: Array<{ asset: Asset; bytes: Buffer }> = [];
  for (const asset of source.assets) {
    if (neededAssetIds.has(asset.id)) copies.push({ asset, bytes: await readInside(source.root, asset.path) });
  }

  const takenIds = new Set(allIds(target));
  const assetIdMap = new Map<string, string>();
  const assetsDir = path.join(path.dirname(path.resolve(options.projectPath)), 'assets');
  if (copies.length > 0) {
    try {
      await mkdir(assetsDir, { recursive: true });
      const takenNames = new Set(await readdir(assetsDir));
      for (const { asset, bytes } of copies) {
        const same = target.assets.find((a) => a.sha256 === sha256Hex(bytes));
        if (same !== undefined) {
          assetIdMap.set(asset.id, same.id);
          continue;
        }
        const name = uniqueFileName(sanitizeFileName(asset.path), takenNames);
        takenNames.add(name);
        await writeFile(path.join(assetsDir, name), bytes, { flag: 'wx' });
        const id = takenIds.has(asset.id) ? freshId(PROJECT_ID_PREFIXES.asset, takenIds) : asset.id;
        if (id !== asset.id) conflicts.push({ kind: 'asset', id: asset.id, resolution: 'renamed', newId: id, message: `Asset '${asset.id}' already exists; imported as '${id}'.` });
        takenIds.add(id);
        assetIdMap.set(asset.id, id);
        target.assets.push({ id, path: `assets/${name}`, mediaType: asset.mediaType, sha256: sha256Hex(bytes) });
        imported.assets.push(id);
      }
    } catch (cause) {
      throw toStorageError(cause, "copy imported assets into the project's assets folder");
    }
  }

  for (const node of wanted) {
    const id = takenIds.has(node.id) ? freshId(PROJECT_ID_PREFIXES.generationNode, takenIds) : node.id;
    if (id !== node.id) conflicts.push({ kind: 'node', id: node.id, resolution: 'renamed', newId: id, message: `Node '${node.id}' already exists; imported as '${id}'.` });
    takenIds.add(id);
    const config = structuredClone(node.config);
    const contentId = defaultContentIdOf(config);
    if (contentId !== undefined && assetIdMap.has(contentId)) (config.fallback as Record<string, unknown>).defaultContentId = assetIdMap.get(contentId);
    target.generationNodes.push({ ...node, id, config });
    imported.nodes.push(id);
  }
  return { document: target, imported, conflicts };
}

function mergePrompts(target: ProjectDocument, source: Source, conflicts: ImportConflict[], imported: ImportResult['imported']): void {
  const keptFamilies = new Set<string>();
  for (const family of source.families) {
    const sameId = target.prompts.families.find((f) => f.id === family.id);
    const sameSlug = target.prompts.families.find((f) => f.slug === family.slug);
    if (sameId === undefined && sameSlug === undefined) {
      target.prompts.families.push(family);
      imported.promptFamilies.push(family.id);
      keptFamilies.add(family.id);
    } else if (sameId !== undefined && sameId.slug === family.slug) {
      keptFamilies.add(family.id); // The same family: its new versions may still be imported.
    } else {
      conflicts.push({ kind: 'promptFamily', id: family.id, resolution: 'kept-existing', message: `Prompt family '${family.slug}' conflicts with an existing family; the existing one was kept.` });
    }
  }
  for (const version of source.versions) {
    if (!keptFamilies.has(version.familyId)) continue;
    const existing = target.prompts.versions.find((v) => v.id === version.id);
    if (existing !== undefined) {
      // Versions are immutable: an identical one is already there; a different one with the same id is a conflict.
      if (sortedJson(existing) !== sortedJson(version)) {
        conflicts.push({ kind: 'promptVersion', id: version.id, resolution: 'kept-existing', message: `Prompt version '${version.id}' differs from the existing one; the existing one was kept.` });
      }
      continue;
    }
    if (target.prompts.versions.some((v) => v.familyId === version.familyId && v.versionNumber === version.versionNumber)) {
      conflicts.push({ kind: 'promptVersion', id: version.id, resolution: 'kept-existing', message: `Prompt version ${version.versionNumber} of family '${version.familyId}' already exists; the existing one was kept.` });
      continue;
    }
    if (version.parentVersionId !== undefined && !target.prompts.versions.some((v) => v.id === version.parentVersionId)) continue;
    target.prompts.versions.push(version);
    imported.promptVersions.push(version.id);
  }
}

async function loadSource(sourcePath: string): Promise<Source> {
  let isDir: boolean;
  try {
    isDir = (await lstat(sourcePath)).isDirectory();
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') throw new GenError('GEN_NOT_FOUND', `File '${sourcePath}' was not found.`, { entity: 'file', id: sourcePath });
    throw toStorageError(cause, `read '${sourcePath}'`);
  }
  if (!isDir) {
    const { document } = await readProjectFile(sourcePath);
    return { root: path.dirname(sourcePath), nodes: document.generationNodes, families: document.prompts.families, versions: document.prompts.versions, assets: document.assets };
  }
  const file = path.join(sourcePath, 'genweave-bundle.json');
  const raw = await readProjectText(file);
  // Path refusal comes before the shape check, so a bundle that points outside answers GEN_PATH_OUTSIDE_ROOT.
  for (const candidate of bundlePaths(raw)) if (!isRelativeInside(candidate)) throw outsideRoot(candidate, 'project');
  const parsed = ExportBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
    throw new GenError('GEN_PROJECT_INVALID', `'${file}' is not a valid Genweave project: '${issues[0]!.path}' ${issues[0]!.message}.`, { path: file, issues });
  }
  const bundle = parsed.data;
  const assets: Asset[] = bundle.assets.map((asset) => ({ ...asset }));
  return { root: sourcePath, nodes: bundle.nodes.map(nodeFromBundle), families: bundle.prompts.families, versions: bundle.prompts.versions, assets };
}

async function readProjectText(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') throw new GenError('GEN_PROJECT_INVALID', `'${file}' is not a valid Genweave project: the folder holds no export bundle.`, { path: file });
    throw toStorageError(cause, `read '${file}'`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const error = new GenError('GEN_PROJECT_INVALID', `'${file}' is not a valid Genweave project: the bundle is not JSON.`, { path: file });
    error.cause = cause;
    throw error;
  }
}

/** A bundle node back into an authored node (positions are not exported, so it lands at the origin). */
function nodeFromBundle(node: BundleNode, index: number): GenerationNode {
  const prompt: Record<string, unknown> = { variables: node.prompt.variables };
  if (node.prompt.source === 'inline' && node.prompt.template !== null) prompt.inline = node.prompt.template;
  if (node.prompt.source === 'versioned' && node.prompt.versionId !== null) prompt.versionId = node.prompt.versionId;
  const fallback: Record<string, unknown> = { mode: node.fallback.mode };
  if (node.fallback.defaultContent !== null) fallback.defaultContentId = node.fallback.defaultContent.assetId;
  if (node.fallback.maxRetries !== null) fallback.maxRetries = node.fallback.maxRetries;
  if (node.fallback.timeoutMs !== null) fallback.timeoutMs = node.fallback.timeoutMs;
  const config: Record<string, unknown> = {
    generationType: node.generationType,
    purpose: node.purpose,
    strategy: node.strategy,
    enabled: true,
    version: node.version,
    provider: node.provider,
    modelParams: node.modelParams,
    style: node.style,
    duration: node.duration,
    constraints: node.constraints,
    prompt,
    fallback,
  };
  if (node.seedSource !== null) config.seedSource = node.seedSource;
  if (node.social.npcIds.length > 0 || node.social.ratingOverride !== null) {
    config.socialContext = { npcIds: node.social.npcIds, ...(node.social.ratingOverride === null ? {} : { contentRating: node.social.ratingOverride }) };
  }
  return { id: node.id, label: node.label, position: { x: 0, y: index * 120 }, config };
}

/** Every path string a bundle names: assets, default contents and embedded results. */
function bundlePaths(raw: unknown): string[] {
  const paths: string[] = [];
  const object = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const add = (value: unknown) => {
    if (typeof value === 'string') paths.push(value);
  };
  for (const asset of list(object(raw).assets)) add(object(asset).path);
  for (const node of list(object(raw).nodes)) {
    add(object(object(object(node).fallback).defaultContent).path);
    add(object(object(node).result).path);
  }
  return paths;
}

/** A relative path that stays inside its root: no absolute path, drive, UNC, backslash or `..` segment. */
function isRelativeInside(assetPath: string): boolean {
  if (assetPath.includes('\0') || assetPath.includes('\\') || assetPath.startsWith('/') || /^[A-Za-z]:/.test(assetPath)) return false;
  return assetPath.split('/').every((segment) => segment !== '..');
}

async function readInside(root: string, relativePath: string): Promise<Buffer> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...relativePath.split('/')));
    const relative = path.relative(realRoot, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw outsideRoot(relativePath, 'project');
    return await readFile(real);
  } catch (cause) {
    throw toStorageError(cause, `read the asset '${relativePath}'`);
  }
}

function defaultContentIdOf(config: Record<string, unknown>): string | undefined {
  const fallback = config.fallback;
  if (typeof fallback !== 'object' || fallback === null) return undefined;
  const id = (fallback as Record<string, unknown>).defaultContentId;
  return typeof id === 'string' ? id : undefined;
}

function allIds(document: ProjectDocument): string[] {
  return [...document.scenes, ...document.generationNodes, ...document.edges, ...document.assets, ...document.playthroughPresets].map((entry) => entry.id);
}

function freshId(prefix: string, taken: ReadonlySet<string>): string {
  let id = generateEntityId(prefix);
  while (taken.has(id)) id = generateEntityId(prefix);
  return id;
}
