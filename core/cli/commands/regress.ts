import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_USER_CONTENT_PREFERENCES, GenError, type Generation, type ProjectDocument } from '../../domain';
import type { Engine } from '../../engine';
import { isNodeEnabled, sortedJson } from '../../export';
import { buildCreateRequest, errnoOf, readProjectFile, toStorageError, writeFileAtomic } from '../../project';
import { stringOption } from '../args';
import type { Command } from '../command';
import { withEngine } from '../engine-session';
import { EXIT, UsageError } from '../exit-codes';

// project-format.md §7: regression snapshots of every enabled node × every playthrough preset, made on a
// throw-away data dir with only `local-preview` and a frozen clock, so that runs are reproducible and no other
// provider is ever called.

const SNAPSHOT_VERSION = 1;
/** 2026-01-01T00:00:00Z: the engine clock during a run, which also fixes `timestamp` seeds. */
const REGRESS_CLOCK_MS = Date.UTC(2026, 0, 1);
const WAIT_MS = 60_000;
const NO_PRESET = '-';

type Entry = Record<string, unknown>;

export function snapshotFileFor(projectPath: string, document: Pick<ProjectDocument, 'name'>): string {
  // The project name is authored text: it may name the file, never a folder.
  return path.join(path.dirname(projectPath), `${document.name.replace(/[/\\\0]/g, '_')}.snapshots.json`);
}

export const regressCommand: Command = {
  name: 'regress',
  usage: 'genweave regress <project> [--update] [--node <id>] [--preset <id>]',
  summary: 'Compare (or with --update record) regression snapshots made with local-preview.',
  options: { update: 'boolean', node: 'string', preset: 'string' },
  async run({ positionals, options, io }) {
    if (positionals.length !== 1) throw new UsageError('regress needs exactly one <project> path.');
    const loaded = await readProjectFile(path.resolve(positionals[0]!));
    const { document } = loaded;
    const file = snapshotFileFor(loaded.path, document);
    const update = options.update === true;
    const previous = await readSnapshots(file);
    if (!update && previous === null) {
      return {
        exitCode: EXIT.domain,
        lines: [`No regression snapshots at '${file}'. Run 'genweave regress ${positionals[0]} --update' to record them.`],
        json: { snapshotFile: file, missing: true },
      };
    }
    const pairs = selectPairs(document, stringOption(options, 'node'), stringOption(options, 'preset'));
    const tempDataDir = await mkdtemp(path.join(os.tmpdir(), 'genweave-regress-'));
    let current: Record<string, Entry>;
    try {
      current = await withEngine(
        tempDataDir,
        async (engine) => {
          const entries: Record<string, Entry> = {};
          for (const [i, { nodeId, presetId }] of pairs.entries()) {
            io.signal.throwIfAborted();
            io.stderr(`regress ${i + 1}/${pairs.length} ${nodeId} × ${presetId ?? NO_PRESET}\n`);
            entries[`${nodeId} × ${presetId ?? NO_PRESET}`] = await snapshotOne(engine, document, loaded.path, nodeId, presetId);
          }
          return entries;
        },
        { providers: [{ id: 'local-preview', kind: 'local-preview' }], now: () => REGRESS_CLOCK_MS },
      );
    } finally {
      await rm(tempDataDir, { recursive: true, force: true });
    }

    if (update) {
      // With --node or --preset only those entries are replaced; the others are kept.
      const merged = { ...(previous ?? {}), ...current };
      await writeFileAtomic(file, sortedJson({ snapshotVersion: SNAPSHOT_VERSION, entries: merged }), { operation: 'write the regression snapshots' });
      return { exitCode: EXIT.ok, lines: [`Recorded ${Object.keys(current).length} snapshots in '${file}'.`], json: { snapshotFile: file, updated: Object.keys(current) } };
    }
    const changes = diffEntries(previous!, current, Object.keys(current));
    const lines = changes.map((c) => `${c.entry} › ${c.field}: ${c.old} → ${c.new}`);
    lines.push(changes.length === 0 ? `No changes in ${pairs.length} snapshots.` : `${new Set(changes.map((c) => c.entry)).size} of ${pairs.length} snapshots changed.`);
    return { exitCode: changes.length === 0 ? EXIT.ok : EXIT.domain, lines, json: { snapshotFile: file, changes } };
  },
};

