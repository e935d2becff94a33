import path from 'node:path';
import { isGenError } from '../../domain';
import { engineMediaSource, type ExportProblem, runExport } from '../../export';
import { readProjectFile } from '../../project';
import { requireOption } from '../args';
import { EXIT, UsageError } from '../exit-codes';
import type { Command } from '../command';
import { configuredProviderIds, userPreferences } from '../data-dir-files';
import { withEngine } from '../engine-session';


export const exportCommand: Command = {
  name: 'export',
  usage: 'genweave export <project> --out <dir> [--include-media]',
  summary: 'Write the export bundle; prints the files written, or the problems that refuse it.',
  options: { out: 'string', 'include-media': 'boolean' },
  async run({ positionals, options, dataDir, io }) {
    if (positionals.length !== 1) throw new UsageError('export needs exactly one <project> path.');
    const outDir = path.resolve(requireOption(options, 'out'));
    const loaded = await readProjectFile(path.resolve(positionals[0]!));
    const base = { providers: await configuredProviderIds(dataDir), signal: io.signal, ...optionalUser(await userPreferences(dataDir)) };
    const input = { document: loaded.document, projectPath: loaded.path, outDir, includeMedia: options['include-media'] === true };
    try {
      const result =
        options['include-media'] === true
          ? await withEngine(dataDir, (engine) => runExport(input, { ...base, mediaSource: engineMediaSource(engine, dataDir) }))
          : await runExport(input, base);
      return {
        exitCode: EXIT.ok,
        lines: [...result.files.map((file) => path.join(result.outDir, file)), `Exported ${result.files.length} files; bundle sha256 ${result.bundleSha256}.`],
        json: { ...result },
      };
    } catch (error) {
      if (!isGenError(error) || error.code !== 'GEN_EXPORT_BLOCKED') throw error;
      const problems = (error.details?.problems ?? []) as ExportProblem[];
      return {
        exitCode: EXIT.domain,
        lines: [...problems.map((p) => `${p.severity} ${p.rule} ${p.nodeId ?? '-'} ${p.path ?? '-'}: ${p.message}`), error.message],
        json: { error: error.toWire() },
      };
    }
  },
};

function optionalUser<T>(user: T | undefined): { user?: T } {
  return user === undefined ? {} : { user };
}
