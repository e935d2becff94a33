import path from 'node:path';
import type { Generation } from '../../domain';
import { buildCreateRequest, readProjectFile } from '../../project';
import { integerOption, requireOption, stringOption } from '../args';
import type { Command } from '../command';
import { withEngine } from '../engine-session';
import { EXIT, UsageError } from '../exit-codes';

// project-format.md §7: build the request (§2.6), call generations.create, print what happened; --wait waits
// for a terminal status (default 600 s) and prints the result.

const DEFAULT_TIMEOUT_S = 600;

export const generateCommand: Command = {
  name: 'generate',
  usage:
    'genweave generate <project> --node <id> [--preset <id>] [--playthrough <id>] [--player <id>] [--provider <id>] [--priority <n>] [--wait] [--timeout <s>]',
  summary: 'Create a generation for one node and optionally wait for it.',
  options: { node: 'string', preset: 'string', playthrough: 'string', player: 'string', provider: 'string', priority: 'integer', wait: 'boolean', timeout: 'integer' },
  async run({ positionals, options, dataDir, io }) {
    if (positionals.length !== 1) throw new UsageError('generate needs exactly one <project> path.');
    const nodeId = requireOption(options, 'node');
    const priority = integerOption(options, 'priority');
    if (priority !== undefined && (priority < 0 || priority > 10)) throw new UsageError("Option '--priority' must be between 0 and 10.");
    const timeoutS = integerOption(options, 'timeout') ?? DEFAULT_TIMEOUT_S;
    if (timeoutS < 1) throw new UsageError("Option '--timeout' must be at least 1 second.");
    const loaded = await readProjectFile(path.resolve(positionals[0]!));
    const node = loaded.document.generationNodes.find((n) => n.id === nodeId);
    const provider = stringOption(options, 'provider');
    const request = buildCreateRequest(loaded.document, nodeId, {
      projectPath: loaded.path,
      ...optional('presetId', stringOption(options, 'preset')),
      ...optional('playthroughId', stringOption(options, 'playthrough')),
      ...optional('playerId', stringOption(options, 'player')),
      ...(provider !== undefined && node !== undefined ? { draftConfig: { ...node.config, provider } } : {}),
    });
    if (priority !== undefined) request.priority = priority;

    return withEngine(dataDir, async (engine) => {
      const { generation, why } = await engine.generations.create(request);
      const lines = [
        `${why.source} ${why.reason} ${generation.id} ${generation.status}`,
        `hash ${generation.hash}`,
        `cacheKey ${generation.cacheKey ?? '-'}`,
      ];
      if (options.wait !== true) return { exitCode: EXIT.ok, lines, json: { generation, why } };
      const final = await waitInterruptibly(engine, generation.id, timeoutS * 1000, io.signal);
      lines.push(`status ${final.status}`, ...resultLines(final));
      return { exitCode: final.status === 'completed' ? EXIT.ok : EXIT.domain, lines, json: { generation: final, why } };
    });
  },
};

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

async function waitInterruptibly(
  engine: { generations: { wait(id: string, options?: { timeoutMs?: number }): Promise<Generation> } },
  id: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Generation> {
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([engine.generations.wait(id, { timeoutMs }), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

function resultLines(generation: Generation): string[] {
  const result = generation.result;
  if (generation.status !== 'completed' || result === null) {
    return generation.errorCode === null ? [] : [`error ${generation.errorCode}: ${generation.errorMessage ?? ''}`];
  }
  if (result.origin === 'provider') {
    if (result.text !== undefined) return [`text ${result.text}`];
    return result.mediaSha256 === undefined ? [] : [`media ${result.mediaSha256} ${result.mediaType}`];
  }
  if (result.kind === 'asset') return [`fallback default_content ${result.assetId}`];
  if (result.kind === 'placeholder') return [`fallback placeholder ${result.mediaSha256}`];
  return [`fallback skip ${result.toSceneId ?? '-'}`];
}