function selectPairs(document: ProjectDocument, nodeId: string | undefined, presetId: string | undefined) {
  const nodes = document.generationNodes.filter((node) => isNodeEnabled(node.config) && (nodeId === undefined || node.id === nodeId));
  if (nodeId !== undefined && nodes.length === 0) {
    throw new GenError('GEN_NOT_FOUND', `Node '${nodeId}' was not found.`, { entity: 'node', id: nodeId });
  }
  const presets = document.playthroughPresets.filter((preset) => presetId === undefined || preset.id === presetId).map((p) => p.id);
  if (presetId !== undefined && presets.length === 0) {
    throw new GenError('GEN_NOT_FOUND', `Playthrough preset '${presetId}' was not found.`, { entity: 'playthrough preset', id: presetId });
  }
  const presetIds: Array<string | undefined> = presets.length > 0 ? presets : [undefined];
  return nodes.flatMap((node) => presetIds.map((preset) => ({ nodeId: node.id, presetId: preset })));
}

async function snapshotOne(engine: Engine, document: ProjectDocument, projectPath: string, nodeId: string, presetId: string | undefined): Promise<Entry> {
  const node = document.generationNodes.find((n) => n.id === nodeId)!;
  const request = buildCreateRequest(document, nodeId, {
    projectPath,
    draftConfig: { ...node.config, provider: 'local-preview' },
    ...(presetId === undefined ? {} : { presetId }),
  });
  request.user = { ...DEFAULT_USER_CONTENT_PREFERENCES };
  const dry = await engine.generations.validate(request);
  const entry: Entry = {
    validation: dry.validation,
    error: dry.error === null ? null : dry.error.code,
    socialContext: dry.socialContext,
    contentRating: dry.socialContext?.contentRating ?? null,
    canonicalParams: dry.canonicalParams,
    hash: dry.hash,
    cacheKey: dry.cacheKey,
    prompt: { text: dry.finalPrompt, source: dry.promptSource, versionId: dry.promptVersionId },
    output: null,
  };
  if (!dry.ok) return entry;
  const { generation } = await engine.generations.create(request);
  entry.output = outputOf(await engine.generations.wait(generation.id, { timeoutMs: WAIT_MS }));
  return entry;
}

function outputOf(generation: Generation): Record<string, unknown> {
  const result = generation.result;
  if (generation.status !== 'completed' || result === null) return { status: generation.status, errorCode: generation.errorCode };
  if (result.origin === 'provider') {
    return result.text !== undefined ? { text: result.text } : { mediaSha256: result.mediaSha256 ?? null, mediaType: result.mediaType };
  }
  return { fallback: result.kind };
}

async function readSnapshots(file: string): Promise<Record<string, Entry> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return null;
    throw toStorageError(cause, `read the regression snapshots '${file}'`);
  }
  const parsed = JSON.parse(text) as { entries?: Record<string, Entry> };
  return parsed.entries ?? {};
}

type Change = { entry: string; field: string; old: string; new: string };

/** One change per differing leaf field, in a stable order: `<node> × <preset> › <field>: <old> → <new>`. */
export function diffEntries(previous: Record<string, Entry>, current: Record<string, Entry>, keys: readonly string[]): Change[] {
  const changes: Change[] = [];
  for (const key of keys) {
    const before = Object.hasOwn(previous, key) ? flatten(previous[key]) : null;
    const after = flatten(current[key]);
    if (before === null) {
      changes.push({ entry: key, field: '(entry)', old: '(none)', new: '(new snapshot)' });
      continue;
    }
    for (const field of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const oldValue = before.get(field) ?? '(none)';
      const newValue = after.get(field) ?? '(none)';
      if (oldValue !== newValue) changes.push({ entry: key, field, old: shorten(oldValue), new: shorten(newValue) });
    }
  }
  return changes;
}

/** Leaf fields as paths (`a.b[2].c`) with their JSON text; iterative, so deep values cannot overflow the stack. */
function flatten(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Array<[string, unknown]> = [['', value]];
  while (stack.length > 0) {
    const [prefix, item] = stack.pop()!;
    if (Array.isArray(item) && item.length > 0) {
      item.forEach((child, i) => stack.push([`${prefix}[${i}]`, child]));
    } else if (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length > 0) {
      for (const [key, child] of Object.entries(item)) stack.push([prefix === '' ? key : `${prefix}.${key}`, child]);
    } else {
      out.set(prefix, JSON.stringify(item) ?? 'null');
    }
  }
  return out;
}

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
